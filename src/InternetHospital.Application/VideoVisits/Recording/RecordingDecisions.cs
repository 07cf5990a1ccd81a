using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// One place where the room decides whether to record: after someone answers the consent question and whenever the
/// call's membership changes. The media server is told inside the unit of work (a refusal from it changes nothing); the
/// room hears the new state after the commit.
/// </summary>
internal static class RecordingDecisions
{
    public static async Task<RecordingStatusDto> ApplyAsync(
        IAppDbContext db, IVisitRecorder recorder, IVisitRoom room, IAfterCommit afterCommit, VideoVisit visit, Guid? myAccountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var present = await db.VisitConnections
            .Where(c => c.VisitId == visit.Id && c.InCallSince != null && c.ClosedAt == null)
            .Select(c => new { c.AccountId, c.Role })
            .Distinct()
            .ToListAsync(cancellationToken);
        var participants = present.Select(p => new CallParticipant(p.AccountId, p.Role)).DistinctBy(p => p.AccountId).ToList();

        var change = visit.DecideRecording(participants, recorder.Capability, now);
        if (change != RecordingChange.None)
        {
            await recorder.SetRecordingAsync(visit.Id, change == RecordingChange.Start, cancellationToken);
        }

        if (change == RecordingChange.Start && !await db.RecordingJobs.AnyAsync(j => j.VisitId == visit.Id, cancellationToken))
        {
            db.RecordingJobs.Add(new RecordingJob(visit.Id, now));
        }

        var status = RecordingStatusDto.From(visit, myAccountId);
        if (change != RecordingChange.None)
        {
            var pushed = status with { MyConsent = null };
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, RecordingRoomEvents.RecordingChanged, pushed, ct));
        }

        return status;
    }
}

/// <summary>
/// How recording stands: whether it runs now, whether anything was recorded, and if not why (the roles in the call who
/// have not consented, or <c>unavailable</c> in a browser mesh). <paramref name="MyConsent"/> is the caller's answer
/// (null: not asked yet), so a browser asks once per visit.
/// </summary>
public sealed record RecordingStatusDto(Guid VisitId, RecordingState State, IReadOnlyList<string> NotConsentedBy, bool Available, bool? MyConsent)
{
    internal static RecordingStatusDto From(VideoVisit visit, Guid? myAccountId)
    {
        var state = visit.IsRecording ? RecordingState.Recording
            : visit.WasRecorded ? RecordingState.Recorded
            : visit.RecordingBlockedBy == VideoVisit.RecordingUnavailable ? RecordingState.Unavailable
            : RecordingState.NotRecorded;
        var missing = visit.RecordingBlockedBy is { } blocked && blocked != VideoVisit.RecordingUnavailable
            ? blocked.Split(',')
            : [];
        var mine = myAccountId is { } me ? visit.RecordingConsents.SingleOrDefault(c => c.AccountId == me)?.Consented : null;
        return new RecordingStatusDto(visit.Id, state, missing, visit.RecordingBlockedBy != VideoVisit.RecordingUnavailable, mine);
    }
}
