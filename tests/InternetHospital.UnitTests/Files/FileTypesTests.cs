using System.Text;
using InternetHospital.Application.Files;

namespace InternetHospital.UnitTests.Files;

public sealed class FileTypesTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, FileTypes.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, FileTypes.Png)]
    public void Images_are_recognised_by_their_signature(byte[] head, string expected)
    {
        Assert.Equal(expected, FileTypes.Detect(head));
    }

    [Fact]
    public void Pdf_webp_and_heic_are_recognised()
    {
        Assert.Equal(FileTypes.Pdf, FileTypes.Detect("%PDF-1.7\n"u8));
        Assert.Equal(FileTypes.WebP, FileTypes.Detect("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Equal(FileTypes.Heic, FileTypes.Detect("\0\0\0\u0018ftypheic\0\0"u8));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("MZ\u0090\0")]
    [InlineData("PK\u0003\u0004")]
    [InlineData("")]
    public void Anything_else_is_refused_whatever_it_is_called(string content)
    {
        Assert.Null(FileTypes.Detect(Encoding.Latin1.GetBytes(content)));
    }
}
