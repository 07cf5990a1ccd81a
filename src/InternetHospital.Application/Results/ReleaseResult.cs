using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>
/// The ordering doctor releases a sensitive report to the patient before its automatic release (domain rule 25).
/// Only the doctor who ordered it may (any other doctor gets 404); a report already visible is 409. The patient is told.
/// </summary>
public sealed record ReleaseResult(Guid ReportId) : ICommand<ResultReleased>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess doctors, ICurrentUser currentUser, INotifier notifier, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<ReleaseResult, ResultReleased>
    {
        public async ValueTask<ResultReleased> Handle(ReleaseResult command, CancellationToken cancellationToken)
        {
            var doctor = await doctors.CurrentDoctorAsync(cancellationToken);
            var report = await db.LabReports.SingleOrDefaultAsync(r => r.Id == command.ReportId && r.OrderingDoctorLicence == doctor.LicenseNumber, cancellationToken)
                ?? throw new NotFoundException(nameof(LabReport), command.ReportId);
            var now = clock.GetUtcNow();
            report.Release(currentUser.RequireAccountId(), now);
            var patientId = await db.Patients.Where(p => p.HisPatientId == report.HisPatientId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            audit.Record("results.released", nameof(LabReport), report.Id.ToString(), patientId);
            if (patientId is { } id)
            {
                await notifier.NotifyPatientAsync(new PatientNotice(id, PatientScope.Results, null, ResultNotifications.Released, new Dictionary<string, string>(), $"{ResultNotifications.PatientLink}/{report.Id}"), cancellationToken);
            }

            return new ResultReleased(report.Id, now);
        }
    }
}

public sealed record ResultReleased(Guid Id, DateTimeOffset ReleasedAt);
