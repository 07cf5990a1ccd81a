using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// When someone joins or leaves a doctor's queue (checks in, is admitted, is finished), every other patient waiting for
/// that doctor hears it in their room and refetches their place, so the waiting room is right without a reload.
/// </summary>
internal static class QueueAnnouncements
{
    public static async Task AnnounceQueueMovedAsync(IAppDbContext db, IVisitRoom room, IAfterCommit afterCommit, Guid doctorId, Guid changedVisitId, CancellationToken cancellationToken)
    {
        var waiting = await db.VideoVisits.AsNoTracking()
            .Where(v => v.DoctorId == doctorId && v.Status == VideoVisitStatus.Waiting && v.Id != changedVisitId)
            .Select(v => v.Id)
            .ToListAsync(cancellationToken);
        foreach (var visitId in waiting)
        {
            afterCommit.Enqueue(ct => room.BroadcastAsync(visitId, VisitRoomEvents.QueueMoved, new QueueMovedEvent(visitId), ct));
        }
    }
}

public sealed record QueueMovedEvent(Guid VisitId);
