using FluentValidation.Results;

namespace InternetHospital.Application.Common.Abstractions;

/// <summary>The port over ASP.NET Core Identity: accounts are people who sign in.</summary>
public interface IAccountService
{
    Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the account with its password and role and saves every pending change of the unit of work
    /// in the same transaction. Password policy failures come back as field codes with their messages; nothing is saved then.
    /// </summary>
    Task<AccountCreation> CreateAsync(NewAccount account, string password, string role, CancellationToken cancellationToken);

    Task<AccountSummary?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    Task SetPreferredLanguageAsync(Guid accountId, string language, CancellationToken cancellationToken);

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

public sealed record NewAccount(Guid Id, string Email, string FullName, string Mobile, string? PreferredLanguage);

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
public sealed record AccountSummary(Guid Id, string FullName, string Email, IReadOnlyList<string> Roles, string? PreferredLanguage, string? Mobile = null);
