using InternetHospital.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Application.Common.Security;

/// <summary>
/// Which institutions' data an administrator may change (医联体: a community centre's administrator cannot change the
/// city hospital). The consortium's administrator may change every institution; a system administrator only the ones
/// it is a member of (<c>StaffMemberships</c>). Every administrative write that touches one institution's data asks
/// here, with the institution the data belongs to; a refusal is 403 <c>institution_scope_denied</c>, changes nothing
/// and is audit-logged (in its own transaction, since the refused use case commits nothing).
/// </summary>
public sealed class InstitutionScope(IAppDbContext db, ICurrentUser user, IServiceScopeFactory scopes)
{
    public const string DeniedCode = "institution_scope_denied";

    private IReadOnlyList<Guid>? mine;

    /// <summary>The consortium's administrator: every institution is in scope, and consortium-wide settings too.</summary>
    public bool IsConsortiumWide => user.IsInRole(Roles.ConsortiumAdmin);

    /// <summary>The institutions the caller belongs to (through memberships, and a doctor through their department).</summary>
    public async Task<IReadOnlyList<Guid>> MyInstitutionsAsync(CancellationToken cancellationToken)
    {
        if (mine is null)
        {
            var accountId = user.RequireAccountId();
            var members = await db.StaffMemberships.AsNoTracking().Where(m => m.AccountId == accountId).Select(m => m.FacilityId).ToListAsync(cancellationToken);
            var primary = await (from d in db.Doctors
                                 join dep in db.Departments on d.DepartmentId equals dep.Id
                                 where d.AccountId == accountId
                                 select dep.FacilityId).ToListAsync(cancellationToken);
            mine = [.. primary.Concat(members).Distinct()];
        }

        return mine;
    }

    /// <summary>Whether the caller may change data of <paramref name="facilityId"/> (no audit, for lists that mark what is editable).</summary>
    public async Task<bool> MayChangeAsync(Guid facilityId, CancellationToken cancellationToken) =>
        IsConsortiumWide || (await MyInstitutionsAsync(cancellationToken)).Contains(facilityId);

    /// <summary>Refuses (403, audited) unless the caller may change data of <paramref name="facilityId"/>.</summary>
    public async Task EnsureAsync(Guid facilityId, string resource, object? resourceId, CancellationToken cancellationToken)
    {
        // Note: an institution that does not exist is left to the use case (404), not refused as someone else's.
        if (!await MayChangeAsync(facilityId, cancellationToken) && await db.Facilities.AnyAsync(f => f.Id == facilityId, cancellationToken))
        {
            await DenyAsync(resource, resourceId, $"institution {facilityId}", cancellationToken);
        }
    }

    /// <summary>The department's institution must be in scope (an unknown department is left to the use case's 404).</summary>
    public async Task EnsureDepartmentAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        var facilityId = await db.Departments.Where(d => d.Id == departmentId).Select(d => (Guid?)d.FacilityId).SingleOrDefaultAsync(cancellationToken);
        if (facilityId is { } id)
        {
            await EnsureAsync(id, "Department", departmentId, cancellationToken);
        }
    }

    /// <summary>The doctor's institution (their department's) must be in scope.</summary>
    public async Task EnsureDoctorAsync(Guid doctorId, CancellationToken cancellationToken)
    {
        var facilityId = await (from d in db.Doctors
                                join dep in db.Departments on d.DepartmentId equals dep.Id
                                where d.Id == doctorId
                                select (Guid?)dep.FacilityId).SingleOrDefaultAsync(cancellationToken);
        if (facilityId is { } id)
        {
            await EnsureAsync(id, "Doctor", doctorId, cancellationToken);
        }
    }

    /// <summary>Consortium-wide settings (creating institutions, the renewal fee, service packages): the consortium's administrator only.</summary>
    public async Task EnsureConsortiumAsync(string resource, CancellationToken cancellationToken)
    {
        if (!IsConsortiumWide)
        {
            await DenyAsync(resource, null, "consortium-wide setting", cancellationToken);
        }
    }

    private async Task DenyAsync(string resource, object? resourceId, string what, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IAuditLog>().Record("institution.scope_denied", resource, resourceId?.ToString(), null, what);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
        }

        throw new ForbiddenAccessException(DeniedCode, "This belongs to another institution of the consortium.");
    }
}
