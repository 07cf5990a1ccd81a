using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// The patient cancels: a hold at any time, a booking until the cut-off (2 hours by default) before the start.
/// A paid fee is refunded in full; the freed slot goes to the first patient on the doctor's waitlist for that day.
/// </summary>
public sealed record CancelAppointment(Guid AppointmentId) : ICommand<AppointmentView>
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        AppointmentRelease release,
        AppointmentMessages messages,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<CancelAppointment, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(CancelAppointment command, CancellationToken cancellationToken)
        {
            var appointment = await AppointmentAccess.LoadForPatientAsync(db, guard, command.AppointmentId, cancellationToken);
            var now = clock.GetUtcNow();
            var hisKnew = appointment.Status == AppointmentStatus.Booked;
            var slotId = appointment.SlotId;
            appointment.CancelByPatient(booking.Value.ChangeCutoff, now);
            var refunded = await release.SettlePaymentAsync(appointment, "Cancelled by the patient", cancellationToken);
            audit.Record("appointment.cancelled", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId, CancellationReasons.ByPatient);
            await messages.CancelledAsync(appointment, hisKnew, refunded, cancellationToken, currentUser.RequireAccountId());
            await release.OfferFreedSlotAsync(slotId, appointment.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id)).SingleAsync(cancellationToken);
            return row.ToView(now, booking.Value, hospital.Value);
        }
    }
}
