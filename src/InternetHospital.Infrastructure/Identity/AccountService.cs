using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace InternetHospital.Infrastructure.Identity;

internal sealed class AccountService(
    UserManager<Account> users,
    Persistence.AppDbContext db,
    TimeProvider clock,
    IUnitOfWork unitOfWork,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations) : IAccountService
{
    /// <summary>The domain of tombstone addresses (<c>.invalid</c> can never be delivered to).</summary>
    public const string ClosedDomain = "closed.invalid";
    public async Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email);
        return await users.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    public async Task<AccountCreation> CreateAsync(NewAccount account, string password, string role, CancellationToken cancellationToken)
    {
        var entity = new Account
        {
            Id = account.Id,
            UserName = account.Email,
            Email = account.Email,
            FullName = account.FullName,
            PhoneNumber = account.Mobile,
            PhoneNumberConfirmed = account.MobileVerified,
            PreferredLanguage = account.PreferredLanguage,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };

        // Note: the password is checked before anything is written, so a weak password leaves no half-created account.
        var passwordErrors = new List<PasswordError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, entity, password);
            passwordErrors.AddRange(result.Errors.Select(e => new PasswordError(e.Code, e.Description)));
        }

        if (passwordErrors.Count > 0)
        {
            return new AccountCreation(false, passwordErrors);
        }

        // Note: Identity saves after each call; in a use case these saves join the transaction the unit of work commits
        // at its end, so the account, its role, the patient record, the grant, the audit entry and the welcome notice
        // commit together and a later failure leaves no account behind (its e-mail free to register again).
        await using var transaction = await unitOfWork.BeginEarlySavesAsync(db.Database, cancellationToken);
        entity.PasswordHash = users.PasswordHasher.HashPassword(entity, password);
        EnsureSucceeded(await users.CreateAsync(entity));
        EnsureSucceeded(await users.AddToRoleAsync(entity, role));
        await transaction.CommitAsync(cancellationToken);
        return AccountCreation.Success;
    }

    public async Task<AccountSummary?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Note: one round trip for the account and its role names (Identity's FindById then GetRoles take two); this
        // runs on every /api/me, notification and chat message.
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == accountId)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                u.PreferredLanguage,
                u.PhoneNumber,
                u.PhoneNumberConfirmed,
                u.EmailNotifications,
                u.SmsNotifications,
                u.TimeZone,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var roles = account.Roles.OfType<string>().Order(StringComparer.Ordinal).ToList();
        return new AccountSummary(account.Id, account.FullName, account.Email ?? string.Empty, roles, account.PreferredLanguage, account.PhoneNumber)
        {
            Channels = new NotificationChannels(account.EmailNotifications, account.SmsNotifications, account.PhoneNumberConfirmed, account.TimeZone),
        };
    }

    public async Task<IReadOnlyList<Guid>> FindIdsByNameOrEmailAsync(string nameOrEmail, int max, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(nameOrEmail);
        return await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized || u.FullName.Contains(nameOrEmail))
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public async Task SetPreferredLanguageAsync(Guid accountId, string language, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString())
            ?? throw new Application.Common.Exceptions.NotFoundException("Account", accountId);
        account.PreferredLanguage = language;
        EnsureSucceeded(await users.UpdateAsync(account));
    }

    public async Task SetChannelsAsync(Guid accountId, bool email, bool sms, string? timeZone, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString())
            ?? throw new Application.Common.Exceptions.NotFoundException("Account", accountId);
        account.EmailNotifications = email;
        account.SmsNotifications = sms;
        account.TimeZone = timeZone;
        EnsureSucceeded(await users.UpdateAsync(account));
    }

    public async Task<Guid?> FindSignInAccountByMobileAsync(string mobile, CancellationToken cancellationToken)
    {
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.PhoneNumber == mobile && u.PhoneNumberConfirmed && !u.IsDisabled && !u.TwoFactorEnabled)
            .Select(u => new
            {
                u.Id,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .Take(2)
            .ToListAsync(cancellationToken);

        // Note: staff keep password + authenticator (a staff number gets no code); two accounts on one number is ambiguous.
        return candidates is [var only] && only.Roles is [Domain.Accounts.Roles.Patient] ? only.Id : null;
    }

    public Task<bool> VerifiedMobileInUseAsync(string mobile, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.PhoneNumber == mobile && u.PhoneNumberConfirmed, cancellationToken);

    public async Task CloseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString())
            ?? throw new Application.Common.Exceptions.NotFoundException("Account", accountId);

        await using var transaction = await unitOfWork.BeginEarlySavesAsync(db.Database, cancellationToken);
        var subject = accountId.ToString();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await foreach (var token in tokens.FindBySubjectAsync(subject, cancellationToken))
        {
            await tokens.TryRevokeAsync(token, cancellationToken);
        }

        // Note: the tombstone keeps the row (audit entries and the patient's access history point at it) but nothing
        // that identifies the person, and it frees the e-mail address for a new registration.
        var tombstone = $"closed-{accountId:N}@{ClosedDomain}";
        account.UserName = tombstone;
        account.Email = tombstone;
        account.EmailConfirmed = false;
        account.PhoneNumber = null;
        account.PhoneNumberConfirmed = false;
        account.FullName = string.Empty;
        account.PasswordHash = null;
        account.TwoFactorEnabled = false;
        account.IsDisabled = true;
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        EnsureSucceeded(await users.RemoveAuthenticationTokenAsync(account, "[AspNetUserStore]", "AuthenticatorKey"));
        // Note: renewing the stamp saves the account (normalised names included) with the rest of the unit of work.
        EnsureSucceeded(await users.UpdateSecurityStampAsync(account));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> AccountIdsInRoleAsync(string role, CancellationToken cancellationToken) =>
        (await users.GetUsersInRoleAsync(role)).Where(a => !a.IsDisabled).Select(a => a.Id).ToList();

    private static void EnsureSucceeded(IdentityResult result)
    {
        // Note: a concurrent registration with the same e-mail can pass the pre-check; Identity then reports it here.
        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            throw new Domain.Common.DomainConflictException("duplicate_email", "An account with this e-mail address already exists.");
        }

        // Note: two changes to one account at once (two tabs, a double tap): the second loses on the concurrency stamp,
        // which is the 409 of any other lost race, not a server fault.
        if (result.Errors.Any(e => e.Code is "ConcurrencyFailure"))
        {
            throw new Domain.Common.DomainConflictException("concurrency_conflict", "Someone else changed this account at the same time.");
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused the change: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
