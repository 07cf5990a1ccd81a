using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// A change from the emergency department (online at the hospital, so not queued): load the case as their hospital's,
/// apply, audit, push. The crew's twin of a write goes through <see cref="CrewWriter"/> instead.
/// </summary>
public sealed class DepartmentWriter(EmergencyAccess access, EmergencyBroadcast broadcast, IAuditLog audit, TimeProvider clock)
{
    public async Task<EmergencyCase> WriteAsync(Guid caseId, string kind, Func<EmergencyCase, Actor, DateTimeOffset, Task> apply, CancellationToken cancellationToken)
    {
        var @case = await access.DepartmentCaseAsync(caseId, cancellationToken);
        var actor = await access.ActorAsync(cancellationToken);
        await apply(@case, actor, clock.GetUtcNow());
        audit.Record("emergency." + kind, nameof(EmergencyCase), @case.Id.ToString(), @case.PatientId, "department");
        await broadcast.ChangedAsync(@case, kind, cancellationToken);
        return @case;
    }

    /// <summary>Crew writes carry their stamp; department writes must not (they are not in the crew's order).</summary>
    public static SyncStamp RequireStamp(MessageSide side, SyncStamp? stamp) =>
        side == MessageSide.Crew ? stamp ?? throw new InvalidOperationException("Crew endpoints require the sync headers before the write is sent.") : stamp!;
}
