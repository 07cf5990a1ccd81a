using System.Security.Claims;
using InternetHospital.Api.Common;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us: authorize (a signed-in browser gets a code),
/// token (codes and refresh tokens become tokens, after re-checking the account), end-session and user info.
/// </summary>
internal sealed class ConnectEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").AllowAnonymous().ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        connect.MapPost("/token", Token).RequireRateLimiting(RateLimitPolicies.Token);
        connect.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], EndSession);
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo);
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<Account> users, AccountSessions sessions, TokenPrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;

        // Note: the cookie must belong to a sign-in session that has not been ended (signed out on another device).
        var signIn = account is not null && SessionSignInManager.SessionId(session.Principal) is { } sessionId
            ? await sessions.FindAsync(sessionId, context.RequestAborted)
            : null;
        if (account is null || account.IsDisabled || signIn is null || signIn.AccountId != account.Id || !sessions.IsLive(signIn)
            || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // Note: the sign-in page is an SPA route; it posts the password to /api/account/login (which sets the
            // session cookie) and then comes back here. The SPA itself never handles a password grant.
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var principal = await principals.CreateAsync(account, request.GetScopes(), signIn.Id);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(
        HttpContext context,
        UserManager<Account> users,
        SignInManager<Account> signIn,
        AccountSessions sessions,
        IAppDbContext db,
        TimeProvider clock,
        TokenPrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var account = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? string.Empty);
            var session = SessionSignInManager.SessionId(result.Principal) is { } sessionId ? await sessions.FindAsync(sessionId, context.RequestAborted) : null;

            // Note: like openiddict-samples, re-check at every exchange that the account may still sign in, that its
            // session was not ended (sign-out, signed out from another device) and that nothing renewed the account's
            // security stamp since (a password or two-factor change: the session that made it carries the new stamp).
            if (account is null
                || account.IsDisabled
                || session is null
                || session.AccountId != account.Id
                || !sessions.IsLive(session)
                || !await signIn.CanSignInAsync(account)
                || await users.IsLockedOutAsync(account)
                || !StampStillValid(result.Principal!.GetClaim(TokenPrincipalFactory.SecurityStampClaim), session.SecurityStamp, await users.GetSecurityStampAsync(account)))
            {
                return Forbid(Errors.InvalidGrant, "The session has ended. Sign in again.");
            }

            session.LastSeenAt = clock.GetUtcNow();
            await db.SaveChangesAsync(context.RequestAborted);
            var principal = await principals.CreateAsync(account, result.Principal!.GetScopes(), session.Id);
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            // A machine client (for example the HIS calling in): its identity is the client itself.
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, request.ClientId);
            identity.SetScopes(request.GetScopes());
            identity.SetResources(ApiResource.Name);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static bool StampStillValid(string? tokenStamp, string sessionStamp, string? accountStamp) =>
        accountStamp is not null && (tokenStamp == accountStamp || sessionStamp == accountStamp);

    private static async Task<IResult> EndSession(
        HttpContext context,
        UserManager<Account> users,
        SignInManager<Account> signIn,
        AccountSessions sessions,
        IAfterCommit afterCommit,
        IOpenIddictTokenManager tokens,
        IOpenIddictAuthorizationManager authorizations)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = session.Principal?.FindFirstValue(Claims.Subject) ?? hint.Principal?.GetClaim(Claims.Subject);

        if (subject is not null && await users.FindByIdAsync(subject) is { } account)
        {
            // Note: signing out ends every session of the account (domain rule 19): the refresh tokens are revoked
            // server-side and the new security stamp makes any code or token issued before now useless.
            await foreach (var authorization in authorizations.FindBySubjectAsync(subject))
            {
                await authorizations.TryRevokeAsync(authorization);
            }

            await foreach (var token in tokens.FindBySubjectAsync(subject))
            {
                await tokens.TryRevokeAsync(token);
            }

            // Every session of the account ends with it (saved by the stamp update): their access tokens fail at once.
            await sessions.EndAllAsync(account.Id, except: null, context.RequestAborted);
            await users.UpdateSecurityStampAsync(account);
            await afterCommit.RunAsync(context.RequestAborted);
        }

        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfo(HttpContext context, UserManager<Account> users)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var account = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? string.Empty);
        if (account is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account no longer exists.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = account.Id.ToString() };
        if (result.Principal!.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = account.FullName;
        }

        if (result.Principal!.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = account.Email ?? string.Empty;
        }

        if (result.Principal!.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(account);
        }

        return Results.Ok(claims);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
