namespace InternetHospital.Application.Files;

/// <summary>The file types people may upload, recognised by their signature bytes (never by name or claimed type).</summary>
public static class FileTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Heic = "image/heic";
    public const string Pdf = "application/pdf";
    public const string WebmAudio = "audio/webm";
    public const string OggAudio = "audio/ogg";
    public const string Mp4Audio = "audio/mp4";
    public const string Aac = "audio/aac";

    /// <summary>
    /// A voice note is at most a minute: Opus at the browsers' default bit rates stays well under 1 MB, AAC (Safari)
    /// about 1 MB. Twice that is room enough; anything longer is not a voice note.
    /// </summary>
    public const long MaxAudioBytes = 2 * 1024 * 1024;

    /// <summary>How many leading bytes the checks look at (a WebM file names its DocType within its EBML header).</summary>
    public const int HeadLength = 64;

    /// <summary>The content type of an allowed file, or null when the bytes are not an image or PDF we accept.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        // ISO base media "ftyp" box with a HEIF brand: what phones save photos as.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            {
                return Heic;
            }
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        return null;
    }

    /// <summary>
    /// The content type of an audio recording as browsers' MediaRecorder writes it (WebM/Opus from Chrome and
    /// Android, Ogg/Opus from Firefox, MP4/AAC from Safari, raw ADTS AAC), or null. Checked by signature, like images.
    /// </summary>
    public static string? DetectAudio(ReadOnlySpan<byte> head)
    {
        // EBML magic, then the DocType "webm" inside the header (Matroska files that are not WebM are refused).
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && head.IndexOf("webm"u8) > 0)
        {
            return WebmAudio;
        }

        // An Ogg page whose first packet is an Opus or Vorbis identification header.
        if (head.StartsWith("OggS"u8) && (head.IndexOf("OpusHead"u8) > 0 || head.IndexOf("\u0001vorbis"u8) > 0))
        {
            return OggAudio;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            if (brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("mp42"u8) || brand.SequenceEqual("isom"u8)
                || brand.SequenceEqual("iso5"u8) || brand.SequenceEqual("iso6"u8) || brand.SequenceEqual("mp41"u8))
            {
                return Mp4Audio;
            }
        }

        // ADTS: the 12-bit sync word, then layer 00 (MPEG-2/4 AAC).
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0)
        {
            return Aac;
        }

        return null;
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    public static bool IsAudio(string contentType) => contentType.StartsWith("audio/", StringComparison.Ordinal);
}
