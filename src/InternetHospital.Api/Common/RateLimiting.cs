using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InternetHospital.Api.Common;

/// <summary>Section <c>RateLimits</c>: fixed windows per client address (domain rule 17).</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 20 };
    public RateLimitRule Registration { get; set; } = new() { PermitLimit = 10 };
    public RateLimitRule Token { get; set; } = new() { PermitLimit = 60 };
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

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            AddPolicy(limiter, SignIn, options.SignIn);
            AddPolicy(limiter, Registration, options.Registration);
            AddPolicy(limiter, Token, options.Token);
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
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
            };
        });
        return services;
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
