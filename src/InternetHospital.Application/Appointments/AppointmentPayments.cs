using InternetHospital.Application.Payments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Payments;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Booking's side of payments: a paid hold becomes a booking; a payment that arrives after its hold expired books
/// the same slot if it is still free, and is refunded (and the patient told) if it is not.
/// </summary>
public sealed class AppointmentPaymentOutcomes(
    IAppDbContext db,
    IPayments payments,
    AppointmentMessages messages,
    BookingRules rules,
    TimeProvider clock) : INotificationHandler<PaymentSucceeded>
{
    public const string Purpose = "appointment";

    public async ValueTask Handle(PaymentSucceeded notification, CancellationToken cancellationToken)
    {
        if (notification.Purpose != Purpose)
        {
            return;
        }

        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == notification.ReferenceId, cancellationToken);
        if (appointment is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        switch (appointment.Status)
        {
            case AppointmentStatus.PendingPayment:
                appointment.ConfirmPaid(now);
                await messages.BookedAsync(appointment, cancellationToken);
                return;

            case AppointmentStatus.Cancelled when appointment.CancellationReason is CancellationReasons.HoldExpired or CancellationReasons.ReviewExpired
                && await CanStillHaveSlotAsync(appointment, now, cancellationToken):
                appointment.Reinstate(now);
                await messages.BookedAsync(appointment, cancellationToken);
                return;

            default:
                // Note: paid for something that is no longer there (the slot was taken, the visit cancelled, or paid twice).
                var payment = db.Payments.Local.SingleOrDefault(p => p.Id == notification.PaymentId)
                    ?? await db.Payments.SingleAsync(p => p.Id == notification.PaymentId, cancellationToken);
                await payments.RefundAsync(payment.Id, "The appointment was no longer available when the payment arrived.", cancellationToken);
                await messages.LatePaymentRefundedAsync(appointment, payment.Amount, cancellationToken);
                return;
        }
    }

    private async Task<bool> CanStillHaveSlotAsync(Appointment appointment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slot = await db.Slots.SingleAsync(s => s.Id == appointment.SlotId, cancellationToken);
        if (slot.Status != SlotStatus.Open || slot.Start <= now)
        {
            return false;
        }

        var taken = await db.Appointments.AnyAsync(a => a.OccupiedSlotId == slot.Id && a.Id != appointment.Id, cancellationToken);
        return !taken && await rules.FirstViolationAsync(appointment.PatientId, slot, appointment.Id, cancellationToken) is null;
    }
}

/// <summary>What happens to the money and the slot when an appointment ends early: refund or void, then the waitlist.</summary>
public sealed class AppointmentRelease(IAppDbContext db, IPayments payments, IPublisher publisher)
{
    /// <summary>Refunds a paid fee in full (returns the amount) or voids a payment not yet made (returns null).</summary>
    public async Task<decimal?> SettlePaymentAsync(Appointment appointment, string reason, CancellationToken cancellationToken)
    {
        if (appointment.PaymentId is not { } paymentId)
        {
            return null;
        }

        var payment = db.Payments.Local.SingleOrDefault(p => p.Id == paymentId)
            ?? await db.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
        switch (payment.Status)
        {
            case PaymentStatus.Succeeded:
                await payments.RefundAsync(paymentId, reason, cancellationToken);
                return payment.Amount;
            case PaymentStatus.Pending or PaymentStatus.Failed:
                await payments.CancelAsync(paymentId, reason, cancellationToken);
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Says that a slot just became free, inside the unit of work (the waitlist offers it to the first patient waiting
    /// for that doctor's day).
    /// </summary>
    public async Task OfferFreedSlotAsync(Guid slotId, Guid freedBy, CancellationToken cancellationToken) =>
        await publisher.Publish(new SlotFreed(slotId, freedBy), cancellationToken);
}

/// <summary>
/// A booked or held slot became free again (a cancellation, a lapsed hold, a reschedule). Published by booking inside
/// its unit of work; the waitlist handles it, so booking does not depend on the waitlist.
/// </summary>
public sealed record SlotFreed(Guid SlotId, Guid FreedByAppointmentId) : INotification;
