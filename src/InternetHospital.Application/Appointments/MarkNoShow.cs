using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>The doctor (or an admin) records that the patient did not come, once the appointment has started.</summary>
public sealed record MarkNoShow(Guid AppointmentId) : ICommand<AppointmentView>
{
    public sealed class Handler(
        IAppDbContext db,
        StaffAccess staff,
        AppointmentMessages messages,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<MarkNoShow, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(MarkNoShow command, CancellationToken cancellationToken)
        {
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == command.AppointmentId, cancellationToken);
            if (appointment is null || !await staff.IsDoctorOfAsync(appointment.DoctorId, cancellationToken))
            {
                throw new NotFoundException("Appointment", command.AppointmentId);
            }

            var now = clock.GetUtcNow();
            appointment.MarkNoShow(now);
            audit.Record("appointment.no_show", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId);
            await messages.ChangedAsync(appointment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id)).SingleAsync(cancellationToken);
            return row.ToView(now, booking.Value, hospital.Value);
        }
    }
}
