using FluentValidation.Results;

namespace InternetHospital.Application.Common.Abstractions;

/// <summary>The port over ASP.NET Core Identity: accounts are people who sign in.</summary>
public interface IAccountService
{
    Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the account with its password and role and saves every pending change of the unit of work with it, in the
    /// transaction the unit of work commits at the end of the use case (outside one, in its own). Password policy failures
    /// come back as field codes with their messages; nothing is saved then.
    /// </summary>
    Task<AccountCreation> CreateAsync(NewAccount account, string password, string role, CancellationToken cancellationToken);

    Task<AccountSummary?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    Task SetPreferredLanguageAsync(Guid accountId, string language, CancellationToken cancellationToken);

    /// <summary>Sets the notification channels and the time zone of the quiet hours (null: the hospital's).</summary>
    Task SetChannelsAsync(Guid accountId, bool email, bool sms, string? timeZone, CancellationToken cancellationToken);

    /// <summary>
    /// The account a sign-in code for this verified number may sign in to: a patient's own account that is enabled and has
    /// no second factor. Null for an unknown number, staff (who keep password and authenticator) and a number verified
    /// on more than one account.
    /// </summary>
    Task<Guid?> FindSignInAccountByMobileAsync(string mobile, CancellationToken cancellationToken);

    /// <summary>Whether an account already has this number verified.</summary>
    Task<bool> VerifiedMobileInUseAsync(string mobile, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the account for good and saves every pending change of the unit of work with it: every refresh token and
    /// authorization is revoked, the security stamp renewed, the password and authenticator removed, and the e-mail,
    /// user name, phone and name replaced by a tombstone, so the account can neither sign in nor be found by them.
    /// </summary>
    Task CloseAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>The accounts that hold a role and may sign in (e.g. every pharmacist, to push a new review item live).</summary>
    Task<IReadOnlyList<Guid>> AccountIdsInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>The accounts whose e-mail is exactly <paramref name="nameOrEmail"/> or whose name contains it (at most <paramref name="max"/>).</summary>
    Task<IReadOnlyList<Guid>> FindIdsByNameOrEmailAsync(string nameOrEmail, int max, CancellationToken cancellationToken);
}

/// <param name="MobileVerified">The number was proven with an SMS code at registration (only then does SMS go to it).</param>
public sealed record NewAccount(Guid Id, string Email, string FullName, string Mobile, string? PreferredLanguage, bool MobileVerified = false);

public sealed record AccountCreation(bool Succeeded, IReadOnlyList<PasswordError> PasswordErrors)
{
    public static AccountCreation Success { get; } = new(true, []);
}

/// <summary>Why a password was refused: a field code and its message in the request's language.</summary>
public sealed record PasswordError(string Code, string Message)
{
    public ValidationFailure On(string field) => new(field, Message) { ErrorCode = Code };

    public override string ToString() => Code;
}

/// <param name="Mobile">The account's mobile number, e.g. to recognise a member of staff who is also a patient.</param>
public sealed record AccountSummary(Guid Id, string FullName, string Email, IReadOnlyList<string> Roles, string? PreferredLanguage, string? Mobile = null)
{
    public NotificationChannels Channels { get; init; } = NotificationChannels.Default;
}

/// <summary>How a person wants to be told: e-mail and SMS on or off, whether their number is verified, their quiet-hours zone.</summary>
public sealed record NotificationChannels(bool Email, bool Sms, bool MobileVerified, string? TimeZone)
{
    public static NotificationChannels Default { get; } = new(true, true, false, null);
}
