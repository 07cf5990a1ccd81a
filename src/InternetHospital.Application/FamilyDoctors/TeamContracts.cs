using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>Loading a contract for a decision by the signed-in doctor: only members of the contract's team get it.</summary>
internal static class TeamContracts
{
    public static async Task<(Doctor Doctor, FamilyContract Contract, FamilyDoctorTeam Team)> LoadForTeamAsync(
        IAppDbContext db,
        IFamilyAccess access,
        Guid contractId,
        CancellationToken cancellationToken)
    {
        var doctor = await access.CurrentDoctorAsync(cancellationToken);
        var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
        var contract = await db.FamilyContracts.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is null || !teams.Contains(contract.TeamId))
        {
            throw new NotFoundException("Contract", contractId);
        }

        var team = await db.FamilyTeams.AsNoTracking().SingleAsync(t => t.Id == contract.TeamId, cancellationToken);
        return (doctor, contract, team);
    }

    public static Dictionary<string, string> TeamParameters(FamilyDoctorTeam team) => new() { ["team"] = team.Name, ["teamEn"] = team.NameEn };

    /// <summary>Tells whoever acts for the contract's patient about it (notification centre and e-mail, naming the team).</summary>
    public static async Task TellPatientAsync(this INotifier notifier, IFamilyAccess access, FamilyContract contract, FamilyDoctorTeam team, string kind, CancellationToken cancellationToken) =>
        await notifier.NotifyAllAsync(
            await access.PatientAccountsAsync(contract.PatientId, cancellationToken),
            kind,
            FamilyNotifications.PatientContractLink,
            cancellationToken,
            TeamParameters(team));
}
