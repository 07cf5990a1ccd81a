using System.Security.Cryptography;
using InternetHospital.Domain.Files;

namespace InternetHospital.Application.Files;

/// <summary>Files in the database: one place to back up, shared by every instance, removed with retention jobs.</summary>
internal sealed class FileStore(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IFileStore
{
    private const string Field = "file";

    public async Task<StoredFileInfo> SaveAsync(FileUpload upload, CancellationToken cancellationToken)
    {
        if (upload.Length <= 0)
        {
            throw Invalid("file_empty");
        }

        if (upload.Length > FileTypes.MaxBytes)
        {
            throw Invalid("file_too_large", FileTypes.MaxBytes / (1024 * 1024));
        }

        using var buffer = new MemoryStream((int)upload.Length);
        await upload.Content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > FileTypes.MaxBytes)
        {
            throw Invalid("file_too_large", FileTypes.MaxBytes / (1024 * 1024));
        }

        var bytes = buffer.ToArray();
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, FileTypes.HeadLength));
        var contentType = FileTypes.Detect(head)
            ?? (upload.AcceptAudio ? FileTypes.DetectAudio(head) : null)
            ?? throw Invalid(upload.AcceptAudio ? "file_not_photo_or_voice" : "file_type_not_allowed");
        if (FileTypes.IsAudio(contentType) && bytes.Length > FileTypes.MaxAudioBytes)
        {
            throw Invalid("file_too_large", FileTypes.MaxAudioBytes / (1024 * 1024));
        }

        var file = StoredFile.Create(
            currentUser.RequireAccountId(),
            upload.PatientId,
            upload.Purpose,
            SafeName(upload.FileName, contentType),
            contentType,
            bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            clock.GetUtcNow());
        db.Files.Add(file);
        db.FileContents.Add(new StoredFileContent(file.Id, bytes));
        return new StoredFileInfo(file.Id, file.FileName, file.ContentType, file.Size, file.UploadedAt);
    }

    public async Task<FileDownload?> OpenAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var content = await db.FileContents.AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Data).SingleAsync(cancellationToken);
        return new FileDownload(new StoredFileInfo(file.Id, file.FileName, file.ContentType, file.Size, file.UploadedAt), file.UploadedByAccountId, file.PatientId, file.Purpose, content);
    }

    /// <summary>
    /// A display name without paths, control or invisible characters, with an extension that matches what the file is.
    /// Note: bidi controls (U+202E and friends) and other format characters are removed too: shown to staff, they make
    /// "invoice‮fdp.exe" read as "invoiceexe.pdf".
    /// </summary>
    internal static string SafeName(string fileName, string contentType)
    {
        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        var kept = new System.Text.StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (kept.Length + rune.Utf16SequenceLength > 100)
            {
                break;
            }

            if (rune != System.Text.Rune.ReplacementChar && IsShown(rune) && rune.Value is not ('"' or '<' or '>' or ':' or '|' or '?' or '*'))
            {
                kept.Append(rune.ToString());
            }
        }

        name = kept.ToString().Trim();
        if (name.Length == 0)
        {
            name = "file";
        }

        var extension = contentType switch
        {
            FileTypes.Jpeg => ".jpg",
            FileTypes.Png => ".png",
            FileTypes.WebP => ".webp",
            FileTypes.Heic => ".heic",
            FileTypes.WebmAudio => ".webm",
            FileTypes.OggAudio => ".ogg",
            FileTypes.Mp4Audio => ".m4a",
            FileTypes.Aac => ".aac",
            _ => ".pdf",
        };
        return name + extension;
    }

    private static bool IsShown(System.Text.Rune rune) => System.Text.Rune.GetUnicodeCategory(rune) is not (
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
        or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned
        or System.Globalization.UnicodeCategory.Surrogate);

    private static ValidationException Invalid(string code, params object[] args) => new([ValidationMessages.Failure(Field, code, args)]);
}
