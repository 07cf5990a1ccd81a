using InternetHospital.Application.Appointments;
using InternetHospital.Application.Payments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Waitlist;

/// <summary>
/// When a slot frees (a cancellation, a lapsed hold, a move), the first patient waiting for that doctor's day who may
/// take it gets a hold on it (<see cref="BookingOptions.HoldDuration"/>) and a notification. Patients whose limits
/// or follow-up rule would refuse the slot are passed over and keep waiting.
/// </summary>
public sealed class WaitlistOffers(
    IAppDbContext db,
    IFollowUpPolicy followUp,
    BookingRules rules,
    AppointmentMessages messages,
    IOptions<BookingOptions> booking,
    IOptions<PaymentOptions> paymentOptions,
    TimeProvider clock)
{
    public async Task OfferFreedSlotAsync(Guid slotId, Guid freedByAppointmentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var slot = await db.Slots.SingleAsync(s => s.Id == slotId, cancellationToken);
        if (slot.Status != SlotStatus.Open || slot.Start <= now)
        {
            return;
        }

        var waiting = await db.WaitlistEntries
            .Where(w => w.DoctorId == slot.DoctorId && w.Date == slot.LocalDate && w.Status == WaitlistStatus.Waiting)
            .OrderBy(w => w.CreatedAt)
            .Take(20)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var doctor = await db.Doctors.AsNoTracking().SingleAsync(d => d.Id == slot.DoctorId, cancellationToken);
        var freedBy = await db.Appointments.Where(a => a.Id == freedByAppointmentId).Select(a => (Guid?)a.PatientId).SingleOrDefaultAsync(cancellationToken);
        foreach (var entry in waiting.Where(w => slot.Offers(w.VisitType) && w.PatientId != freedBy))
        {
            if (await rules.FirstViolationAsync(entry.PatientId, slot, null, cancellationToken) is not null)
            {
                continue;
            }

            var basis = FollowUpBasis.NotRequired;
            string? code = null;
            if (entry.VisitType == VisitType.Video)
            {
                var decision = await followUp.EvaluateAsync(entry.PatientId, doctor, cancellationToken);
                if (!decision.Allowed || !doctor.CanSeeOnVideo(SlotGenerator.LocalDate(now, TimeZoneInfo.Utc)))
                {
                    continue;
                }

                basis = decision.Basis;
                code = decision.Diagnosis?.Code;
            }

            var appointment = Appointment.Hold(
                new NewAppointment(entry.PatientId, entry.AccountId, slot, entry.VisitType, doctor.FeeFor(entry.VisitType), paymentOptions.Value.Currency, basis, code, null, now + booking.Value.HoldDuration),
                now);
            db.Appointments.Add(appointment);
            entry.Offer(appointment.Id, now);
            if (appointment.Status == AppointmentStatus.Booked)
            {
                await messages.BookedAsync(appointment, cancellationToken);
            }
            else
            {
                await messages.WaitlistOfferedAsync(appointment, cancellationToken);
            }

            return;
        }
    }
}

/// <summary>Each slot booking frees is offered to the waitlist, inside booking's unit of work.</summary>
public sealed class SlotFreedHandler(WaitlistOffers offers) : INotificationHandler<SlotFreed>
{
    public async ValueTask Handle(SlotFreed notification, CancellationToken cancellationToken) =>
        await offers.OfferFreedSlotAsync(notification.SlotId, notification.FreedByAppointmentId, cancellationToken);
}
