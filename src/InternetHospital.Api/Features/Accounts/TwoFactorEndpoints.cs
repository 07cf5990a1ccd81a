using System.Globalization;
using InternetHospital.Api.Common;
using InternetHospital.Application.Accounts;
using InternetHospital.Application.Common;
using InternetHospital.Application.Notifications;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>Enrolling an authenticator app (TOTP) as a second sign-in factor; staff are expected to.</summary>
internal sealed class TwoFactorEndpoints : IEndpointGroup
{
    private const string Issuer = "InternetHospital";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account/two-factor").WithTags("Account").WithProblems().RequireAuthorization();
        group.MapGet("/", Get).WithSummary("Whether two-factor sign-in is on, and while it is not, the authenticator key to enrol.");
        group.MapPost("/enable", Enable).WithSummary("Turn on two-factor sign-in by proving the app shows the right code; other sessions are signed out.");
        group.MapPost("/disable", Disable).WithSummary("Turn off two-factor sign-in (needs the password and a current code) and forget the key; other sessions are signed out.");
    }

    private static async Task<Results<Ok<TwoFactorStatus>, ProblemHttpResult>> Get(HttpContext context, UserManager<Account> users)
    {
        var (account, refusal) = await AccountGuard.RequireUsableAsync(context, users);
        if (account is null)
        {
            return refusal!;
        }

        // Note: once enrolled, the key is never shown again: an access token (or a glance at an unlocked screen) must
        // not be enough to copy the second factor.
        if (await users.GetTwoFactorEnabledAsync(account))
        {
            return TypedResults.Ok(new TwoFactorStatus(true, null, null));
        }

        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }

        var label = Uri.EscapeDataString($"{Issuer}:{account.Email}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
        return TypedResults.Ok(new TwoFactorStatus(false, key!, uri));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Enable(
        TwoFactorCode body,
        HttpContext context,
        UserManager<Account> users,
        AccountSessions sessions,
        INotifier notifier,
        IAfterCommit afterCommit)
    {
        var (account, refusal) = await AccountGuard.RequireUsableAsync(context, users);
        if (account is null)
        {
            return refusal!;
        }

        if (await users.GetTwoFactorEnabledAsync(account))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Two-factor sign-in is already on.", extensions: AccountGuard.Code("two_factor_already_enabled"));
        }

        var code = (body.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return ValidationErrors.Problem(("code", "invalid_authenticator_code"));
        }

        await SwitchAsync(context, account, enabled: true, users, sessions, notifier, afterCommit);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(
        TwoFactorDisableRequest body,
        HttpContext context,
        UserManager<Account> users,
        AccountSessions sessions,
        INotifier notifier,
        IAfterCommit afterCommit)
    {
        var (account, refusal) = await AccountGuard.RequireUsableAsync(context, users);
        if (account is null)
        {
            return refusal!;
        }

        if (!await users.GetTwoFactorEnabledAsync(account))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Two-factor sign-in is not on.", extensions: AccountGuard.Code("two_factor_not_enabled"));
        }

        // Note: turning the second factor off needs both factors again, so neither a stolen access token nor a stolen
        // password alone can do it. Failures count towards the lockout, and one answer covers both (no oracle).
        var code = (body.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var passwordOk = !string.IsNullOrEmpty(body.Password) && await users.CheckPasswordAsync(account, body.Password);
        var codeOk = passwordOk && code.Length > 0 && await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!codeOk)
        {
            await users.AccessFailedAsync(account);
            return await users.IsLockedOutAsync(account)
                ? AccountGuard.LockedOut()
                : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The password or the code is not correct.", extensions: AccountGuard.Code("reauthentication_failed"));
        }

        await SwitchAsync(context, account, enabled: false, users, sessions, notifier, afterCommit);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Turns the second factor on or off (off also forgets the key). The security notice and the end of every other
    /// session join the same save as the change (Identity saves on SetTwoFactorEnabledAsync); this session carries on
    /// under the renewed security stamp.
    /// </summary>
    private static async Task SwitchAsync(
        HttpContext context, Account account, bool enabled, UserManager<Account> users, AccountSessions sessions, INotifier notifier, IAfterCommit afterCommit)
    {
        var current = SessionSignInManager.SessionId(context.User);
        var kind = enabled ? AccountNotifications.TwoFactorEnabled : AccountNotifications.TwoFactorDisabled;
        await notifier.NotifyAsync(new Notice(account.Id, kind, new Dictionary<string, string>(), "/security"), context.RequestAborted);
        await sessions.EndAllAsync(account.Id, current, context.RequestAborted);
        await users.SetTwoFactorEnabledAsync(account, enabled);
        if (!enabled)
        {
            await users.ResetAuthenticatorKeyAsync(account);
        }

        await sessions.KeepAfterStampChangeAsync(current, account, context.RequestAborted);
        await afterCommit.RunAsync(context.RequestAborted);
    }
}

/// <summary>The key and its otpauth URI are present only while two-factor sign-in is off (during enrolment).</summary>
internal sealed record TwoFactorStatus(bool Enabled, string? SharedKey, string? AuthenticatorUri);

internal sealed record TwoFactorCode(string? Code);

internal sealed record TwoFactorDisableRequest(string? Password, string? Code);
