using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

public sealed record TeamAlert(
    Guid Id,
    Guid CaseId,
    EmergencyPathway Pathway,
    DateTimeOffset RaisedAt,
    string RaisedByName,
    IReadOnlyList<AckView> Acks,
    string HospitalName,
    string HospitalNameEn,
    PatientPart Patient,
    int? TriageLevel,
    EtaView? Eta);

/// <summary>A pathway team member's alerts of the last 24 hours (their teams at their hospitals), newest first.</summary>
public sealed record ListEmergencyAlerts : IQuery<IReadOnlyList<TeamAlert>>
{
    public sealed class Handler(IAppDbContext db, ICurrentUser user, EmergencyViews views, TimeProvider clock) : IQueryHandler<ListEmergencyAlerts, IReadOnlyList<TeamAlert>>
    {
        public async ValueTask<IReadOnlyList<TeamAlert>> Handle(ListEmergencyAlerts query, CancellationToken cancellationToken)
        {
            var accountId = user.RequireAccountId();
            var since = clock.GetUtcNow() - EmergencyAccess.HandedOverVisibleFor;
            var teams = await db.PathwayTeamMembers.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(cancellationToken);
            var facilities = teams.Select(t => t.FacilityId).Distinct().ToList();
            var cases = await EmergencyQueries.ForBoard(db)
                .Where(c => c.Alerts.Any(a => facilities.Contains(a.FacilityId) && a.RaisedAt >= since))
                .ToListAsync(cancellationToken);
            return await TeamAlertsAsync(db, views, cases, teams, since, cancellationToken);
        }
    }

    internal static async Task<IReadOnlyList<TeamAlert>> TeamAlertsAsync(
        IAppDbContext db, EmergencyViews views, IReadOnlyList<EmergencyCase> cases, IReadOnlyList<PathwayTeamMember> teams, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var boards = (await views.BoardAsync(cases, cancellationToken)).ToDictionary(b => b.Id);
        var facilityIds = teams.Select(t => t.FacilityId).Distinct().ToList();
        var names = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return [.. from c in cases
                   from a in c.Alerts
                   where a.RaisedAt >= since && teams.Any(t => t.FacilityId == a.FacilityId && t.Pathway == a.Pathway)
                   orderby a.RaisedAt descending
                   let board = boards[c.Id]
                   let alert = EmergencyViews.Alert(a)
                   select new TeamAlert(a.Id, c.Id, a.Pathway, a.RaisedAt, a.RaisedByName, alert.Acks, names[a.FacilityId].Name, names[a.FacilityId].NameEn, board.Patient, c.TriageLevel, board.Eta)];
    }
}
