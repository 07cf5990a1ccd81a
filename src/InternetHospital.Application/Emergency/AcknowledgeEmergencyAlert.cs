using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>A team member acknowledges an alert of their team; the board shows who did. Again → the same answer.</summary>
public sealed record AcknowledgeEmergencyAlert(Guid AlertId) : ICommand<TeamAlert>
{
    public sealed class Handler(IAppDbContext db, EmergencyAccess access, EmergencyViews views, EmergencyBroadcast broadcast, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<AcknowledgeEmergencyAlert, TeamAlert>
    {
        public async ValueTask<TeamAlert> Handle(AcknowledgeEmergencyAlert command, CancellationToken cancellationToken)
        {
            var me = await access.ActorAsync(cancellationToken);
            var caseId = await db.EmergencyAlerts.Where(a => a.Id == command.AlertId).Select(a => (Guid?)a.CaseId).SingleOrDefaultAsync(cancellationToken);
            var @case = caseId is null ? null : await access.Full().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            var alert = @case?.Alerts.Single(a => a.Id == command.AlertId);
            var teams = await db.PathwayTeamMembers.AsNoTracking().Where(t => t.AccountId == me.AccountId).ToListAsync(cancellationToken);
            if (@case is null || alert is null || !teams.Any(t => t.FacilityId == alert.FacilityId && t.Pathway == alert.Pathway))
            {
                throw new NotFoundException("Alert", command.AlertId);
            }

            var now = clock.GetUtcNow();
            if (alert.Acknowledge(me, now))
            {
                audit.Record("emergency.alert_acknowledged", nameof(EmergencyCase), @case.Id.ToString(), @case.PatientId, alert.Pathway.ToString());
                await broadcast.ChangedAsync(@case, "alerts", cancellationToken);
            }

            var list = await ListEmergencyAlerts.TeamAlertsAsync(db, views, [@case], teams, DateTimeOffset.MinValue, cancellationToken);
            return list.Single(a => a.Id == alert.Id);
        }
    }
}
