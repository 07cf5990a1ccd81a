using InternetHospital.Application.Payments;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The family-doctor teams a patient can sign with, and the service packages on offer.</summary>
public sealed record ListFamilyTeams : IQuery<FamilyCatalogue>
{
    public sealed class Handler(IAppDbContext db, IOptions<PaymentOptions> payments) : IQueryHandler<ListFamilyTeams, FamilyCatalogue>
    {
        public async ValueTask<FamilyCatalogue> Handle(ListFamilyTeams query, CancellationToken cancellationToken)
        {
            var teams = await db.FamilyTeams.AsNoTracking().Include(t => t.Members).Include(t => t.Packages).ToListAsync(cancellationToken);
            var doctorIds = teams.SelectMany(t => t.Members).Select(m => m.DoctorId).Distinct().ToList();
            var doctors = await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            var facilityIds = teams.Select(t => t.FacilityId).Distinct().ToList();
            var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
            var packages = await db.ServicePackages.AsNoTracking().OrderBy(p => p.DisplayOrder).ToListAsync(cancellationToken);

            return new FamilyCatalogue(
                teams
                    .OrderBy(t => t.Name, NameOrder.Comparer)
                    .Select(t => new FamilyTeamView(
                        t.Id,
                        t.Name,
                        t.NameEn,
                        t.Description,
                        t.DescriptionEn,
                        facilities.TryGetValue(t.FacilityId, out var f) ? f.Name : string.Empty,
                        facilities.TryGetValue(t.FacilityId, out var fe) ? fe.NameEn : string.Empty,
                        t.AcceptingApplications,
                        t.Members
                            .OrderBy(m => m.Role)
                            .Where(m => doctors.ContainsKey(m.DoctorId))
                            .Select(m => new TeamMemberView(m.DoctorId, doctors[m.DoctorId].FullName, doctors[m.DoctorId].Title, doctors[m.DoctorId].TitleEn, m.Role))
                            .ToList(),
                        packages.Where(p => t.Offers(p.Id)).Select(p => p.Id).ToList()))
                    .ToList(),
                packages.Select(PackageView.From).ToList(),
                payments.Value.Currency);
        }
    }
}

/// <param name="Currency">The packages' fees are in the hospital's payment currency.</param>
public sealed record FamilyCatalogue(IReadOnlyList<FamilyTeamView> Teams, IReadOnlyList<PackageView> Packages, string Currency);

public sealed record FamilyTeamView(
    Guid Id,
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    string Facility,
    string FacilityEn,
    bool AcceptingApplications,
    IReadOnlyList<TeamMemberView> Members,

    // Note: the packages one can sign for with this team, in the catalogue's order.
    IReadOnlyList<Guid> PackageIds);

public sealed record TeamMemberView(Guid DoctorId, string Name, string Title, string TitleEn, TeamRole Role);

public sealed record PackageView(
    Guid Id,
    string Code,
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    IReadOnlyList<string> Includes,
    IReadOnlyList<string> IncludesEn,
    decimal AnnualFee,
    string? ConditionCode,
    string? FollowUpTemplateCode,
    int DisplayOrder,

    // Note: what an admin's edit names, so a stale one is refused (see ServicePackage.Revise).
    int Version)
{
    public static PackageView From(ServicePackage package) => new(
        package.Id,
        package.Code,
        package.Name,
        package.NameEn,
        package.Description,
        package.DescriptionEn,
        package.Includes.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        package.IncludesEn.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        package.AnnualFee,
        package.ConditionCode,
        package.FollowUpTemplateCode,
        package.DisplayOrder,
        package.Version);
}
