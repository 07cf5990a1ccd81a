using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Appointments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// What the booking background job finds to do. Each item is then handled by its own command in its own unit of work;
/// the appointment's concurrency token makes a second instance doing the same item fail harmlessly.
/// </summary>
public sealed record FindDueBookingWork(int Limit = 100) : IQuery<DueBookingWork>
{
    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<FindDueBookingWork, DueBookingWork>
    {
        public async ValueTask<DueBookingWork> Handle(FindDueBookingWork query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var holds = Appointment.HoldStates;
            var expired = await db.Appointments
                .Where(a => holds.Contains(a.Status) && a.HoldExpiresAt <= now)
                .OrderBy(a => a.HoldExpiresAt)
                .Select(a => a.Id)
                .Take(query.Limit)
                .ToListAsync(cancellationToken);
            var dayAhead = now + SendReminder.DayLead;
            var reminders = await db.Appointments
                .Where(a => a.Status == AppointmentStatus.Booked && a.Start > now && a.Start <= dayAhead
                    && (a.DayReminderSentAt == null || (a.HourReminderSentAt == null && a.Start <= now + SendReminder.HourLead)))
                .OrderBy(a => a.Start)
                .Select(a => a.Id)
                .Take(query.Limit)
                .ToListAsync(cancellationToken);
            return new DueBookingWork(expired, reminders);
        }
    }
}

public sealed record DueBookingWork(IReadOnlyList<Guid> ExpiredHolds, IReadOnlyList<Guid> DueReminders);

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

/// <summary>
/// Sends whichever reminder is due: 24 hours before (unless the booking was made within the last day) and 1 hour
/// before. Idempotent: each is marked sent in the same transaction as its notification.
/// </summary>
public sealed record SendReminder(Guid AppointmentId) : ICommand<bool>
{
    public static readonly TimeSpan DayLead = TimeSpan.FromHours(24);
    public static readonly TimeSpan HourLead = TimeSpan.FromHours(1);

    public sealed class Handler(IAppDbContext db, AppointmentMessages messages, TimeProvider clock) : ICommandHandler<SendReminder, bool>
    {
        public async ValueTask<bool> Handle(SendReminder command, CancellationToken cancellationToken)
        {
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == command.AppointmentId, cancellationToken);
            var now = clock.GetUtcNow();
            if (appointment is null || appointment.Status != AppointmentStatus.Booked || appointment.Start <= now)
            {
                return false;
            }

            var untilStart = appointment.Start - now;
            var bookedWithin = appointment.Start - (appointment.ConfirmedAt ?? appointment.CreatedAt);
            string? kind = null;
            if (untilStart <= HourLead && appointment.HourReminderSentAt is null)
            {
                // Note: the hour reminder makes the day reminder moot; both are marked so neither comes later.
                appointment.MarkHourReminderSent(now);
                appointment.MarkDayReminderSent(appointment.DayReminderSentAt ?? now);
                kind = bookedWithin > HourLead ? AppointmentNotifications.HourReminder : null;
            }
            else if (untilStart <= DayLead && untilStart > HourLead && appointment.DayReminderSentAt is null)
            {
                appointment.MarkDayReminderSent(now);
                kind = bookedWithin > DayLead ? AppointmentNotifications.DayReminder : null;
            }
            else
            {
                return false;
            }

            if (kind is not null)
            {
                await messages.ReminderAsync(appointment, kind, cancellationToken);
            }

            return kind is not null;
        }
    }
}
