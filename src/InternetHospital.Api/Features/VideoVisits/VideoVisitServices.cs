using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using InternetHospital.Application.VideoVisits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Features.VideoVisits;

internal static class VideoVisitServices
{
    /// <summary>In-call chat: per account, so a busy clinic behind one address is not throttled as one person.</summary>
    public const string ChatRateLimit = "visit-chat";

    public static IServiceCollection AddVideoVisits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VideoOptions>().Bind(configuration.GetSection(VideoOptions.Section)).ValidateDataAnnotations().ValidateOnStart(); // Note: runs VideoOptions.Validate too (IValidatableObject).
        services.AddSingleton<IVisitRoom, SignalRVisitRoom>();
        services.AddSignalR()
            .AddHubOptions<VisitHub>(o =>
            {
                o.EnableDetailedErrors = false;
                o.AddFilter<VisitHubFilter>();
            })

            // Note: enums travel as names over the hubs, as they do in the HTTP API's JSON.
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(ChatRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.FindFirst(Claims.Subject)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
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
