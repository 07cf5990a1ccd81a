using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// What the booking background job finds to do. Each item is then handled by its own command in its own unit of work;
/// a second instance doing the same item fails harmlessly (a hold on the appointment's concurrency token, a reminder on
/// its key).
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
            var hourAhead = now + SendReminder.HourLead;
            var reminders = await db.Appointments
                .Where(a => a.Status == AppointmentStatus.Booked && a.Start > now && a.Start <= dayAhead
                    && (!db.AppointmentReminders.Any(r => r.AppointmentId == a.Id && r.For == a.Start && r.Kind == ReminderKind.Day)
                        || (a.Start <= hourAhead && !db.AppointmentReminders.Any(r => r.AppointmentId == a.Id && r.For == a.Start && r.Kind == ReminderKind.Hour))))
                .OrderBy(a => a.Start)
                .Select(a => a.Id)
                .Take(query.Limit)
                .ToListAsync(cancellationToken);
            return new DueBookingWork(expired, reminders);
        }
    }
}

public sealed record DueBookingWork(IReadOnlyList<Guid> ExpiredHolds, IReadOnlyList<Guid> DueReminders);
