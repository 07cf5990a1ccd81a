using InternetHospital.Application.Administration.StaffAccounts;

namespace InternetHospital.Application.Institutions;

/// <summary>Staff accounts with their institutions, for the system administrators (who give a new nurse or registrar an institution).</summary>
public sealed record ListStaffInstitutions : IQuery<IReadOnlyList<StaffInstitutionsView>>
{
    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts) : IQueryHandler<ListStaffInstitutions, IReadOnlyList<StaffInstitutionsView>>
    {
        public async ValueTask<IReadOnlyList<StaffInstitutionsView>> Handle(ListStaffInstitutions query, CancellationToken cancellationToken)
        {
            var staff = await accounts.ListAsync(cancellationToken);
            var memberships = (await db.StaffMemberships.AsNoTracking().Select(m => new { m.AccountId, m.FacilityId }).ToListAsync(cancellationToken))
                .ToLookup(m => m.AccountId, m => m.FacilityId);
            var primary = await (from d in db.Doctors
                                 join dep in db.Departments on d.DepartmentId equals dep.Id
                                 select new { d.AccountId, dep.FacilityId }).ToDictionaryAsync(x => x.AccountId, x => x.FacilityId, cancellationToken);
            return [.. staff
                .OrderBy(a => a.FullName, StringComparer.Ordinal)
                .Select(a => new StaffInstitutionsView(
                    a.Id,
                    a.FullName,
                    a.Email,
                    a.Roles,
                    primary.TryGetValue(a.Id, out var p) ? p : null,
                    [.. memberships[a.Id]]))];
        }
    }
}
