using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// The seam to booking: when a doctor books a video follow-up visit for a patient from a follow-up task (the SPA opens
/// the booking flow with the task's id), the booking feature publishes this inside its unit of work. The task then
/// shows the visit and no longer counts as overdue; the doctor completes it with a note after the visit.
/// </summary>
public sealed record FollowUpVisitBooked(Guid FollowUpTaskId, Guid PatientId, Guid AppointmentId, DateTimeOffset StartsAt) : INotification
{
    public sealed class Handler(IAppDbContext db, TimeProvider clock) : INotificationHandler<FollowUpVisitBooked>
    {
        public async ValueTask Handle(FollowUpVisitBooked notification, CancellationToken cancellationToken)
        {
            // Note: the task must belong to the patient the visit was booked for; a mismatched id changes nothing.
            var plan = await db.FollowUpPlans.Include(p => p.Tasks)
                .SingleOrDefaultAsync(p => p.PatientId == notification.PatientId && p.Tasks.Any(t => t.Id == notification.FollowUpTaskId), cancellationToken);
            if (plan?.Tasks.Single(t => t.Id == notification.FollowUpTaskId).Status == FollowUpTaskStatus.Due)
            {
                plan.LinkBooking(notification.FollowUpTaskId, notification.AppointmentId, notification.StartsAt, clock.GetUtcNow());
            }
        }
    }
}
