using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using InternetHospital.Application.VideoVisits.Guests;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Features.VideoVisits;

/// <summary>
/// Guests of a visit (a link, no account) authenticate with their own scheme: a bearer signed by the API's Data Protection
/// keys (so every instance reads it), naming the guest and their one visit, time-limited to the link's expiry. Only the
/// <see cref="Policy"/> lists this scheme, and only the visit hub, the visit chat and the ICE servers use that policy, so a
/// guest's bearer is a stranger's everywhere else (401). Which visit it opens is the application's check (VisitAccess).
/// </summary>
internal static class GuestAuthentication
{
    public const string Scheme = "VisitGuest";

    /// <summary>Signed-in users or a visit's guests: the visit hub, the visit chat and the ICE servers.</summary>
    public const string Policy = "VisitParticipant";

    public const string VisitClaim = "ih_guest_visit";

    public const string Prefix = "ihg.";

    public static IServiceCollection AddGuestAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<GuestCredentials>();
        services.AddSingleton<IGuestCredentials>(sp => sp.GetRequiredService<GuestCredentials>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, GuestAuthenticationHandler>(Scheme, _ => { });
        services.AddAuthorizationBuilder().AddPolicy(Policy, new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, Scheme)
            .RequireAuthenticatedUser()
            .Build());
        return services;
    }
}

internal sealed class GuestCredentials(IDataProtectionProvider provider) : IGuestCredentials
{
    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector("InternetHospital.VisitGuest.v1").ToTimeLimitedDataProtector();

    public string Issue(Guid guestId, Guid visitId, DateTimeOffset expiresAt) =>
        GuestAuthentication.Prefix + protector.Protect($"{guestId:N}.{visitId:N}", expiresAt);

    public bool TryRead(string credential, out Guid guestId, out Guid visitId)
    {
        guestId = visitId = Guid.Empty;
        if (!credential.StartsWith(GuestAuthentication.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var parts = protector.Unprotect(credential[GuestAuthentication.Prefix.Length..]).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out guestId) && Guid.TryParseExact(parts[1], "N", out visitId);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

internal sealed class GuestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, GuestCredentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer + GuestAuthentication.Prefix, StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!credentials.TryRead(header[bearer.Length..], out var guestId, out var visitId))
        {
            return Task.FromResult(AuthenticateResult.Fail("The guest credential is not valid or has expired."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(Claims.Subject, guestId.ToString()), new Claim(GuestAuthentication.VisitClaim, visitId.ToString())],
            GuestAuthentication.Scheme,
            Claims.Name,
            Claims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), GuestAuthentication.Scheme)));
    }
}
