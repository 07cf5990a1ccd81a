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

    /// <summary>The first bytes of real recordings (WebM/Opus as Chrome writes, Ogg/Opus as Firefox, MP4/AAC as Safari).</summary>
    public static TheoryData<string, string> Recordings => new()
    {
        { "1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102185380670100000000114e", FileTypes.WebmAudio },
        { "4f67675300020000000000000000d7e5b42f000000004b0fe76d01134f707573486561640101380180bb0000000000", FileTypes.OggAudio },
        { "0000001c667479704d344120000002004d34412069736f6d69736f320000000866726565", FileTypes.Mp4Audio },
        { "fff15080", FileTypes.Aac },
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Voice_recordings_are_recognised_only_where_audio_is_accepted(string hex, string expected)
    {
        var head = Convert.FromHexString(hex);
        Assert.Equal(expected, FileTypes.DetectAudio(head));
        Assert.Null(FileTypes.Detect(head));
    }

    [Theory]
    [InlineData("1a45dfa39f4286810142f7810142f2810442f38108428288")]
    [InlineData("4f676753000200000000000000000000")]
    [InlineData("0000001c6674797071742020")]
    public void Other_containers_are_not_audio(string hex)
    {
        Assert.Null(FileTypes.DetectAudio(Convert.FromHexString(hex)));
    }
}
