using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Sends whichever reminder is due: 24 hours before (unless the booking was made within the last day) and 1 hour
/// before. Idempotent: each is recorded (<see cref="AppointmentReminder"/>) in the same transaction as its notification;
/// another instance recording it first makes this commit fail on the reminder's key, and nothing is sent twice. The
/// appointment itself is only read, so a person acting on it at the same moment never loses to this job.
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
            var handled = await db.AppointmentReminders
                .Where(r => r.AppointmentId == appointment.Id && r.For == appointment.Start)
                .Select(r => r.Kind)
                .ToListAsync(cancellationToken);
            string? kind = null;
            if (untilStart <= HourLead && !handled.Contains(ReminderKind.Hour))
            {
                // Note: the hour reminder makes the day reminder moot; both are recorded so neither comes later.
                db.AppointmentReminders.Add(AppointmentReminder.Handled(appointment, ReminderKind.Hour, now));
                if (!handled.Contains(ReminderKind.Day))
                {
                    db.AppointmentReminders.Add(AppointmentReminder.Handled(appointment, ReminderKind.Day, now));
                }

                kind = bookedWithin > HourLead ? AppointmentNotifications.HourReminder : null;
            }
            else if (untilStart <= DayLead && untilStart > HourLead && !handled.Contains(ReminderKind.Day))
            {
                db.AppointmentReminders.Add(AppointmentReminder.Handled(appointment, ReminderKind.Day, now));
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
