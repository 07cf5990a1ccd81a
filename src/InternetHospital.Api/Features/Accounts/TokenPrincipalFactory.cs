using System.Collections.Immutable;
using System.Security.Claims;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>Builds the identity that OpenIddict turns into tokens, and decides which claim goes into which token.</summary>
internal sealed class TokenPrincipalFactory(UserManager<Account> users)
{
    public const string SecurityStampClaim = "ih_stamp";

    /// <param name="sessionId">The sign-in session the tokens belong to (<see cref="AccountSession"/>): ending it refuses them all.</param>
    public async Task<ClaimsPrincipal> CreateAsync(Account account, ImmutableArray<string> scopes, Guid sessionId)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.FullName)
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(account))
            .SetClaim(AccountSessions.SessionClaim, sessionId.ToString())
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(account)]);

        identity.SetScopes(scopes);
        identity.SetResources(ApiResource.Name);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity)
    {
        switch (claim.Type)
        {
            // Note: access tokens are signed but not encrypted (readable by whoever holds one), so personal data stays
            // out of them: the API reads the account by its id. Name and e-mail go to the SPA in the identity token.
            case Claims.Name or Claims.Email:
                if (identity.HasScope(claim.Type == Claims.Name ? Scopes.Profile : Scopes.Email))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }

                break;

            case Claims.Role:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (identity.HasScope(Scopes.Roles))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }

                break;

            // Note: the security stamp stays inside the authorization code and refresh token (server-side,
            // encrypted) so a refresh after sign-out or a password change is refused; it never reaches the SPA.
            case SecurityStampClaim:
                yield break;

            default:
                yield return OpenIddictConstants.Destinations.AccessToken;
                break;
        }
    }
}

/// <summary>The access-token audience the API expects.</summary>
internal static class ApiResource
{
    public const string Name = "internet-hospital-api";
    public static readonly string Scope = AuthOptions.ApiScope;
}
