using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>The live side of emergency cases: the board of the receiving hospital, the crew's service and the case channel.</summary>
public interface IEmergencyLive
{
    /// <summary><c>caseUpdated</c> to the hospital's board, the service's crews and the case channel.</summary>
    Task CaseUpdatedAsync(BoardCase view, Guid? facilityId, Guid serviceId, CancellationToken cancellationToken);

    /// <summary><c>channelUpdated</c> to the case channel: which part changed (the client refetches).</summary>
    Task ChannelUpdatedAsync(Guid caseId, string part, CancellationToken cancellationToken);

    /// <summary><c>videoCall</c> to the service's crews and the case channel: the department is calling, or the call ended.</summary>
    Task VideoCallAsync(EmergencyVideoCallEvent call, Guid serviceId, CancellationToken cancellationToken);
}

/// <param name="State"><c>ringing</c> (the department calls), <c>ended</c> (someone hung up or the case was handed over) or <c>declined</c> (by the crew).</param>
public sealed record EmergencyVideoCallEvent(Guid CaseId, string State, string ByName, DateTimeOffset At);

/// <summary>Queues the live pushes of a change to run once it is saved (a board must never show what was rolled back).</summary>
public sealed class EmergencyBroadcast(EmergencyViews views, IEmergencyLive live, IAfterCommit afterCommit)
{
    public async Task ChangedAsync(EmergencyCase c, string part, CancellationToken cancellationToken)
    {
        var view = (await views.BoardAsync([c], cancellationToken))[0];
        var facilityId = c.DestinationFacilityId;
        var serviceId = c.ServiceId;
        var caseId = c.Id;
        afterCommit.Enqueue(async ct =>
        {
            await live.CaseUpdatedAsync(view, facilityId, serviceId, ct);
            await live.ChannelUpdatedAsync(caseId, part, ct);
        });
    }
}

/// <summary>
/// Runs one crew write under the offline-sync rule: a resend of an applied write answers its receipt again, a write out
/// of order is refused with the number to continue from, a new one is applied, recorded with its key and sequence,
/// audit-logged and pushed live. A write refused as bad input throws before it is recorded, so its number stays free.
/// </summary>
public sealed class CrewWriter(IAppDbContext db, EmergencyAccess access, EmergencyBroadcast broadcast, IAuditLog audit, TimeProvider clock)
{
    public async Task<CrewReceipt> WriteAsync(
        Guid caseId,
        SyncStamp stamp,
        string kind,
        Func<EmergencyCase, Actor, DateTimeOffset, Task<Guid?>> apply,
        CancellationToken cancellationToken)
    {
        var @case = await access.CrewCaseAsync(caseId, stamp, cancellationToken);
        if (@case.Admit(stamp) is { } earlier)
        {
            return CrewReceipt.From(earlier, replayed: true);
        }

        await EnsureKeyUnusedAsync(stamp, cancellationToken);
        var actor = await access.ActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var itemId = await apply(@case, actor, now);
        var item = @case.Applied(stamp, kind, itemId, now);
        audit.Record("emergency." + kind, nameof(EmergencyCase), @case.Id.ToString(), @case.PatientId, $"crew; seq={stamp.Sequence}");
        await broadcast.ChangedAsync(@case, kind, cancellationToken);
        return CrewReceipt.From(item, replayed: false);
    }

    /// <summary>Keys are unique across cases too: a key seen on another case is a client bug, not a resend.</summary>
    public async Task EnsureKeyUnusedAsync(SyncStamp stamp, CancellationToken cancellationToken)
    {
        if (await db.EmergencySyncItems.AnyAsync(i => i.Key == stamp.Key, cancellationToken))
        {
            throw new DomainConflictException("emergency_idempotency_key_reused", "This idempotency key was used for another write.");
        }
    }
}
