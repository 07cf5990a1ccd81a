using InternetHospital.Application.Appointments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.HealthCodes;

/// <summary>
/// The desk's one-tap check-in after a check-in scan: the appointment must be the scanned patient's, today, in person,
/// at the scanner's institution, and the scan this desk's own from the last few minutes.
/// </summary>
public sealed record CheckInByHealthCode(Guid ScanId, Guid AppointmentId) : ICommand<CheckedInView>
{
    public sealed class Handler(IAppDbContext db, ICurrentUser user, IAuditLog audit, IOptions<BookingOptions> booking, TimeProvider clock)
        : ICommandHandler<CheckInByHealthCode, CheckedInView>
    {
        public async ValueTask<CheckedInView> Handle(CheckInByHealthCode command, CancellationToken cancellationToken)
        {
            var accountId = user.RequireAccountId();
            var now = clock.GetUtcNow();
            var scan = await db.HealthCodeScans.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.ScanId, cancellationToken);
            if (scan is null || !scan.Authorises(accountId, HealthCodePurpose.CheckIn, now))
            {
                throw new NotFoundException("Health code scan", command.ScanId);
            }

            var appointment = await (
                from a in db.Appointments
                join dep in db.Departments on a.DepartmentId equals dep.Id
                where a.Id == command.AppointmentId && a.PatientId == scan.PatientId && dep.FacilityId == scan.FacilityId && a.VisitType == VisitType.InPerson
                select a).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(nameof(Appointment), command.AppointmentId);
            appointment.CheckIn(booking.Value.CheckInOpensBefore, now);
            audit.Record("appointment.checked_in", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId, $"health code scan {scan.Id} at {scan.Place}");
            return new CheckedInView(appointment.Id, appointment.Status.ToString(), now);
        }
    }
}

public sealed record CheckedInView(Guid AppointmentId, string Status, DateTimeOffset CheckedInAt);
