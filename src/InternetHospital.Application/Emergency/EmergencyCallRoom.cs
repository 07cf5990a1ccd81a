using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// The video room of an emergency case (a <see cref="VisitPurpose.EmergencyCase"/> visit with the case's id), between
/// the department and the crew: opened by the department's first call, reused by later calls, closed at the handover.
/// The call itself runs through the visit hub like every other video room.
/// </summary>
public sealed class EmergencyCallRoom(IAppDbContext db, CallMedia media, IVisitRoom room, IEmergencyLive live, IAfterCommit afterCommit)
{
    public const string Ringing = "ringing";
    public const string Ended = "ended";
    public const string Declined = "declined";

    /// <summary>The handover closed the case's room (the call cannot be started again).</summary>
    public const string Closed = "closed";

    /// <summary>The room for a call from the department (created on the first call of the case).</summary>
    public async Task OpenAsync(EmergencyCase c, Actor by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.VideoVisits.SingleOrDefaultAsync(v => v.Id == c.Id, cancellationToken);
        if (existing is null)
        {
            db.VideoVisits.Add(VideoVisit.OpenForEmergencyCase(c.Id, by.AccountId, now));
        }
        else if (existing.Purpose != VisitPurpose.EmergencyCase || existing.IsFinished)
        {
            throw new DomainConflictException("emergency_case_closed", "The patient has been handed over: the case is closed.");
        }
    }

    /// <summary>The case was handed over: its room closes (media server room destroyed, browsers in it told).</summary>
    public async Task CloseAsync(EmergencyCase c, Actor by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var visit = await db.VideoVisits.SingleOrDefaultAsync(v => v.Id == c.Id && v.Purpose == VisitPurpose.EmergencyCase, cancellationToken);
        if (visit is null || visit.IsFinished)
        {
            return;
        }

        visit.CloseEmergencyRoom(by.AccountId, now);
        await media.CloseAfterCommitAsync(visit.Id, cancellationToken);
        var updated = new VisitUpdatedEvent(visit.Id, visit.Status);
        afterCommit.Enqueue(ct => room.BroadcastAsync(updated.VisitId, VisitRoomEvents.VisitUpdated, updated, ct));
    }

    /// <summary>After the save: the crew's phones ring (or stop ringing), the case channel learns it too.</summary>
    public void Announce(EmergencyCase c, string state, Actor by, DateTimeOffset now)
    {
        var call = new EmergencyVideoCallEvent(c.Id, state, by.Name, now);
        var serviceId = c.ServiceId;
        afterCommit.Enqueue(ct => live.VideoCallAsync(call, serviceId, ct));
    }
}
