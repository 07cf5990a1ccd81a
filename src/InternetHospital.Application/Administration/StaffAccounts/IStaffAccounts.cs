namespace InternetHospital.Application.Administration.StaffAccounts;

/// <summary>
/// The security administrator's port over staff accounts (Identity). Patients' accounts are not listed and answer 404:
/// they are no administrator's business. Each change saves every pending change of the unit of work (its audit entry)
/// in one transaction, like <see cref="Common.Abstractions.IAccountService.CreateAsync"/>.
/// </summary>
public interface IStaffAccounts
{
    Task<IReadOnlyList<StaffAccountView>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A staff account (404 for any other account).</summary>
    Task<StaffAccountView> GetAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Locks until <paramref name="until"/> and ends every session of the account.</summary>
    Task LockAsync(Guid accountId, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Lifts a lock (the security administrator's, or five wrong passwords').</summary>
    Task UnlockAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Stops the account signing in and signs it out everywhere: its refresh tokens and authorizations are revoked and
    /// its security stamp renewed, so no code or refresh token issued before works.
    /// </summary>
    Task DisableAsync(Guid accountId, CancellationToken cancellationToken);

    Task EnableAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="role"/> the account's only role and ends its sessions (its tokens carry the old role).</summary>
    Task SetRoleAsync(Guid accountId, string role, CancellationToken cancellationToken);
}

/// <param name="LockedUntil">When a lock ends (null when the account is not locked).</param>
public sealed record StaffAccountView(
    Guid Id,
    string FullName,
    string Email,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    DateTimeOffset? LockedUntil,
    bool TwoFactorEnabled,
    DateTimeOffset CreatedAt);

/// <summary>Audit actions of account administration (domain rule 31: the security administrator's work is audited too).</summary>
public static class StaffAccountAudit
{
    public const string Resource = "Account";
    public const string Locked = "account.locked";
    public const string Unlocked = "account.unlocked";
    public const string Disabled = "account.disabled";
    public const string Enabled = "account.enabled";
    public const string RoleAssigned = "account.role_assigned";

    /// <summary>Nobody locks, disables or re-roles their own account: the last security administrator cannot lock everyone out, and nobody promotes themselves.</summary>
    public static void EnsureNotOwn(Common.Abstractions.ICurrentUser currentUser, Guid accountId)
    {
        if (currentUser.AccountId == accountId)
        {
            throw new Domain.Common.DomainConflictException("own_account", "Another security administrator must change your own account.");
        }
    }

    /// <summary>
    /// Every change of a staff account runs the same way: an unknown or patient account answers 404 before anything is
    /// recorded, the audit entry joins the change's transaction (<see cref="IStaffAccounts"/> saves it), and the
    /// administrator gets the account as it is now.
    /// </summary>
    public static async Task<StaffAccountView> ChangeAsync(
        this IStaffAccounts accounts, Audit.IAuditLog audit, Guid accountId, string action, string? detail, Func<Task> change, CancellationToken cancellationToken)
    {
        await accounts.GetAsync(accountId, cancellationToken);
        audit.Record(action, Resource, accountId.ToString(), null, detail);
        await change();
        return await accounts.GetAsync(accountId, cancellationToken);
    }
}
