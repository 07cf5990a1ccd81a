using System.Collections.Concurrent;
using InternetHospital.Application.Care;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane;

namespace InternetHospital.Infrastructure.Caching;

/// <summary>
/// <see cref="IAvailabilityCache"/> on FusionCache: each instance keeps the entries in its own memory (one load per
/// doctor at a time, however many patients ask at once); with Redis configured, an invalidation is published on the
/// Redis backplane and every other instance drops its copy at once.
/// </summary>
internal sealed class AvailabilityCache : IAvailabilityCache
{
    public const string CacheName = "availability";

    /// <summary>A safety net for changes made outside the application (invalidation does the real work).</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>How long an entry read while it was being invalidated may live (see <see cref="generations"/>).</summary>
    public static readonly TimeSpan RacedDuration = TimeSpan.FromMilliseconds(500);

    private readonly IFusionCache cache;

    /// <summary>
    /// Invalidations per doctor seen by this instance (its own and those received from the backplane). A load that
    /// read the database before an invalidation and finished after it would otherwise cache what was just replaced,
    /// for the whole <see cref="Duration"/>; such an entry lives only <see cref="RacedDuration"/>.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, long> generations = new();

    public AvailabilityCache(IFusionCacheProvider caches)
    {
        cache = caches.GetCache(CacheName);
        cache.Events.Backplane.MessageReceived += (_, e) =>
        {
            if (e.Message.Action is BackplaneMessageAction.EntryRemove && DoctorOf(e.Message.CacheKey) is { } doctorId)
            {
                Bump(doctorId);
            }
        };
    }

    public ValueTask<DoctorAvailability> GetAsync(Guid doctorId, Func<CancellationToken, Task<DoctorAvailability>> load, CancellationToken cancellationToken) =>
        cache.GetOrSetAsync<DoctorAvailability>(
            Key(doctorId),
            async (context, ct) =>
            {
                var before = generations.GetValueOrDefault(doctorId);
                var value = await load(ct);
                if (generations.GetValueOrDefault(doctorId) != before)
                {
                    context.Options.Duration = RacedDuration;
                }

                return value;
            },
            options => options.SetDuration(Duration).SetSkipBackplaneNotifications(true),
            cancellationToken);

    public void Invalidate(IReadOnlyCollection<Guid> doctorIds)
    {
        foreach (var doctorId in doctorIds)
        {
            Bump(doctorId);

            // Note: published to the other instances in the background (the save that caused it is already done).
            // The only operation that goes over the backplane: see Register.
            cache.Remove(Key(doctorId), options => options.SetSkipBackplaneNotifications(false));
        }
    }

    private void Bump(Guid doctorId) => generations.AddOrUpdate(doctorId, 1, (_, n) => n + 1);

    private static string Key(Guid doctorId) => "doctor:" + doctorId.ToString("N");

    private static Guid? DoctorOf(string? key) =>
        key is { Length: >= 32 } && Guid.TryParseExact(key[^32..], "N", out var id) ? id : null;

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddFusionCache(CacheName)
            .WithOptions(options =>
            {
                options.CacheKeyPrefix = "ih:availability:";

                // Note: a new instance must hear invalidations from its first request on.
                options.WaitForInitialBackplaneSubscribe = true;
            })
            // Note: there is no distributed cache (each instance loads from the database itself), so a value one
            // instance loaded means nothing to the others: by default nothing is broadcast (FusionCache warns about a
            // backplane that would tell every instance to drop its copy at each load); Invalidate opts back in.
            .WithDefaultEntryOptions(options =>
            {
                options.Duration = Duration;
                options.SkipBackplaneNotifications = true;
            });
        if (configuration["Redis:ConnectionString"] is { Length: > 0 } redis)
        {
            builder.WithStackExchangeRedisBackplane(options => options.Configuration = redis);
        }

        services.AddSingleton<IAvailabilityCache, AvailabilityCache>();
        services.AddSingleton<AvailabilityInvalidation>();
    }
}
