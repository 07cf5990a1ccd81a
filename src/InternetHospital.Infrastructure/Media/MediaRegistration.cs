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
        services.AddHttpClient<IMediaServer, JanusMediaServer>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<VideoOptions>>().Value.Janus.RequestTimeout)
            .RemoveAllLoggers();
        services.AddHttpClient<IBroadcastServer, JanusBroadcastServer>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<VideoOptions>>().Value.Janus.RequestTimeout)
            .RemoveAllLoggers();
        services.AddHostedService<MediaRoomSweep>();
        return services;
    }
}

/// <summary>Runs <see cref="SweepMediaRooms"/> every <c>Video:Janus:SweepInterval</c> (Janus mode only).</summary>
internal sealed class MediaRoomSweep(IServiceScopeFactory scopes, IOptions<VideoOptions> options, TimeProvider clock, ILogger<MediaRoomSweep> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Janus.SweepInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SweepMediaRooms(), cancellationToken);
        return false;
    }
}
