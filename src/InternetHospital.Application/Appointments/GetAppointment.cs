using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>One appointment, for its patient or its doctor. Anyone else gets 404.</summary>
public sealed record GetAppointment(Guid AppointmentId) : IQuery<AppointmentView>
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        StaffAccess staff,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<GetAppointment, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(GetAppointment query, CancellationToken cancellationToken)
        {
            var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == query.AppointmentId)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Appointment", query.AppointmentId);
            await AppointmentAccess.EnsureCanSeeAsync(row.Appointment, guard, staff, cancellationToken);
            audit.Record("appointment.read", nameof(Appointment), row.Appointment.Id.ToString(), row.Appointment.PatientId);
            return row.ToView(clock.GetUtcNow(), booking.Value, hospital.Value);
        }
    }
}
