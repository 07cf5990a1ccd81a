using InternetHospital.Application.VideoVisits;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Infrastructure.Identity;

/// <summary>
/// Re-identifies a signed-in doctor with Identity's own checks: the password (failures count towards the lockout, as at
/// sign-in) and, when two-factor sign-in is on, the authenticator code.
/// </summary>
internal sealed class ClinicianIdentityCheck(UserManager<Account> users, SignInManager<Account> signIn) : IClinicianIdentityCheck
{
    public async Task<IdentityCheckResult> VerifyAsync(Guid accountId, string password, string? authenticatorCode, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString());
        if (account is null || account.IsDisabled)
        {
            return IdentityCheckResult.WrongPassword;
        }

        var result = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return IdentityCheckResult.LockedOut;
        }

        if (!result.Succeeded)
        {
            return IdentityCheckResult.WrongPassword;
        }

        if (!await users.GetTwoFactorEnabledAsync(account))
        {
            return IdentityCheckResult.Verified;
        }

        var code = (authenticatorCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        return code.Length > 0 && await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code)
            ? IdentityCheckResult.VerifiedWithSecondFactor
            : IdentityCheckResult.SecondFactorRequired;
    }
}
