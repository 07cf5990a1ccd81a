using InternetHospital.Application.Administration.StaffAccounts;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace InternetHospital.Infrastructure.Identity;

/// <summary>Staff accounts for the security administrator, changed on the Identity tables inside the unit of work.</summary>
internal sealed class StaffAccountStore(
    Persistence.AppDbContext db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    IAccountSessions sessions,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IStaffAccounts
{
    public async Task<IReadOnlyList<StaffAccountView>> ListAsync(CancellationToken cancellationToken)
    {
        var staff = Roles.Staff.ToList();
        var staffIds = from userRole in db.UserRoles
                       join role in db.Roles on userRole.RoleId equals role.Id
                       where staff.Contains(role.Name!)
                       select userRole.UserId;
        return await ViewsAsync(db.Users.Where(u => staffIds.Contains(u.Id)), cancellationToken);
    }

    public async Task<StaffAccountView> GetAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await ViewsAsync(db.Users.Where(u => u.Id == accountId), cancellationToken)).SingleOrDefault(a => a.Roles.Any(r => Roles.Staff.Contains(r)))
            ?? throw new NotFoundException("Account", accountId);

    public async Task LockAsync(Guid accountId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        account.LockoutEnabled = true;
        account.LockoutEnd = until;
        await SaveAndEndSessionsAsync(account, cancellationToken);
    }

    public async Task UnlockAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await SaveAsync(account, cancellationToken);
    }

    public async Task DisableAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        account.IsDisabled = true;
        await SaveAndEndSessionsAsync(account, cancellationToken);
    }

    public async Task EnableAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        account.IsDisabled = false;
        await SaveAsync(account, cancellationToken);
    }

    public async Task SetRoleAsync(Guid accountId, string role, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);

        // Note: replace, never add: an administrator role is an account's only role (domain rule 31), and nothing
        // here can leave an account holding two.
        db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == accountId).ToListAsync(cancellationToken));
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = accountId, RoleId = roleId });
        await SaveAndEndSessionsAsync(account, cancellationToken);
    }

    private async Task<Account> LoadAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await GetAsync(accountId, cancellationToken);
        return await db.Users.SingleAsync(u => u.Id == accountId, cancellationToken);
    }

    private async Task SaveAsync(Account account, CancellationToken cancellationToken)
    {
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Saves, then signs the account out everywhere (as signing out does): every session ended (its access tokens
    /// fail on the next request), refresh tokens and authorizations revoked, a new security stamp so the token
    /// endpoint refuses anything issued before. All in one transaction: the use case's, when there is one.
    /// </summary>
    private async Task SaveAndEndSessionsAsync(Account account, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginEarlySavesAsync(db.Database, cancellationToken);
        account.SecurityStamp = NewSecurityStamp();
        await sessions.EndAllAsync(account.Id, except: null, cancellationToken);
        await SaveAsync(account, cancellationToken);
        await authorizations.RevokeBySubjectAsync(account.Id.ToString(), cancellationToken);
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    private async Task<IReadOnlyList<StaffAccountView>> ViewsAsync(IQueryable<Account> accounts, CancellationToken cancellationToken)
    {
        var rows = await accounts.AsNoTracking()
            .Select(u => new { u.Id, u.FullName, u.Email, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where ids.Contains(userRole.UserId)
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return rows
            .Select(r => new StaffAccountView(
                r.Id,
                r.FullName,
                r.Email ?? string.Empty,
                roles[r.Id].Order(StringComparer.Ordinal).ToList(),
                r.IsDisabled,
                r.LockoutEnd > now ? r.LockoutEnd : null,
                r.TwoFactorEnabled,
                r.CreatedAt))
            .OrderBy(a => a.Email, StringComparer.Ordinal)
            .ToList();
    }
}
