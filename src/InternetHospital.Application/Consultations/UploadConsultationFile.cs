using InternetHospital.Application.Files;

namespace InternetHospital.Application.Consultations;

/// <summary>The requesting doctor uploads a document (image or PDF) of a patient of theirs, to attach to a consultation request.</summary>
public sealed record UploadConsultationFile(Guid PatientId, string FileName, Stream Content, long Length) : ICommand<StoredFileInfo>
{
    public const string Purpose = "consultation";

    public override string ToString() => nameof(UploadConsultationFile);

    public sealed class Handler(ConsultationAccess access, IFileStore files, IAuditLog audit) : ICommandHandler<UploadConsultationFile, StoredFileInfo>
    {
        public async ValueTask<StoredFileInfo> Handle(UploadConsultationFile command, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            await access.EnsureTreatsAsync(me, command.PatientId, cancellationToken);
            var stored = await files.SaveAsync(new FileUpload(command.PatientId, Purpose, command.FileName, command.Content, command.Length), cancellationToken);
            audit.Record("consultation.file_uploaded", "StoredFile", stored.Id.ToString(), command.PatientId);
            return stored;
        }
    }
}
