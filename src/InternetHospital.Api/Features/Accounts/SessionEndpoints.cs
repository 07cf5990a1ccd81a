using InternetHospital.Api.Common;
using InternetHospital.Application.Common;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// A person's sign-in sessions (each device and browser), ending any of them, and changing the password (which ends
/// every other session).
/// </summary>
internal sealed class SessionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account").WithProblems().RequireAuthorization();
        group.MapGet("/sessions", List).WithSummary("Where this account is signed in: when, last active, from which network and browser.");
        group.MapDelete("/sessions/{id:guid}", End).WithSummary("Sign one session out: its tokens stop working at once.");
        group.MapPost("/password", ChangePassword).WithSummary("Change the password; every other session is signed out.");
    }

    private static async Task<Results<Ok<IReadOnlyList<SessionView>>, ProblemHttpResult>> List(HttpContext context, UserManager<Account> users, AccountSessions sessions)
    {
        var (account, refusal) = await AccountGuard.RequireUsableAsync(context, users);
        if (account is null)
        {
            return refusal!;
        }

        var current = SessionSignInManager.SessionId(context.User);
        var live = await sessions.ListLiveAsync(account.Id, context.RequestAborted);
        IReadOnlyList<SessionView> views = live
            .Select(s =>
            {
                var (browser, os) = UserAgents.Describe(s.UserAgent);
                return new SessionView(s.Id, s.CreatedAt, s.LastSeenAt, s.Address, browser, os, s.Id == current);
            })
            .OrderByDescending(s => s.Current)
            .ThenByDescending(s => s.LastActiveAt)
            .ToList();
        return TypedResults.Ok(views);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> End(
        Guid id,
        HttpContext context,
        UserManager<Account> users,
        AccountSessions sessions,
        Application.Common.Abstractions.IAppDbContext db,
        IAfterCommit afterCommit)
    {
        var (account, refusal) = await AccountGuard.RequireUsableAsync(context, users);
        if (account is null)
        {
            return refusal!;
        }

        if (!await sessions.EndAsync(account.Id, id, context.RequestAborted))
        {
            return TypedResults.NotFound();
        }

        await db.SaveChangesAsync(context.RequestAborted);
        await afterCommit.RunAsync(context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        PasswordChangeRequest body,
        HttpContext context,
        UserManager<Account> users,
        SignInManager<Account> signIn,
        AccountSessions sessions,
        IAfterCommit afterCommit)
    {
        var (account, refusal) = await AccountGuard.RequireUsableAsync(context, users);
        if (account is null)
        {
            return refusal!;
        }

        if (string.IsNullOrEmpty(body.CurrentPassword) || string.IsNullOrEmpty(body.NewPassword))
        {
            var missing = new List<(string Field, string Code)>();
            if (string.IsNullOrEmpty(body.CurrentPassword))
            {
                missing.Add(("currentPassword", "current_password_required"));
            }

            if (string.IsNullOrEmpty(body.NewPassword))
            {
                missing.Add(("newPassword", "new_password_required"));
            }

            return ValidationErrors.Problem([.. missing]);
        }

        // Note: a wrong current password counts towards the lockout like a failed sign-in, so a stolen access token
        // cannot be used to guess the password here.
        if (!await users.CheckPasswordAsync(account, body.CurrentPassword))
        {
            await users.AccessFailedAsync(account);
            return await users.IsLockedOutAsync(account)
                ? AccountGuard.LockedOut()
                : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The current password is not correct.", extensions: AccountGuard.Code("wrong_password"));
        }

        var current = SessionSignInManager.SessionId(context.User);
        await sessions.EndAllAsync(account.Id, current, context.RequestAborted);
        var result = await users.ChangePasswordAsync(account, body.CurrentPassword, body.NewPassword);
        if (!result.Succeeded)
        {
            afterCommit.Clear();
            return ValidationErrors.Problem(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure("newPassword", e.Description) { ErrorCode = e.Code }));
        }

        // The other sessions ended with the save above; this one carries on under the new security stamp.
        await sessions.KeepAfterStampChangeAsync(current, account, context.RequestAborted);
        await signIn.RefreshSignInAsync(account);
        await afterCommit.RunAsync(context.RequestAborted);
        return TypedResults.NoContent();
    }
}

internal sealed record SessionView(Guid Id, DateTimeOffset SignedInAt, DateTimeOffset LastActiveAt, string? Address, string? Browser, string? Os, bool Current);

internal sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>A browser and system name from a User-Agent header, good enough for a person to recognise their device.</summary>
internal static class UserAgents
{
    public static (string? Browser, string? Os) Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return (null, null);
        }

        var browser = userAgent switch
        {
            _ when Has(userAgent, "MicroMessenger") => "WeChat",
            _ when Has(userAgent, "Edg/") => "Edge",
            _ when Has(userAgent, "OPR/") => "Opera",
            _ when Has(userAgent, "Firefox/") => "Firefox",
            _ when Has(userAgent, "Chrome/") || Has(userAgent, "CriOS/") => "Chrome",
            _ when Has(userAgent, "Safari/") => "Safari",
            _ => null,
        };
        var os = userAgent switch
        {
            _ when Has(userAgent, "iPhone") || Has(userAgent, "iPad") => "iOS",
            _ when Has(userAgent, "Android") => "Android",
            _ when Has(userAgent, "HarmonyOS") => "HarmonyOS",
            _ when Has(userAgent, "Windows") => "Windows",
            _ when Has(userAgent, "Mac OS X") => "macOS",
            _ when Has(userAgent, "Linux") => "Linux",
            _ => null,
        };
        return (browser, os);
    }

    private static bool Has(string userAgent, string token) => userAgent.Contains(token, StringComparison.OrdinalIgnoreCase);
}
