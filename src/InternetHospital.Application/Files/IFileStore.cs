namespace InternetHospital.Application.Files;

/// <summary>
/// Keeps uploaded files. It checks what a file really is (images and PDF only, by their first bytes) and its
/// size, and stores it in the current unit of work. Features decide who may upload and who may read.
/// </summary>
public interface IFileStore
{
    /// <summary>Validates and stores the upload; a refused file is a validation error on the field <c>file</c>.</summary>
    Task<StoredFileInfo> SaveAsync(FileUpload upload, CancellationToken cancellationToken);

    /// <summary>The file and its bytes, or null if there is no such file.</summary>
    Task<FileDownload?> OpenAsync(Guid fileId, CancellationToken cancellationToken);
}

/// <param name="Purpose">What the file is for, e.g. <c>diagnosis-proof</c>.</param>
/// <param name="AcceptAudio">Whether a short audio recording is accepted too (a crew's voice note); other uploads stay images and PDF.</param>
public sealed record FileUpload(Guid? PatientId, string Purpose, string FileName, Stream Content, long Length, bool AcceptAudio = false);

public sealed record StoredFileInfo(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed record FileDownload(StoredFileInfo File, Guid UploadedByAccountId, Guid? PatientId, string Purpose, byte[] Content);
