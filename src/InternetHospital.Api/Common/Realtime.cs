using System.Security.Claims;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Infrastructure.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Common;

/// <summary>
/// SignalR plumbing shared by every hub: who a connection belongs to, tokens for WebSockets, the Origin
/// check (domain rule 22), and the Redis backplane when several instances run.
/// </summary>
internal static class Realtime
{
    public const string HubsPath = "/hubs";

    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = 64 * 1024;
            options.EnableDetailedErrors = false;
        });
        var redis = configuration["Redis:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Note: with several API instances, the backplane lets a message reach connections on any instance.
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("internethospital"));
        }

        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<ILiveUpdates, SignalRLiveUpdates>();
        return services;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets, so the SignalR client sends the access token as a query
    /// parameter; only on hub paths is it lifted into the Authorization header. Connections from pages of
    /// other origins are refused.
    /// </summary>
    public static IApplicationBuilder UseRealtimeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(HubsPath))
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !IsAllowedOrigin(context, origin))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            if (string.IsNullOrEmpty(context.Request.Headers.Authorization) && context.Request.Query["access_token"] is { Count: > 0 } token)
            {
                context.Request.Headers.Authorization = "Bearer " + token;
            }
        }

        await next(context);
    });

    private static bool IsAllowedOrigin(HttpContext context, string origin)
    {
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var configured = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.SpaOrigins;
        return configured.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class SubjectUserIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirstValue(Claims.Subject);
    }
}

/// <summary>Pushes to every connection of an account on the notifications hub.</summary>
internal sealed partial class SignalRLiveUpdates(IHubContext<Features.Notifications.NotificationHub> hub, ILogger<SignalRLiveUpdates> logger) : ILiveUpdates
{
    public async Task SendToAccountAsync(Guid accountId, string eventName, object payload, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.User(accountId.ToString()).SendAsync(eventName, payload, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPushFailed(logger, exception, eventName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live {EventName} push failed; clients catch up when they reconnect")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string eventName);
}
