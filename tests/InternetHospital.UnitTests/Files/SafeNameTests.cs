using InternetHospital.Application.Files;

namespace InternetHospital.UnitTests.Files;

public sealed class SafeNameTests
{
    [Theory]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.pdf")]
    [InlineData("a\u202Db\u202Ac\u202Bd\u202Ce\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl.pdf", "abcdefghijkl.pdf")]
    [InlineData("zero\u200Bwidth\uFEFF.pdf", "zerowidth.pdf")]
    [InlineData("line\u2028break\u2029\u0007\u001B[31m.pdf", "linebreak[31m.pdf")]
    [InlineData("../../etc/出院小结.pdf", "出院小结.pdf")]
    [InlineData("\u202E\u200B", "file.pdf")]
    public void Bidi_invisible_and_control_characters_are_removed(string uploaded, string stored)
    {
        Assert.Equal(stored, FileStore.SafeName(uploaded, FileTypes.Pdf));
    }

    [Fact]
    public void Emoji_survive_and_long_names_are_cut_without_splitting_a_character()
    {
        var name = FileStore.SafeName(new string('a', 99) + "😀😀.png", FileTypes.Png);

        Assert.Equal(new string('a', 99) + ".png", name);
        Assert.Equal("检查😀.jpg", FileStore.SafeName("检查😀.png", FileTypes.Jpeg));
    }
}
