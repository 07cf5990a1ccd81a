using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors.Administration;

internal static class FamilyTeamRules
{
    public static async Task EnsurePlaceAsync(IAppDbContext db, Guid facilityId, Guid? departmentId, CancellationToken cancellationToken)
    {
        if (!await db.Facilities.AnyAsync(f => f.Id == facilityId, cancellationToken))
        {
            throw new NotFoundException("Facility", facilityId);
        }

        if (departmentId is { } id)
        {
            var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
                ?? throw new NotFoundException("Department", id);
            if (department.FacilityId != facilityId)
            {
                throw new DomainRuleException("department_not_in_facility", "The department belongs to another facility.");
            }
        }
    }

    public static async Task EnsurePackagesAsync(IAppDbContext db, IReadOnlyCollection<Guid> packageIds, CancellationToken cancellationToken)
    {
        if (packageIds.Count > 0 && await db.ServicePackages.CountAsync(p => packageIds.Contains(p.Id), cancellationToken) != packageIds.Distinct().Count())
        {
            throw new DomainRuleException("unknown_package", "A team can only offer the hospital's service packages.");
        }
    }

    /// <summary>Team doctors must be doctors on the hospital's books with the family-doctor flag (签约医生资格).</summary>
    public static async Task EnsureFamilyDoctorsAsync(IAppDbContext db, IEnumerable<Guid> doctorIds, CancellationToken cancellationToken)
    {
        var ids = doctorIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Doctors.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.IsFamilyDoctor }).ToListAsync(cancellationToken);
        if (found.Count != ids.Count)
        {
            throw new DomainRuleException("unknown_doctor", "Every team member must be a doctor of the hospital.");
        }

        if (found.Any(d => !d.IsFamilyDoctor))
        {
            throw new DomainRuleException("not_a_family_doctor", "Only family doctors can join a family-doctor team.");
        }
    }

    public static string Describe(FamilyDoctorTeam team) =>
        $"lead={team.LeadDoctorId};members={string.Join(',', team.Members.Select(m => m.DoctorId))};accepting={team.AcceptingApplications};" +
        $"packages={(team.Packages.Count == 0 ? "all" : string.Join(',', team.Packages.Select(p => p.PackageId)))}";
}
