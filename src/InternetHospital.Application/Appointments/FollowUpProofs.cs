using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Files;
using InternetHospital.Application.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Appointments;

public static class FollowUpProofs
{
    /// <summary>The file purpose of proof of an in-person diagnosis (outpatient record, discharge summary, certificate).</summary>
    public const string Purpose = "diagnosis-proof";
}

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
            await guard.EnsureCanActForAsync(command.PatientId, cancellationToken);
            var stored = await files.SaveAsync(new FileUpload(command.PatientId, FollowUpProofs.Purpose, command.FileName, command.Content, command.Length), cancellationToken);
            audit.Record("follow_up_proof.uploaded", "StoredFile", stored.Id.ToString(), command.PatientId);
            return stored;
        }
    }
}

/// <summary>The proof attached to an appointment: for its patient and for its doctor (who reviews it). Anyone else: 404.</summary>
public sealed record GetFollowUpProof(Guid AppointmentId) : IQuery<FileDownload>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, StaffAccess staff, IFileStore files, IAuditLog audit) : IQueryHandler<GetFollowUpProof, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(GetFollowUpProof query, CancellationToken cancellationToken)
        {
            var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AppointmentId, cancellationToken)
                ?? throw new NotFoundException("Appointment", query.AppointmentId);
            await AppointmentAccess.EnsureCanSeeAsync(appointment, guard, staff, cancellationToken);
            var download = (appointment.ProofFileId is { } fileId ? await files.OpenAsync(fileId, cancellationToken) : null)
                ?? throw new NotFoundException("Proof");

            audit.Record("follow_up_proof.read", "StoredFile", download.File.Id.ToString(), appointment.PatientId);
            return download;
        }
    }
}
