using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.HealthCodes;

internal static class ScannerFacility
{
    /// <summary>Where a scanner works: a doctor through their department, other staff through their membership.</summary>
    public static async Task<Facility?> OfAsync(IAppDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        await (from d in db.Doctors
               join dep in db.Departments on d.DepartmentId equals dep.Id
               join f in db.Facilities on dep.FacilityId equals f.Id
               where d.AccountId == accountId
               select f).AsNoTracking().FirstOrDefaultAsync(cancellationToken)
        ?? await (from m in db.StaffMemberships
                  join f in db.Facilities on m.FacilityId equals f.Id
                  where m.AccountId == accountId
                  orderby f.Code
                  select f).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
}
