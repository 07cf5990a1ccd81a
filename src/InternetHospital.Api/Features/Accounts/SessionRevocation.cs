using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Options;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Validation;
using StackExchange.Redis;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// Answers "has this session ended?" for every request that carries an access token, cheaply: the answer is cached in
/// memory (<c>Auth:SessionCheckCacheLifetime</c>, 30 s by default) and the cache is corrected at once when a session
/// ends, on this instance directly and on the others through Redis pub/sub when Redis is configured. The cache
/// lifetime only bounds how long another instance could miss a lost pub/sub message.
/// </summary>
internal sealed partial class SessionRevocation(
    IServiceScopeFactory scopes,
    IOptions<AuthOptions> auth,
    IConfiguration configuration,
    ILogger<SessionRevocation> logger) : ISessionEndSignal, IHostedService, IDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("internethospital:sessions-ended");

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private ConnectionMultiplexer? redis;
    private long generation;

    public ValueTask<bool> IsEndedAsync(Guid sessionId, CancellationToken cancellationToken) =>
        cache.TryGetValue(sessionId, out bool ended) ? ValueTask.FromResult(ended) : new ValueTask<bool>(LoadAsync(sessionId, cancellationToken));

    public async Task EndedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        MarkEnded(sessionIds);
        if (redis is not null)
        {
            try
            {
                await redis.GetSubscriber().PublishAsync(Channel, string.Join(',', sessionIds));
            }
            catch (RedisException exception)
            {
                LogPublishFailed(logger, exception);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = configuration["Redis:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            return;
        }

        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        redis = await ConnectionMultiplexer.ConnectAsync(options);
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
            MarkEnded(((string?)message ?? string.Empty).Split(',').Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList()));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        redis?.Dispose();
        cache.Dispose();
    }

    private void MarkEnded(IReadOnlyCollection<Guid> sessionIds)
    {
        Interlocked.Increment(ref generation);
        foreach (var id in sessionIds)
        {
            // Note: an ended session never comes back; remembering that outlasts any access token issued for it.
            cache.Set(id, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = auth.Value.AccessTokenLifetime + TimeSpan.FromMinutes(1), Size = 1 });
        }
    }

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var before = Interlocked.Read(ref generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Set<AccountSession>().AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.EndedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var ended = session is null || session.EndedAt is not null;

        // Note: a session that ended while this read was on its way must not be cached as live.
        if (Interlocked.Read(ref generation) == before)
        {
            var lifetime = ended ? auth.Value.AccessTokenLifetime + TimeSpan.FromMinutes(1) : auth.Value.SessionCheckCacheLifetime;
            cache.Set(sessionId, ended, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        }

        return ended;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling other instances that sessions ended failed; they learn it when their cache expires")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}

/// <summary>Refuses an access token whose session has ended (sign-out, "sign out this device", a password change elsewhere).</summary>
internal sealed class RejectEndedSessions(SessionRevocation revocation) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RejectEndedSessions>()
        .SetOrder(OpenIddictValidationHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order + 1_000)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.IsRejected || context.Principal is not { } principal)
        {
            return;
        }

        // Note: tokens of people always carry their session; machine clients (client credentials) have none.
        var claim = principal.FindFirst(AccountSessions.SessionClaim)?.Value;
        if (claim is null)
        {
            return;
        }

        if (!Guid.TryParse(claim, out var sessionId) || await revocation.IsEndedAsync(sessionId, context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The session has ended. Sign in again.");
        }
    }
}

internal static class SessionRevocationRegistration
{
    public static IServiceCollection AddSessionRevocation(this IServiceCollection services)
    {
        services.AddSingleton<SessionRevocation>();
        services.AddSingleton<ISessionEndSignal>(sp => sp.GetRequiredService<SessionRevocation>());
        services.AddHostedService(sp => sp.GetRequiredService<SessionRevocation>());
        services.AddSingleton<RejectEndedSessions>();
        services.AddOpenIddict().AddValidation(o => o.AddEventHandler(RejectEndedSessions.Descriptor));
        return services;
    }
}
