using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Broadcast;
using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Infrastructure.Hosting;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Media;

internal static class MediaRegistration
{
    /// <summary>The media path of video calls: the mesh (nothing to run) or Janus (admin API client and the room sweep).</summary>
    public static IServiceCollection AddMediaServer(this IServiceCollection services, IConfiguration configuration, bool isDevelopmentLike)
    {
        var video = configuration.GetSection(VideoOptions.Section).Get<VideoOptions>() ?? new VideoOptions();
        if (video.Media != MediaPath.Janus)
        {
            services.AddSingleton<IMediaServer, MeshMediaServer>();
            services.AddSingleton<IBroadcastServer, NoBroadcastServer>();
            return services;
        }

        // Note: browsers carry the room token over this connection; outside Development it must be TLS (wss://, behind
        // the Ingress), as every other page of the portal is.
        if (!isDevelopmentLike && video.Janus.BrowserUrl is { IsAbsoluteUri: true } browser && browser.Scheme != "wss")
        {
            throw new InvalidOperationException("Configuration 'Video:Janus:BrowserUrl' must be a wss:// URL outside Development.");
        }

        // Note: no request logging: admin requests carry the admin secret and participant tokens.
        services.AddHttpClient<JanusAdminClient>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<VideoOptions>>().Value.Janus.RequestTimeout)
            .RemoveAllLoggers();
        services.AddTransient<IMediaServer, JanusMediaServer>();
        services.AddTransient<IBroadcastServer, JanusBroadcastServer>();
        services.AddHostedService<MediaRoomSweep>();
        services.AddHostedService<BroadcastFollower>();
        return services;
    }
}

/// <summary>
/// Runs <see cref="SweepMediaRooms"/> and <see cref="CleanUpEndedBroadcasts"/> every <c>Video:Janus:SweepInterval</c>
/// (Janus mode only): what the end of a visit or a broadcast could not close on Janus.
/// </summary>
internal sealed class MediaRoomSweep(IServiceScopeFactory scopes, IOptions<VideoOptions> options, TimeProvider clock, ILogger<MediaRoomSweep> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Janus.SweepInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        await sender.Send(new SweepMediaRooms(), cancellationToken);

        // Note: in its own scope, so a room sweep that failed (Janus down) does not leave its unit of work behind.
        await using var cleanup = scopes.CreateAsyncScope();
        await cleanup.ServiceProvider.GetRequiredService<ISender>().Send(new CleanUpEndedBroadcasts(), cancellationToken);
        return false;
    }
}

/// <summary>Runs <see cref="FollowBroadcastFeeds"/> every <c>Video:Broadcast:FollowInterval</c> (Janus mode only).</summary>
internal sealed class BroadcastFollower(IServiceScopeFactory scopes, IOptions<VideoOptions> options, TimeProvider clock, ILogger<BroadcastFollower> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Broadcast.FollowInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FollowBroadcastFeeds(), cancellationToken);
        return false;
    }
}
