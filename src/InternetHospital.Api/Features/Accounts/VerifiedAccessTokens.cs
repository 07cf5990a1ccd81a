using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;
using Protection = OpenIddict.Validation.OpenIddictValidationHandlers.Protection;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// Remembers, per instance, which exact access-token strings already passed the signature, issuer and type checks,
/// so the same token sent again is not parsed and RSA-verified on every request (half of the validation, which was
/// two thirds of a light authenticated GET: ./bench.sh api profile). Only that step is skipped: every later check
/// still runs on every request (expiry, audience, presenter, the ended-session check), on a copy of the principal.
/// The key is the whole token string, so a changed token is a miss and is verified (and refused) as before; only
/// tokens that passed are remembered, for no longer than they are valid; and the issuer the request expects is part
/// of the entry, so a token is never accepted for an issuer it was not verified against.
/// </summary>
internal sealed class VerifiedAccessTokens(TimeProvider clock) : IDisposable
{
    /// <summary>A bound on memory (a principal and its token are a few KB): when full, new tokens are simply verified each time.</summary>
    public const int Capacity = 20_000;

    /// <summary>However long the token is valid, it is re-verified at least this often.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ClaimsPrincipal? Find(string token, string issuers) =>
        cache.TryGetValue(token, out Entry? entry) && entry is not null && entry.Issuers == issuers && entry.NotAfter > clock.GetUtcNow()
            ? entry.Principal.Clone()
            : null;

    public void Remember(string token, string issuers, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        var now = clock.GetUtcNow();
        var notAfter = expires < now + MaximumAge ? expires : now + MaximumAge;
        if (notAfter <= now)
        {
            return;
        }

        cache.Set(token, new Entry(principal.Clone(), issuers, notAfter), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = notAfter - now, Size = 1 });
    }

    public void Dispose() => cache.Dispose();

    public static string IssuersOf(ValidateTokenContext context) =>
        context.TokenValidationParameters.ValidIssuers is { } issuers ? string.Join(' ', issuers) : string.Empty;

    public static bool IsAccessTokenValidation(ValidateTokenContext context) =>
        context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.AccessToken) && !string.IsNullOrEmpty(context.Token);

    private sealed record Entry(ClaimsPrincipal Principal, string Issuers, DateTimeOffset NotAfter);
}

/// <summary>Before the signature check: a token verified before gets its principal back (a copy), so IdentityModel skips it.</summary>
internal sealed class ReuseVerifiedAccessToken(VerifiedAccessTokens verified) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<ReuseVerifiedAccessToken>()
        .SetOrder(Protection.ValidateIdentityModelToken.Descriptor.Order - 500)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.IsRejected || context.Principal is not null || !VerifiedAccessTokens.IsAccessTokenValidation(context))
        {
            return ValueTask.CompletedTask;
        }

        if (verified.Find(context.Token, VerifiedAccessTokens.IssuersOf(context)) is { } principal)
        {
            context.Principal = principal;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// After IdentityModel verified the token and OpenIddict mapped its claims (both steps leave a principal that the
/// same steps would not change again): remembered until the token expires.
/// </summary>
internal sealed class RememberVerifiedAccessToken(VerifiedAccessTokens verified) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RememberVerifiedAccessToken>()
        .SetOrder(Protection.MapInternalClaims.Descriptor.Order + 500)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        // Note: a principal handed back by ReuseVerifiedAccessToken comes without a validation result (IdentityModel
        // did not run), so only freshly verified tokens are remembered.
        if (context.IsRejected || context.Principal is not { } principal || context.TokenValidationResult is not { IsValid: true } result
            || !VerifiedAccessTokens.IsAccessTokenValidation(context))
        {
            return ValueTask.CompletedTask;
        }

        // Note: a token without an expiry is never remembered (OpenIddict's own expiry check would refuse it anyway).
        if (result.SecurityToken is { ValidTo: var validTo } && validTo > DateTime.MinValue)
        {
            verified.Remember(context.Token, VerifiedAccessTokens.IssuersOf(context), principal, new DateTimeOffset(validTo, TimeSpan.Zero));
        }

        return ValueTask.CompletedTask;
    }
}

internal static class VerifiedAccessTokensRegistration
{
    public static IServiceCollection AddVerifiedAccessTokens(this IServiceCollection services)
    {
        services.AddSingleton<VerifiedAccessTokens>();
        services.AddSingleton<ReuseVerifiedAccessToken>();
        services.AddSingleton<RememberVerifiedAccessToken>();
        services.AddOpenIddict().AddValidation(o => o
            .AddEventHandler(ReuseVerifiedAccessToken.Descriptor)
            .AddEventHandler(RememberVerifiedAccessToken.Descriptor));
        return services;
    }
}
