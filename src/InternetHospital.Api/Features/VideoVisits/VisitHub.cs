using System.Text.Json;
using System.Threading.RateLimiting;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Recording;
using InternetHospital.Application.VideoVisits.Room;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace InternetHospital.Api.Features.VideoVisits;

/// <summary>
/// The signalling hub of video visits. A browser joins a visit's room (waiting room, call page), enters the call once the
/// patient is admitted, and relays WebRTC offers, answers and ICE candidates to other peers in the same call. Every step is
/// authorised by the application (the visit's patient, doctor and invited specialists only; never a finished visit), the
/// Origin is checked for /hubs by the realtime gate, and each connection's signalling is rate-limited (domain rule 22).
/// Media never passes through here: it flows browser to browser (or through TURN).
/// </summary>
[Authorize(Policy = GuestAuthentication.Policy)]
internal sealed partial class VisitHub(ISender sender, IOptions<VideoOptions> options, ILogger<VisitHub> logger) : Hub
{
    public const string Path = "/hubs/visits";

    private const string LimiterKey = "ih.signalling-limiter";

    public static string Group(Guid visitId) => $"visit:{visitId:N}";

    /// <summary>Open the visit's room: status changes, chat and call membership reach this connection.</summary>
    public async Task<RoomSnapshot> JoinVisit(Guid visitId)
    {
        Throttle();
        var snapshot = await sender.Send(new JoinVisitRoom(visitId, Context.ConnectionId), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(visitId), Context.ConnectionAborted);
        return snapshot;
    }

    /// <summary>Join the call with this browser's peer id; the caller then offers to each peer returned.</summary>
    public async Task<CallSnapshot> EnterCall(Guid visitId, string peerId)
    {
        Throttle();
        var snapshot = await sender.Send(new EnterVisitCall(visitId, Context.ConnectionId, peerId), Context.ConnectionAborted);
        await Clients.OthersInGroup(Group(visitId)).SendAsync(VisitRoomEvents.PeerJoined, new PeerEvent(visitId, snapshot.Self), Context.ConnectionAborted);
        await ReconsiderRecordingAsync(visitId);
        return snapshot;
    }

    /// <summary>
    /// The doctor admits the waiting patient and enters the call in one step (same rules as the admit endpoint and
    /// EnterCall); the patient's browser, told of the admit, finds the doctor in the call and offers.
    /// </summary>
    public async Task<CallSnapshot> AdmitAndEnterCall(Guid visitId, string peerId)
    {
        Throttle();
        var snapshot = await sender.Send(new AdmitIntoCall(visitId, Context.ConnectionId, peerId), Context.ConnectionAborted);
        await Clients.OthersInGroup(Group(visitId)).SendAsync(VisitRoomEvents.PeerJoined, new PeerEvent(visitId, snapshot.Self), Context.ConnectionAborted);
        await ReconsiderRecordingAsync(visitId);
        return snapshot;
    }

    public async Task LeaveCall(Guid visitId)
    {
        Throttle();
        var left = await sender.Send(new LeaveVisitCall(Context.ConnectionId, visitId, Disconnected: false), Context.ConnectionAborted);
        foreach (var peer in left)
        {
            await Clients.OthersInGroup(Group(peer.VisitId)).SendAsync(VisitRoomEvents.PeerLeft, new PeerLeftEvent(peer.VisitId, peer.PeerId, "left"), Context.ConnectionAborted);
        }

        foreach (var visit in left.Select(p => p.VisitId).Distinct())
        {
            await ReconsiderRecordingAsync(visit);
        }
    }

    /// <summary>How recording stands and whether this caller has answered the consent question yet.</summary>
    public async Task<RecordingStatusDto> RecordingStatus(Guid visitId)
    {
        Throttle();
        return await sender.Send(new GetRecordingStatus(visitId), Context.ConnectionAborted);
    }

    /// <summary>Relay an SDP description or ICE candidate (mesh), or a camera/microphone state (mesh and Janus), to one peer of the same call.</summary>
    public async Task Signal(Guid visitId, string toPeerId, JsonElement data)
    {
        Throttle();
        var mediaStateOnly = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "media";
        var route = await sender.Send(new RouteSignal(visitId, Context.ConnectionId, toPeerId, mediaStateOnly), Context.ConnectionAborted);
        await Clients.Client(route.ToConnectionId).SendAsync(VisitRoomEvents.Signal, new SignalEvent(visitId, route.FromPeerId, data), Context.ConnectionAborted);
    }

    /// <summary>Show the others in the call one image of the patient's study (a reference; they fetch the frame themselves).</summary>
    public async Task ShareImage(Guid visitId, string studyInstanceUid, string seriesInstanceUid, string sopInstanceUid, int frame)
    {
        Throttle();
        var shared = await sender.Send(new ShareImageIntoCall(visitId, Context.ConnectionId, studyInstanceUid, seriesInstanceUid, sopInstanceUid, frame), Context.ConnectionAborted);
        await Clients.OthersInGroup(Group(visitId)).SendAsync(VisitRoomEvents.ImageShared, shared, Context.ConnectionAborted);
    }

    /// <summary>The network check: a round trip through the hub (answers the server's clock in Unix milliseconds).</summary>
    public long Ping()
    {
        Throttle();
        return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(LimiterKey, out var limiter))
        {
            ((IDisposable)limiter!).Dispose();
        }

        var left = await sender.Send(new LeaveVisitCall(Context.ConnectionId, null, Disconnected: true), CancellationToken.None);
        foreach (var peer in left)
        {
            await Clients.OthersInGroup(Group(peer.VisitId)).SendAsync(VisitRoomEvents.PeerLeft, new PeerLeftEvent(peer.VisitId, peer.PeerId, "disconnected"), CancellationToken.None);
        }

        foreach (var visit in left.Select(p => p.VisitId).Distinct())
        {
            await ReconsiderRecordingAsync(visit);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The call's membership changed: recording starts or stops accordingly (a newcomer without consent stops it).
    /// Note: the call itself must not fail because of it: a lost race (two people entering at once) or a media server
    /// that refuses leaves recording as it was, and the next change (or consent answer) decides again.
    /// </summary>
    private async Task ReconsiderRecordingAsync(Guid visitId)
    {
        try
        {
            await sender.Send(new ReconsiderRecording(visitId), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRecordingDecisionFailed(logger, exception, visitId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deciding whether visit {VisitId} is recorded failed; the next change in the call decides again")]
    private static partial void LogRecordingDecisionFailed(ILogger logger, Exception exception, Guid visitId);

    /// <summary>A token bucket per connection: bursts of ICE candidates pass, a flood does not.</summary>
    private void Throttle()
    {
        if (!Context.Items.TryGetValue(LimiterKey, out var value) || value is not RateLimiter limiter)
        {
            var settings = options.Value;
            limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.SignallingBurst,
                TokensPerPeriod = settings.SignallingPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
            Context.Items[LimiterKey] = limiter;
        }

        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new HubException("rate_limited: Too many signalling messages; slow down.");
        }
    }
}

internal sealed record PeerEvent(Guid VisitId, PeerDto Peer);

/// <param name="Reason"><c>left</c> (hung up) or <c>disconnected</c> (the connection dropped; they may come back).</param>
internal sealed record PeerLeftEvent(Guid VisitId, string PeerId, string Reason);

internal sealed record SignalEvent(Guid VisitId, string FromPeerId, JsonElement Data);
