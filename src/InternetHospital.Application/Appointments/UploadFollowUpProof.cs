using InternetHospital.Application.Files;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// A patient uploads proof of an in-person diagnosis made elsewhere (image or PDF), to attach to a video follow-up
/// booking the doctor then reviews.
/// </summary>
public sealed record UploadFollowUpProof(Guid PatientId, string FileName, Stream Content, long Length) : ICommand<StoredFileInfo>
{
    public override string ToString() => nameof(UploadFollowUpProof);

    public sealed class Handler(IPatientAccessGuard guard, IFileStore files, IAuditLog audit) : ICommandHandler<UploadFollowUpProof, StoredFileInfo>
    {
        public async ValueTask<StoredFileInfo> Handle(UploadFollowUpProof command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var stored = await files.SaveAsync(new FileUpload(command.PatientId, FollowUpProofs.Purpose, command.FileName, command.Content, command.Length), cancellationToken);
            audit.Record("follow_up_proof.uploaded", "StoredFile", stored.Id.ToString(), command.PatientId);
            return stored;
        }
    }
}
