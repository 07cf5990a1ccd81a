using InternetHospital.Domain.Appointments;

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
