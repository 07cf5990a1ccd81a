using InternetHospital.Application.Doctors;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors.Administration;

public sealed record FamilyTeamAdminView(
    Guid Id,
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    FacilityRef Facility,
    Guid? DepartmentId,
    bool AcceptingApplications,
    IReadOnlyList<TeamMemberView> Members,
    int ActiveContracts,
    int Version,

    // Note: the packages the team narrowed its offer to; empty means it offers them all.
    IReadOnlyList<Guid> PackageIds)
{
    internal static async Task<IReadOnlyList<FamilyTeamAdminView>> QueryAsync(IAppDbContext db, IQueryable<FamilyDoctorTeam> source, CancellationToken cancellationToken)
    {
        var teams = await source.AsNoTracking().Include(t => t.Members).Include(t => t.Packages).ToListAsync(cancellationToken);
        var teamIds = teams.Select(t => t.Id).ToList();
        var doctorIds = teams.SelectMany(t => t.Members).Select(m => m.DoctorId).Distinct().ToList();
        var doctors = await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var facilityIds = teams.Select(t => t.FacilityId).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var active = await db.FamilyContracts.AsNoTracking()
            .Where(c => teamIds.Contains(c.TeamId) && c.Status == ContractStatus.Active)
            .GroupBy(c => c.TeamId)
            .Select(g => new { TeamId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.TeamId, x => x.Count, cancellationToken);

        return teams
            .OrderBy(t => t.Name, NameOrder.Comparer)
            .Select(t => new FamilyTeamAdminView(
                t.Id,
                t.Name,
                t.NameEn,
                t.Description,
                t.DescriptionEn,
                new FacilityRef(t.FacilityId, facilities[t.FacilityId].Name, facilities[t.FacilityId].NameEn),
                t.DepartmentId,
                t.AcceptingApplications,
                t.Members
                    .OrderBy(m => m.Role)
                    .Select(m => new TeamMemberView(m.DoctorId, doctors[m.DoctorId].FullName, doctors[m.DoctorId].Title, doctors[m.DoctorId].TitleEn, m.Role))
                    .ToList(),
                active.GetValueOrDefault(t.Id),
                t.Version,
                t.Packages.Select(p => p.PackageId).ToList()))
            .ToList();
    }
}
