using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>A case's full channel, for its crew, its receiving department and the teams it alerted; every read audit-logged.</summary>
public sealed record GetEmergencyCase(Guid CaseId) : IQuery<EmergencyCaseView>
{
    public sealed class Handler(EmergencyAccess access, EmergencyViews views, IAuditLog audit) : IQueryHandler<GetEmergencyCase, EmergencyCaseView>
    {
        public async ValueTask<EmergencyCaseView> Handle(GetEmergencyCase query, CancellationToken cancellationToken)
        {
            var @case = await access.ReadableCaseAsync(query.CaseId, cancellationToken);
            audit.Record("emergency.case_read", nameof(EmergencyCase), @case.Id.ToString(), @case.PatientId);
            return await views.FullAsync(@case, cancellationToken);
        }
    }
}
