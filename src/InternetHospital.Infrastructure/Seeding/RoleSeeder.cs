using InternetHospital.Domain.Accounts;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Seeding;

internal sealed partial class RoleSeeder(RoleManager<IdentityRole<Guid>> roles, UserManager<Account> users, ILogger<RoleSeeder> logger) : IDataSeeder
{
    /// <summary>The single administrator role before separation of duties (domain rule 31); its holders become system administrators.</summary>
    internal const string RetiredAdminRole = "Admin";

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Domain.Common.NewId.Next() });
            }
        }

        await RetireAdminRoleAsync(cancellationToken);
    }

    /// <summary>
    /// Hands the old all-powerful "Admin" role's holders the system administrator role (what they did most) and removes
    /// it, so no account keeps powers that are now split. Security and audit administrators are appointed afresh.
    /// </summary>
    private async Task RetireAdminRoleAsync(CancellationToken cancellationToken)
    {
        var retired = await roles.FindByNameAsync(RetiredAdminRole);
        if (retired is null)
        {
            return;
        }

        foreach (var account in await users.GetUsersInRoleAsync(RetiredAdminRole))
        {
            Check(await users.RemoveFromRoleAsync(account, RetiredAdminRole));
            if (Roles.MayBeHeldTogether([.. await users.GetRolesAsync(account), Roles.SystemAdmin]))
            {
                Check(await users.AddToRoleAsync(account, Roles.SystemAdmin));
            }

            LogRetired(logger, account.Id);
        }

        Check(await roles.DeleteAsync(retired));
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Retiring the Admin role failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} held the retired Admin role; it is now a system administrator (if it holds no other role)")]
    private static partial void LogRetired(ILogger logger, Guid accountId);
}

/// <summary>
/// Runs after every seeder: refuses to start while any account holds an administrator role together with another
/// role (domain rule 31), whoever put it there (a seeder, an operator's SQL, an old database).
/// </summary>
internal sealed class AdministratorSeparationCheck(Persistence.AppDbContext db) : IDataSeeder
{
    public int Order => int.MaxValue;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var held = await (from userRole in db.UserRoles
                          join role in db.Roles on userRole.RoleId equals role.Id
                          select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var offenders = held.GroupBy(h => h.UserId)
            .Where(g => !Roles.MayBeHeldTogether(g.Select(h => h.Name!).ToList()))
            .Select(g => g.Key)
            .ToList();
        if (offenders.Count > 0)
        {
            throw new InvalidOperationException(
                "Separation of administrative duties: an administrator role (SystemAdmin, SecurityAdmin, AuditAdmin) must be an account's only role. "
                + $"Fix these accounts before starting: {string.Join(", ", offenders)}.");
        }
    }
}
