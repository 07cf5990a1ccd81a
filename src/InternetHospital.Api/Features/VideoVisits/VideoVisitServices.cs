using System.Text.Json.Serialization;
using InternetHospital.Application.VideoVisits;
using Microsoft.AspNetCore.SignalR;

namespace InternetHospital.Api.Features.VideoVisits;

internal static class VideoVisitServices
{
    public static IServiceCollection AddVideoVisits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VideoOptions>().Bind(configuration.GetSection(VideoOptions.Section)).ValidateDataAnnotations().ValidateOnStart(); // Note: runs VideoOptions.Validate too (IValidatableObject).
        services.AddSingleton<IVisitRoom, SignalRVisitRoom>();
        services.AddGuestAuthentication();
        services.AddSignalR()
            .AddHubOptions<VisitHub>(o =>
            {
                o.EnableDetailedErrors = false;
                o.AddFilter<VisitHubFilter>();
            })

            // Note: enums travel as names over the hubs, as they do in the HTTP API's JSON.
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}

/// <summary>Pushes to a visit's room on every instance (the Redis backplane carries group sends when configured).</summary>
internal sealed partial class SignalRVisitRoom(IHubContext<VisitHub> hub, ILogger<SignalRVisitRoom> logger) : IVisitRoom
{
    public async Task BroadcastAsync(Guid visitId, string eventName, object payload, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(VisitHub.Group(visitId)).SendAsync(eventName, payload, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPushFailed(logger, exception, eventName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A visit room {EventName} push failed; browsers refetch when they reconnect")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string eventName);
}
