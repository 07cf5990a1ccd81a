using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Lets a lapsed hold go: the appointment is cancelled by the system, a pending payment is voided, the patient is told
/// in the app, and the slot goes to the waitlist. Returns false when there was nothing to do (already done elsewhere).
/// </summary>
public sealed record ExpireHold(Guid AppointmentId) : ICommand<bool>
{
    public sealed class Handler(IAppDbContext db, AppointmentRelease release, AppointmentMessages messages, IAuditLog audit, TimeProvider clock) : ICommandHandler<ExpireHold, bool>
    {
        public async ValueTask<bool> Handle(ExpireHold command, CancellationToken cancellationToken)
        {
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == command.AppointmentId, cancellationToken);
            if (appointment is null || !appointment.ExpireHold(clock.GetUtcNow()))
            {
                return false;
            }

            await release.SettlePaymentAsync(appointment, "The hold expired", cancellationToken);
            audit.Record("appointment.hold_expired", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId);
            await messages.HoldExpiredAsync(appointment, cancellationToken);
            await release.OfferFreedSlotAsync(appointment.SlotId, appointment.Id, cancellationToken);
            return true;
        }
    }
}
