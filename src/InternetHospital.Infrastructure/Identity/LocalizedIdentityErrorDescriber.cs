using InternetHospital.Application.Common.Validation;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Infrastructure.Identity;

/// <summary>
/// Identity's password errors under our field codes, worded in the request's language (ValidationMessages), so a
/// zh-CN user who chooses a short password reads Chinese and the SPA gets a code it can translate itself. The other
/// errors keep Identity's codes: AccountService turns the ones a user can cause (a duplicate e-mail) into problem codes.
/// </summary>
internal sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error("password_too_short", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error("password_requires_unique_chars", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error("password_requires_non_alphanumeric");

    public override IdentityError PasswordRequiresDigit() => Error("password_requires_digit");

    public override IdentityError PasswordRequiresLower() => Error("password_requires_lower");

    public override IdentityError PasswordRequiresUpper() => Error("password_requires_upper");

    public override IdentityError PasswordMismatch() => Error("password_mismatch");

    /// <summary>An error with our field code and its message in the current UI culture.</summary>
    internal static IdentityError Error(string code, params object[] args) => new() { Code = code, Description = ValidationMessages.Get(code, args) };
}
