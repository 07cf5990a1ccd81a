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
        group.MapGet("/", Get).WithSummary("The authenticator key to enrol, and whether two-factor sign-in is on.");
        group.MapPost("/enable", Enable).WithSummary("Turn on two-factor sign-in by proving the app shows the right code.");
        group.MapPost("/disable", Disable).WithSummary("Turn off two-factor sign-in and forget the key.");
    }

    private static async Task<Results<Ok<TwoFactorStatus>, NotFound>> Get(HttpContext context, UserManager<Account> users)
    {
        if (await users.GetUserAsync(context.User) is not { } account)
        {
            return TypedResults.NotFound();
        }

        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }

        var label = Uri.EscapeDataString($"{Issuer}:{account.Email}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
        return TypedResults.Ok(new TwoFactorStatus(await users.GetTwoFactorEnabledAsync(account), key!, uri));
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> Enable(
        TwoFactorCode body,
        HttpContext context,
        UserManager<Account> users,
        INotifier notifier,
        IAfterCommit afterCommit)
    {
        if (await users.GetUserAsync(context.User) is not { } account)
        {
            return TypedResults.NotFound();
        }

        var code = (body.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return ValidationErrors.Problem(("code", "invalid_authenticator_code"));
        }

        // The security notice joins the same save as the change (Identity saves on SetTwoFactorEnabledAsync).
        await notifier.NotifyAsync(new Notice(account.Id, AccountNotifications.TwoFactorEnabled, new Dictionary<string, string>(), "/security"), context.RequestAborted);
        await users.SetTwoFactorEnabledAsync(account, true);
        await afterCommit.RunAsync(context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> Disable(HttpContext context, UserManager<Account> users, INotifier notifier, IAfterCommit afterCommit)
    {
        if (await users.GetUserAsync(context.User) is not { } account)
        {
            return TypedResults.NotFound();
        }

        await notifier.NotifyAsync(new Notice(account.Id, AccountNotifications.TwoFactorDisabled, new Dictionary<string, string>(), "/security"), context.RequestAborted);
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await afterCommit.RunAsync(context.RequestAborted);
        return TypedResults.NoContent();
    }
}

internal sealed record TwoFactorStatus(bool Enabled, string SharedKey, string AuthenticatorUri);

internal sealed record TwoFactorCode(string? Code);
