using InternetHospital.Application.Files;

namespace InternetHospital.Application.Referrals;

/// <summary>The referring doctor uploads a document (image or PDF) for a patient of theirs, to attach to a referral.</summary>
public sealed record UploadReferralFile(Guid PatientId, string FileName, Stream Content, long Length) : ICommand<StoredFileInfo>
{
    public const string Purpose = "referral";

    public override string ToString() => nameof(UploadReferralFile);

    public sealed class Handler(ReferralAccess access, IFileStore files, IAuditLog audit) : ICommandHandler<UploadReferralFile, StoredFileInfo>
    {
        public async ValueTask<StoredFileInfo> Handle(UploadReferralFile command, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            await access.EnsureTreatsAsync(me, command.PatientId, cancellationToken);
            var stored = await files.SaveAsync(new FileUpload(command.PatientId, Purpose, command.FileName, command.Content, command.Length), cancellationToken);
            audit.Record("referral.file_uploaded", "StoredFile", stored.Id.ToString(), command.PatientId);
            return stored;
        }
    }
}
