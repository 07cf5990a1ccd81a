using InternetHospital.Api.Common;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// The account behind a security-relevant request (two-factor, password, sessions), refused while it is locked out
/// or disabled: a stolen access token must not be usable to take the account over while its owner is locked out.
/// </summary>
internal static class AccountGuard
{
    public static async Task<(Account? Account, ProblemHttpResult? Refusal)> RequireUsableAsync(HttpContext context, UserManager<Account> users)
    {
        var account = await users.GetUserAsync(context.User);
        if (account is null || account.IsDisabled)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The account cannot be used.", extensions: Code("account_disabled")));
        }

        if (await users.IsLockedOutAsync(account))
        {
            return (null, LockedOut());
        }

        return (account, null);
    }

    public static ProblemHttpResult LockedOut() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "The account is locked.",
        detail: "Too many failed attempts. Try again in 15 minutes.",
        extensions: Code("locked_out"));

    public static Dictionary<string, object?> Code(string code) => new() { [ProblemExtensions.Code] = code };
}
