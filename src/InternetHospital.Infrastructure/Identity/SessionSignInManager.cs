using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, plus a recorded <see cref="AccountSession"/> for every completed sign-in (password, and the
/// second factor when it is on); the session id rides in the cookie as a claim, and from there into every token.
/// </summary>
public sealed class SessionSignInManager(
    UserManager<Account> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Account> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Account>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation,
    AccountSessions sessions)
    : SignInManager<Account>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(Account user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Exists(c => c.Type == AccountSessions.SessionClaim))
        {
            var session = await sessions.StartAsync(
                user.Id,
                await UserManager.GetSecurityStampAsync(user),
                Context.Connection.RemoteIpAddress,
                Context.Request.Headers.UserAgent.ToString(),
                Context.RequestAborted);
            claims.Add(new Claim(AccountSessions.SessionClaim, session.Id.ToString()));
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>Re-issues the cookie (e.g. after a password change) for the same session, not a new one.</summary>
    public override async Task RefreshSignInAsync(Account user)
    {
        var auth = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var claims = new List<Claim>();
        foreach (var type in new[] { ClaimTypes.AuthenticationMethod, "amr", AccountSessions.SessionClaim })
        {
            if (auth.Principal?.FindFirst(type) is { } claim)
            {
                claims.Add(claim);
            }
        }

        await SignInWithClaimsAsync(user, auth.Properties, claims);
    }

    /// <summary>The session id of a principal (cookie or token), if it carries one.</summary>
    public static Guid? SessionId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(AccountSessions.SessionClaim)?.Value, out var id) ? id : null;
}
