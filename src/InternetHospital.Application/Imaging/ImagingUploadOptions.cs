using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.Imaging;

/// <summary>
/// Section <c>Imaging:Upload</c>: how large an outside study may be. A CD of a CT study is a few hundred megabytes; the
/// limits on what a zip unpacks to are checked while it is read, never taken from the zip's own headers.
/// </summary>
public sealed class ImagingUploadOptions
{
    public const string Section = "Imaging:Upload";

    /// <summary>The largest upload (the request body less its multipart envelope): a zip or a single file.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The most files one zip may hold (directories and a CD's own files included).</summary>
    [Range(1, 100_000)]
    public int MaxFiles { get; set; } = 5000;

    /// <summary>The most bytes a zip may unpack to, all files together.</summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest single file (each is held in memory while it is sent to the archive).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// How many times larger than its compressed bytes a file (and the whole zip) may unpack to. DICOM rarely compresses
    /// beyond 10:1; a zip bomb is thousands to one.
    /// </summary>
    [Range(2, 10_000)]
    public int MaxCompressionRatio { get; set; } = 100;
}
