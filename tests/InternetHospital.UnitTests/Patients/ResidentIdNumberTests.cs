using InternetHospital.Domain.Patients;

namespace InternetHospital.UnitTests.Patients;

public sealed class ResidentIdNumberTests
{
    // Published GB 11643 example numbers and hand-checked ones.
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, Sex.Female)]
    [InlineData("440524188001010014", 1880, 1, 1, Sex.Male)]
    [InlineData("11010519491231002x", 1949, 12, 31, Sex.Female)]
    public void A_valid_number_parses_with_its_birth_date_and_sex(string value, int year, int month, int day, Sex sex)
    {
        Assert.True(ResidentIdNumber.TryParse(value, out var id));
        Assert.Equal(new DateOnly(year, month, day), id!.DateOfBirth);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(value.ToUpperInvariant(), id.Value);
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("1101051949123100211")] // 19 characters
    [InlineData("11010519491331002X")] // month 13 (check character recomputed below would still fail the date)
    [InlineData("A1010519491231002X")]
    [InlineData("")]
    public void An_invalid_number_does_not_parse(string value)
    {
        Assert.False(ResidentIdNumber.TryParse(value, out _));
    }

    [Fact]
    public void A_correct_checksum_on_an_impossible_date_is_still_refused()
    {
        const string first17 = "11010519490230001"; // 30 February
        var value = first17 + ResidentIdNumber.CheckCharacterFor(first17);

        Assert.True(ResidentIdNumber.HasValidChecksum(value));
        Assert.False(ResidentIdNumber.TryParse(value, out _));
    }

    [Fact]
    public void The_check_character_follows_iso_7064_mod_11_2()
    {
        Assert.Equal('X', ResidentIdNumber.CheckCharacterFor("11010519491231002"));
        Assert.Equal('4', ResidentIdNumber.CheckCharacterFor("44052418800101001"));
    }

    [Fact]
    public void It_prints_masked()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002X", out var id));
        Assert.Equal("1101**********002X", id!.ToString());
    }
}
