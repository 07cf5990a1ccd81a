using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Files;

/// <summary>
/// A file a person uploaded (a photo of a rash, a lab report, proof of a diagnosis). The bytes live in
/// <see cref="StoredFileContent"/> so that listing files never loads them. Who may read a file is decided by
/// the feature it belongs to, never by knowing its id.
/// </summary>
public sealed class StoredFile
{
    private StoredFile()
    {
        Purpose = FileName = ContentType = Sha256 = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid UploadedByAccountId { get; private set; }
    public Guid? PatientId { get; private set; }

    /// <summary>What the file is for, e.g. <c>diagnosis-proof</c>, <c>visit-chat</c>, <c>message</c>.</summary>
    public string Purpose { get; private set; }

    public string FileName { get; private set; }

    /// <summary>The type found in the file's first bytes, not the one the browser claimed.</summary>
    public string ContentType { get; private set; }

    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public static StoredFile Create(Guid uploadedBy, Guid? patientId, string purpose, string fileName, string contentType, long size, string sha256, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        UploadedByAccountId = uploadedBy,
        PatientId = patientId,
        Purpose = purpose,
        FileName = fileName,
        ContentType = contentType,
        Size = size,
        Sha256 = sha256,
        UploadedAt = now,
    };
}

public sealed class StoredFileContent
{
    private StoredFileContent()
    {
        Data = [];
    }

    public StoredFileContent(Guid fileId, byte[] data)
    {
        FileId = fileId;
        Data = data;
    }

    public Guid FileId { get; private set; }
    public byte[] Data { get; private set; }
}
