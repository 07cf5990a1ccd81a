using InternetHospital.Application.Administration.StaffAccounts;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>What the crew use cases share: a service as the administrator sees it after a change.</summary>
internal static class CrewAdministration
{
    /// <summary>The crew accounts of the service as stored (before this unit of work's change).</summary>
    public static async Task<HashSet<Guid>> MembersAsync(IAppDbContext db, Guid serviceId, CancellationToken cancellationToken) =>
        [.. await db.CrewMemberships.AsNoTracking().Where(m => m.ServiceId == serviceId).Select(m => m.AccountId).ToListAsync(cancellationToken)];

    public static async Task<AmbulanceServiceAdminView> ViewAsync(IStaffAccounts accounts, AmbulanceService service, IReadOnlySet<Guid> memberIds, CancellationToken cancellationToken)
    {
        var crew = (await accounts.ListAsync(cancellationToken)).Where(a => memberIds.Contains(a.Id))
            .Select(a => new CrewMemberView(a.Id, a.FullName, a.Email))
            .OrderBy(m => m.FullName, StringComparer.Ordinal)
            .ToList();
        return new AmbulanceServiceAdminView(service.Id, service.Code, service.Name, service.NameEn, service.IsActive, crew, Editable: true);
    }
}
