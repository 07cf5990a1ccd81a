using InternetHospital.Application.Files;
using InternetHospital.Application.Scheduling;

namespace InternetHospital.Application.Appointments;

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
