using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Common;

/// <summary>Section <c>RateLimits</c>: fixed windows per client address (domain rule 17).</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 20 };
    public RateLimitRule Registration { get; set; } = new() { PermitLimit = 10 };
    public RateLimitRule Token { get; set; } = new() { PermitLimit = 60 };

    /// <summary>Messages and attachments sent, per signed-in account (not per address: a ward's Wi-Fi is one address).</summary>
    public RateLimitRule Messaging { get; set; } = new() { PermitLimit = 20 };
}

internal sealed class RateLimitRule
{
    public int PermitLimit { get; set; } = 20;
    public int WindowSeconds { get; set; } = 60;
}

internal static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string Token = "token";
    public const string Messaging = "messaging";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            AddPolicy(limiter, SignIn, options.SignIn);
            AddPolicy(limiter, Registration, options.Registration);
            AddPolicy(limiter, Token, options.Token);
            limiter.OnRejected = (context, _) => WriteRejectionAsync(context.HttpContext, context.Lease);
        });

        // Note: the rate-limiting middleware runs before authentication (so sign-in and token requests are limited
        // before anything else happens), which means it cannot see who is signed in. Limits per account are applied by
        // an endpoint filter instead, after authentication.
        var messaging = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Messaging.PermitLimit,
            Window = TimeSpan.FromSeconds(options.Messaging.WindowSeconds),
            QueueLimit = 0,
        }));
        services.AddKeyedSingleton(Messaging, messaging);
        return services;
    }

    /// <summary>Limits the endpoint per signed-in account with the named per-account policy (429 with Retry-After when used up).</summary>
    public static RouteHandlerBuilder RequireAccountRateLimit(this RouteHandlerBuilder builder, string policy) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limiter = http.RequestServices.GetRequiredKeyedService<PartitionedRateLimiter<string>>(policy);
            var account = http.User.FindFirstValue(Claims.Subject) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            using var lease = await limiter.AcquireAsync(account, 1, http.RequestAborted);
            if (!lease.IsAcquired)
            {
                await WriteRejectionAsync(http, lease);
                return Results.Empty;
            }

            return await next(context);
        });

    private static async ValueTask WriteRejectionAsync(HttpContext http, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Try again in {seconds} seconds.",
                Extensions = { [ProblemExtensions.Code] = "rate_limited", ["retryAfterSeconds"] = seconds },
            },
        });
    }

    private static void AddPolicy(RateLimiterOptions limiter, string name, RateLimitRule rule) =>
        limiter.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.PermitLimit,
                Window = TimeSpan.FromSeconds(rule.WindowSeconds),
                QueueLimit = 0,
            }));
}
