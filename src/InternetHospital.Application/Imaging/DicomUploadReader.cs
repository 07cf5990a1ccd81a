using System.IO.Compression;

namespace InternetHospital.Application.Imaging;

/// <summary>The problem codes of an outside study upload (all 422: the upload is well-formed HTTP but not acceptable).</summary>
public static class ImagingUploadProblems
{
    public const string NotDicom = "imaging_not_dicom";
    public const string UnsafeArchive = "imaging_unsafe_archive";
    public const string SeveralStudies = "imaging_several_studies";
    public const string TooLarge = "imaging_too_large";
    public const string PatientMismatch = "imaging_patient_mismatch";
}

/// <summary>One DICOM file of an upload: where it is (the zip entry, or empty for a single file) and its header.</summary>
public sealed record DicomUploadFile(string EntryName, DicomHeader Header, long Length);

/// <summary>
/// A checked upload: every file in it is DICOM (or, on a CD image, skipped as the CD's own files), all of one study,
/// within the limits. Holds the zip open so the files can be read again, one at a time, to be stored.
/// </summary>
public sealed class DicomUpload : IDisposable
{
    private readonly Stream content;
    private readonly ZipArchive? zip;

    internal DicomUpload(Stream content, ZipArchive? zip, IReadOnlyList<DicomUploadFile> files, int skipped)
    {
        this.content = content;
        this.zip = zip;
        Files = files;
        Skipped = skipped;
    }

    /// <summary>The DICOM instances to store (a DICOMDIR is not one of them).</summary>
    public IReadOnlyList<DicomUploadFile> Files { get; }

    /// <summary>Files of a CD image that are not DICOM (its viewer, autorun, read-me) and were left out.</summary>
    public int Skipped { get; }

    public string StudyInstanceUid => Files[0].Header.StudyInstanceUid!;

    /// <summary>The study's description as the first file that has one says it.</summary>
    public string? Description => Files.Select(f => f.Header.StudyDescription).FirstOrDefault(d => d is not null);

    /// <summary>
    /// The whole file, read again. Its length was counted when the upload was checked; reading it again must give the
    /// same bytes count, so a zip cannot unpack differently the second time.
    /// </summary>
    public byte[] ReadContent(DicomUploadFile file)
    {
        using var stream = zip is null ? null : zip.GetEntry(file.EntryName)!.Open();
        var source = stream ?? content;
        if (stream is null)
        {
            content.Position = 0;
        }

        var bytes = new byte[file.Length];
        source.ReadExactly(bytes);
        if (source.ReadByte() != -1)
        {
            throw new InvalidDataException("The file unpacked to more bytes than when it was checked.");
        }

        return bytes;
    }

    public void Dispose()
    {
        zip?.Dispose();
    }
}

/// <summary>
/// Reads an outside study upload: a single DICOM Part-10 file, a zip of them, or a zipped CD with a DICOMDIR. Each file
/// is recognised by its content (preamble, "DICM", file meta with transfer syntax and SOP instance UID), never by its
/// name. A zip is read entry by entry with the sizes counted as they are unpacked; entry names that climb out of the
/// archive, absolute paths and symbolic links refuse the whole upload. Nothing is returned unless every file passed.
/// </summary>
public static class DicomUploadReader
{
    /// <summary>Below this many unpacked bytes the ratio is not judged (tiny files compress wildly).</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    private static readonly string[] SystemFiles = [".DS_Store", "Thumbs.db", "desktop.ini"];

    public static DicomUpload Read(Stream content, ImagingUploadOptions limits)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The upload must be seekable (the files are read twice).", nameof(content));
        }

        if (content.Length > limits.MaxUploadBytes)
        {
            throw TooLarge($"The upload is over {limits.MaxUploadBytes} bytes.");
        }

        Span<byte> magic = stackalloc byte[4];
        content.Position = 0;
        var magicLength = content.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        content.Position = 0;
        return magicLength == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2], magic[3]) is (3, 4) or (5, 6)
            ? ReadZip(content, limits)
            : ReadSingle(content, limits);
    }

    private static DicomUpload ReadSingle(Stream content, ImagingUploadOptions limits)
    {
        if (content.Length > limits.MaxFileBytes)
        {
            throw TooLarge($"The file is over {limits.MaxFileBytes} bytes.");
        }

        var prefix = new byte[(int)Math.Min(content.Length, DicomPart10.HeaderPrefixBytes)];
        content.ReadExactly(prefix);
        var header = DicomPart10.TryRead(prefix, complete: prefix.Length == content.Length, out var reason);
        if (header is null || header.IsDirectory)
        {
            throw NotDicom(header is null ? $"The file is not DICOM: {reason}." : "A DICOMDIR alone holds no images.");
        }

        return new DicomUpload(content, zip: null, [new DicomUploadFile(string.Empty, header, content.Length)], skipped: 0);
    }

    private static DicomUpload ReadZip(Stream content, ImagingUploadOptions limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException exception)
        {
            throw Unsafe($"The zip cannot be read: {exception.Message}");
        }

        try
        {
            var (files, notDicom, hasDirectory) = CheckEntries(zip, content.Length, limits);
            if (notDicom.Count > 0 && !hasDirectory)
            {
                throw NotDicom($"Not DICOM: {string.Join(", ", notDicom.Take(5))}.");
            }

            if (files.Count == 0)
            {
                throw NotDicom("The zip holds no DICOM images.");
            }

            var studies = files.Select(f => f.Header.StudyInstanceUid).Distinct(StringComparer.Ordinal).Count();
            if (studies > 1)
            {
                throw new DomainRuleException(ImagingUploadProblems.SeveralStudies, $"The upload holds {studies} studies; upload one study at a time.");
            }

            return new DicomUpload(content, zip, files, notDicom.Count);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static (List<DicomUploadFile> Files, List<string> NotDicom, bool HasDirectory) CheckEntries(ZipArchive zip, long uploadLength, ImagingUploadOptions limits)
    {
        if (zip.Entries.Count > limits.MaxFiles)
        {
            throw TooLarge($"The zip holds more than {limits.MaxFiles} files.");
        }

        var files = new List<DicomUploadFile>();
        var notDicom = new List<string>();
        var hasDirectory = false;
        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (IsUnsafeName(name) || IsSymbolicLink(entry))
            {
                throw Unsafe("An entry's name leaves the archive or is a link.");
            }

            if (name.EndsWith('/') || name.EndsWith('\\') || IsSystemFile(name))
            {
                continue;
            }

            var (header, length, signature) = ReadEntry(entry, buffer, ref total, uploadLength, limits);
            if (header is null)
            {
                // Note: a file that says it is DICOM but cannot be read is refused even on a CD; one that does not
                // say so is a CD's own file when the zip is a CD image (decided once the DICOMDIR has been seen).
                if (signature)
                {
                    throw NotDicom($"{name} is not a readable DICOM file.");
                }

                notDicom.Add(name);
                continue;
            }

            if (header.IsDirectory)
            {
                hasDirectory = true;
                continue;
            }

            files.Add(new DicomUploadFile(name, header, length));
        }

        return (files, notDicom, hasDirectory);
    }

    private static (DicomHeader? Header, long Length, bool Signature) ReadEntry(
        ZipArchiveEntry entry, byte[] buffer, ref long total, long uploadLength, ImagingUploadOptions limits)
    {
        try
        {
            using var stream = entry.Open();
            var prefix = new MemoryStream();
            long length = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                length += read;
                total += read;
                if (length > limits.MaxFileBytes)
                {
                    throw TooLarge($"A file is over {limits.MaxFileBytes} bytes.");
                }

                if (total > limits.MaxUncompressedBytes)
                {
                    throw TooLarge($"The zip unpacks to more than {limits.MaxUncompressedBytes} bytes.");
                }

                // Note: judged on the bytes actually unpacked so far, never on the sizes the zip declares.
                if ((length > RatioFloorBytes && length > Math.Max(entry.CompressedLength, 1) * limits.MaxCompressionRatio)
                    || (total > RatioFloorBytes && total > uploadLength * limits.MaxCompressionRatio)
                    || length > entry.Length)
                {
                    throw Unsafe("The zip unpacks to far more than it holds.");
                }

                if (prefix.Length < DicomPart10.HeaderPrefixBytes)
                {
                    prefix.Write(buffer, 0, (int)Math.Min(read, DicomPart10.HeaderPrefixBytes - prefix.Length));
                }
            }

            var bytes = prefix.GetBuffer().AsSpan(0, (int)prefix.Length);
            var whole = prefix.Length == length;
            return (DicomPart10.TryRead(bytes, whole, out _), length, DicomPart10.HasPart10Signature(bytes));
        }
        catch (InvalidDataException exception)
        {
            throw Unsafe($"A zip entry cannot be unpacked: {exception.Message}");
        }
    }

    /// <summary>Absolute paths, drive letters, ".." segments or NULs: names an unzip tool could write outside its folder.</summary>
    internal static bool IsUnsafeName(string name)
    {
        if (name.Length == 0 || name.Contains('\0'))
        {
            return true;
        }

        var path = name.Replace('\\', '/');
        return path.StartsWith('/')
            || (path.Length >= 2 && path[1] == ':')
            || path.Split('/').Any(segment => segment == "..");
    }

    /// <summary>A zip made on Unix keeps the file mode in the upper half of the external attributes; 0xA000 is a link.</summary>
    private static bool IsSymbolicLink(ZipArchiveEntry entry) => ((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000;

    private static bool IsSystemFile(string name)
    {
        var path = name.Replace('\\', '/');
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        return path.StartsWith("__MACOSX/", StringComparison.Ordinal) || fileName.StartsWith("._", StringComparison.Ordinal)
            || SystemFiles.Contains(fileName, StringComparer.OrdinalIgnoreCase);
    }

    private static DomainRuleException NotDicom(string message) => new(ImagingUploadProblems.NotDicom, message);

    private static DomainRuleException Unsafe(string message) => new(ImagingUploadProblems.UnsafeArchive, message);

    private static DomainRuleException TooLarge(string message) => new(ImagingUploadProblems.TooLarge, message);
}
