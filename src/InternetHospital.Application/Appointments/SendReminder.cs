using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

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
