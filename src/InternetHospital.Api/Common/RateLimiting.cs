using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Common;

/// <summary>
/// Section <c>RateLimits</c>: fixed windows (domain rule 17). Sign-in, registration and tokens are limited per client
/// address (taken from <c>X-Forwarded-For</c> only behind a configured proxy); what signed-in people do is limited per
/// account, so people sharing an address (a ward's Wi-Fi, a doctor and the patient beside them) never share a budget.
/// With <c>Redis:ConnectionString</c> set the windows are counted in Redis (<see cref="SharedCounters"/>), so several
/// instances share one budget instead of each granting the whole limit.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 20 };
    public RateLimitRule Registration { get; set; } = new() { PermitLimit = 10 };
    public RateLimitRule Token { get; set; } = new() { PermitLimit = 60 };

    /// <summary>Messages and attachments sent, per signed-in account (not per address: a ward's Wi-Fi is one address).</summary>
    public RateLimitRule Messaging { get; set; } = new() { PermitLimit = 20 };

    /// <summary>Messages and files sent in a video visit's chat, per signed-in account.</summary>
    public RateLimitRule VisitChat { get; set; } = new() { PermitLimit = 30 };

    /// <summary>Downloads of "my record" (each one reads the HIS and builds the whole record), per signed-in account.</summary>
    public RateLimitRule RecordExport { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };
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
    public const string VisitChat = "visit-chat";
    public const string RecordExport = "record-export";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton<SharedCounters>();
        services.AddOptions<RateLimiterOptions>().Configure<SharedCounters>((limiter, counters) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            AddPolicy(limiter, counters, SignIn, options.SignIn);
            AddPolicy(limiter, counters, Registration, options.Registration);
            AddPolicy(limiter, counters, Token, options.Token);
            limiter.OnRejected = (context, _) => WriteRejectionAsync(context.HttpContext, context.Lease);
        });
        services.AddRateLimiter(_ => { });

        // Note: the rate-limiting middleware runs before authentication (so sign-in and token requests are limited
        // before anything else happens), which means it cannot see who is signed in: a policy there partitioned on the
        // user would partition on the address. Limits per account are applied by an endpoint filter instead, after
        // authentication (RequireAccountRateLimit).
        services.AddKeyedSingleton(Messaging, (sp, _) => PerAccount(sp.GetRequiredService<SharedCounters>(), Messaging, options.Messaging));
        services.AddKeyedSingleton(VisitChat, (sp, _) => PerAccount(sp.GetRequiredService<SharedCounters>(), VisitChat, options.VisitChat));
        services.AddKeyedSingleton(RecordExport, (sp, _) => PerAccount(sp.GetRequiredService<SharedCounters>(), RecordExport, options.RecordExport));
        return services;
    }

    private static PartitionedRateLimiter<string> PerAccount(SharedCounters counters, string policy, RateLimitRule rule) =>
        PartitionedRateLimiter.Create<string, string>(account => Window(counters, policy, account, rule));

    /// <summary>A fixed window for one partition of a policy: in Redis when configured, in this process otherwise.</summary>
    private static RateLimitPartition<string> Window(SharedCounters counters, string policy, string partition, RateLimitRule rule)
    {
        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = TimeSpan.FromSeconds(rule.WindowSeconds),
            QueueLimit = 0,
        };
        return counters.IsShared
            ? RateLimitPartition.Get(partition, key => new SharedWindowLimiter(counters, $"rl:{policy}:{key}", options))
            : RateLimitPartition.GetFixedWindowLimiter(partition, _ => options);
    }

    /// <summary>Limits the endpoint per signed-in account with the named per-account policy (429 with Retry-After when used up).</summary>
    public static RouteHandlerBuilder RequireAccountRateLimit(this RouteHandlerBuilder builder, string policy) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limiter = http.RequestServices.GetRequiredKeyedService<PartitionedRateLimiter<string>>(policy);
            // Note: the endpoints this guards require a signed-in caller, so the subject is always there.
            var account = http.User.FindFirstValue(Claims.Subject) ?? "anonymous:" + http.Connection.RemoteIpAddress;
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

    private static void AddPolicy(RateLimiterOptions limiter, SharedCounters counters, string name, RateLimitRule rule) =>
        limiter.AddPolicy(name, context => Window(counters, name, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", rule));
}

/// <summary>
/// One partition's fixed window counted in Redis (<see cref="SharedCounters.HitWindowAsync"/>), so every instance
/// draws on the same permits. If Redis does not answer, this instance's own window decides meanwhile.
/// </summary>
internal sealed class SharedWindowLimiter(SharedCounters counters, string key, FixedWindowRateLimiterOptions options) : RateLimiter
{
    private readonly FixedWindowRateLimiter local = new(options);
    private long lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // Note: the count lives in Redis, which cannot be asked synchronously without blocking a thread: the synchronous
    // attempt declines, and callers (the rate-limiting middleware, AcquireAsync users) then ask AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Lease.Granted : Lease.Declined;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsed, Environment.TickCount64);
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        if (await counters.HitWindowAsync(key, options.Window, cancellationToken) is not { } hit)
        {
            return await local.AcquireAsync(permitCount, cancellationToken);
        }

        return hit.Count <= options.PermitLimit ? Lease.Granted : Lease.Refused(hit.Remaining);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Declined = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
