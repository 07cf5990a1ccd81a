using InternetHospital.Api.Features.VideoVisits;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Emergency;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InternetHospital.Api.Features.Emergency;

/// <summary>
/// The live side of emergency cases: the board of a receiving hospital, a crew's service and one case's channel.
/// Clients only listen (writes go through the REST API, which the offline queue replays); joining a group is checked
/// like the matching REST read (domain rule 22), and the Origin is checked for /hubs by the realtime gate.
/// </summary>
[Authorize]
internal sealed class EmergencyHub(ISender sender) : Hub
{
    public const string Path = "/hubs/emergency";
    public const string CaseUpdated = "caseUpdated";
    public const string ChannelUpdated = "channelUpdated";
    public const string VideoCall = "videoCall";

    public static string BoardGroup(Guid facilityId) => $"emergency-board:{facilityId:N}";

    public static string CrewGroup(Guid serviceId) => $"emergency-crew:{serviceId:N}";

    public static string CaseGroup(Guid caseId) => $"emergency-case:{caseId:N}";

    public async Task WatchBoard()
    {
        var facilityId = await JoinAsync(EmergencyChannel.Board, null);
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroup(facilityId), Context.ConnectionAborted);
    }

    public async Task WatchCrew()
    {
        var serviceId = await JoinAsync(EmergencyChannel.Crew, null);
        await Groups.AddToGroupAsync(Context.ConnectionId, CrewGroup(serviceId), Context.ConnectionAborted);
    }

    public async Task WatchCase(Guid caseId)
    {
        await JoinAsync(EmergencyChannel.Case, caseId);
        await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId), Context.ConnectionAborted);
    }

    /// <summary>A refusal reaches the client with the same code a problem document would carry (<c>not_found: ...</c>).</summary>
    private async Task<Guid> JoinAsync(EmergencyChannel channel, Guid? caseId)
    {
        try
        {
            return await sender.Send(new JoinEmergencyChannel(channel, caseId), Context.ConnectionAborted);
        }
        catch (NotFoundException)
        {
            throw new HubException("not_found: There is no such case for you.");
        }
        catch (ForbiddenAccessException forbidden)
        {
            throw new HubException($"{forbidden.Code}: {forbidden.Message}");
        }
    }

    public Task UnwatchCase(Guid caseId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, CaseGroup(caseId), Context.ConnectionAborted);
}

internal sealed record ChannelEvent(Guid CaseId, string Part);

/// <summary>Pushes to the emergency hub's groups (on every instance, through the Redis backplane when configured).</summary>
internal sealed partial class SignalREmergencyLive(IHubContext<EmergencyHub> hub, ILogger<SignalREmergencyLive> logger) : IEmergencyLive
{
    public async Task CaseUpdatedAsync(BoardCase view, Guid? facilityId, Guid serviceId, CancellationToken cancellationToken)
    {
        List<string> groups = [EmergencyHub.CrewGroup(serviceId), EmergencyHub.CaseGroup(view.Id)];
        if (facilityId is { } facility)
        {
            groups.Add(EmergencyHub.BoardGroup(facility));
        }

        await SafelyAsync(EmergencyHub.CaseUpdated, () => hub.Clients.Groups(groups).SendAsync(EmergencyHub.CaseUpdated, view, cancellationToken));
    }

    public Task ChannelUpdatedAsync(Guid caseId, string part, CancellationToken cancellationToken) =>
        SafelyAsync(EmergencyHub.ChannelUpdated, () => hub.Clients.Group(EmergencyHub.CaseGroup(caseId)).SendAsync(EmergencyHub.ChannelUpdated, new ChannelEvent(caseId, part), cancellationToken));

    public Task VideoCallAsync(EmergencyVideoCallEvent call, Guid serviceId, CancellationToken cancellationToken) =>
        SafelyAsync(EmergencyHub.VideoCall, () => hub.Clients.Groups([EmergencyHub.CrewGroup(serviceId), EmergencyHub.CaseGroup(call.CaseId)]).SendAsync(EmergencyHub.VideoCall, call, cancellationToken));

    private async Task SafelyAsync(string eventName, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPushFailed(logger, exception, eventName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live emergency {EventName} push failed; boards catch up when they refetch")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string eventName);
}

internal static class EmergencyServices
{
    public static IServiceCollection AddEmergencyApi(this IServiceCollection services)
    {
        services.AddSingleton<IEmergencyLive, SignalREmergencyLive>();
        services.AddSignalR()
            .AddHubOptions<EmergencyHub>(o =>
            {
                o.EnableDetailedErrors = false;
                o.AddFilter<VisitHubFilter>();
            });
        return services;
    }
}
