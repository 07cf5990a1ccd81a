using InternetHospital.Application.Administration.StaffAccounts;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>The ambulance services with their crews (every system administrator reads; the consortium's administrator changes).</summary>
public sealed record ListAmbulanceServices : IQuery<AmbulanceServicesOverview>
{
    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts, InstitutionScope scope) : IQueryHandler<ListAmbulanceServices, AmbulanceServicesOverview>
    {
        public async ValueTask<AmbulanceServicesOverview> Handle(ListAmbulanceServices query, CancellationToken cancellationToken)
        {
            var services = await db.AmbulanceServices.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
            var crews = await db.CrewMemberships.AsNoTracking().ToListAsync(cancellationToken);
            var staff = (await accounts.ListAsync(cancellationToken)).ToDictionary(a => a.Id);
            return new AmbulanceServicesOverview(scope.IsConsortiumWide, [.. services.Select(s => new AmbulanceServiceAdminView(
                s.Id,
                s.Code,
                s.Name,
                s.NameEn,
                s.IsActive,
                [.. crews.Where(m => m.ServiceId == s.Id && staff.ContainsKey(m.AccountId))
                    .Select(m => new CrewMemberView(m.AccountId, staff[m.AccountId].FullName, staff[m.AccountId].Email))
                    .OrderBy(m => m.FullName, StringComparer.Ordinal)],
                scope.IsConsortiumWide))]);
        }
    }
}
