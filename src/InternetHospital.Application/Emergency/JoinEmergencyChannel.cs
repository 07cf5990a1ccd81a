namespace InternetHospital.Application.Emergency;

public enum EmergencyChannel
{
    /// <summary>The board of the caller's hospital (emergency-department staff).</summary>
    Board = 1,

    /// <summary>The caller's ambulance service (crew).</summary>
    Crew = 2,

    /// <summary>One case's channel (whoever may read the case).</summary>
    Case = 3,
}

/// <summary>Which live group a hub connection may join: checked like the REST reads, so the hub never leaks more than they do.</summary>
public sealed record JoinEmergencyChannel(EmergencyChannel Channel, Guid? CaseId) : IQuery<Guid>
{
    public sealed class Handler(EmergencyAccess access) : IQueryHandler<JoinEmergencyChannel, Guid>
    {
        public async ValueTask<Guid> Handle(JoinEmergencyChannel query, CancellationToken cancellationToken) => query.Channel switch
        {
            EmergencyChannel.Board => await access.DepartmentFacilityAsync(cancellationToken),
            EmergencyChannel.Crew => await access.CrewServiceAsync(cancellationToken),
            _ when query.CaseId is { } caseId => (await access.ReadableCaseAsync(caseId, cancellationToken)).Id,
            _ => throw new NotFoundException("Emergency case", query.CaseId),
        };
    }
}
