using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The counts on the doctor's workspace card: who is signed, and what needs attention.</summary>
public sealed record GetFamilyPanelOverview : IQuery<PanelOverview>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, TimeProvider clock) : IQueryHandler<GetFamilyPanelOverview, PanelOverview>
    {
        public async ValueTask<PanelOverview> Handle(GetFamilyPanelOverview query, CancellationToken cancellationToken)
        {
            var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
            if (teams.Count == 0)
            {
                return new PanelOverview(false, 0, 0, 0, 0, 0);
            }

            var now = clock.GetUtcNow();
            var today = access.Today();
            var rows = GetFamilyPanel.Handler.PanelRows(db, teams, now, now - GetFamilyPanel.RecentReadings);
            var applications = await db.FamilyContracts.CountAsync(
                c => teams.Contains(c.TeamId) && (c.Status == ContractStatus.Pending || (c.Status == ContractStatus.Active && c.RenewalRequestedAt != null && c.EndsAt > now)),
                cancellationToken);
            return new PanelOverview(
                true,
                await rows.CountAsync(cancellationToken),
                await rows.CountAsync(r => r.OpenAlerts > 0, cancellationToken),
                applications,
                await rows.CountAsync(r => r.UnreadMessages > 0, cancellationToken),
                await rows.CountAsync(r => r.NextFollowUpOn < today, cancellationToken));
        }
    }
}

/// <param name="InTeam">Whether the doctor belongs to a family-doctor team at all.</param>
/// <param name="PatientsWithAlerts">Signed patients with an open reading alert.</param>
/// <param name="PendingApplications">New applications and renewal requests waiting for a decision.</param>
/// <param name="PatientsWithUnreadMessages">Signed patients whose messages nobody in the team has read.</param>
/// <param name="PatientsWithOverdueFollowUp">Signed patients with a follow-up past its due day.</param>
public sealed record PanelOverview(
    bool InTeam,
    int SignedPatients,
    int PatientsWithAlerts,
    int PendingApplications,
    int PatientsWithUnreadMessages,
    int PatientsWithOverdueFollowUp);
