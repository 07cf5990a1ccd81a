using System.Text.Json.Nodes;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Broadcast;
using InternetHospital.Application.VideoVisits.Media;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Media;

/// <summary>
/// Teaching broadcasts through Janus. A VideoRoom's allowed list cannot tell a subscriber from a publisher, so viewers
/// never enter the visit's room: the API opens a Streaming-plugin mountpoint (RTP in on loopback ports Janus picks from
/// its Streaming <c>rtp_port_range</c>) and <c>rtp_forward</c>s the source publisher's picture and sound, and the
/// commentator's sound, into it. A viewer's Janus token names the Streaming plugin only (admin <c>add_token</c> with
/// <c>plugins</c>), so it cannot even attach the VideoRoom (Janus answers 405), and the Streaming plugin only sends.
/// As for the rooms, nothing is stored on our side: mountpoint id, secret, PIN and viewer tokens are derived from the
/// admin secret and the broadcast/viewing ids, and every request goes through the admin API.
/// </summary>
internal sealed partial class JanusBroadcastServer(JanusAdminClient janus, ILogger<JanusBroadcastServer> logger) : IBroadcastServer
{
    public const string Streaming = "janus.plugin.streaming";

    private const string DescriptionPrefix = "ih-broadcast:";

    // Mids of the mountpoint's three streams: the picture, the source's sound, the commentator's voice.
    private const string VideoMid = "v";
    private const string AudioMid = "a";
    private const string CommentaryMid = "c";

    // Streaming: no such mountpoint; VideoRoom: no such room / feed.
    private const int NoSuchMountpoint = 455;
    private const int NoSuchRoom = 426;
    private const int NoSuchFeed = 428;

    /// <summary>How often the broadcast room's publishers send a key frame (the longest a new viewer waits for a picture).</summary>
    private const int KeyFrameSeconds = 2;

    private JanusOptions Settings => janus.Settings;

    public bool IsAvailable => true;

    public async Task<bool> StartAsync(Guid broadcastId, Guid visitId, string sourceConnectionId, string? commentatorConnectionId, CancellationToken cancellationToken)
    {
        var created = await PluginAsync(
            Streaming,
            new JsonObject
            {
                ["request"] = "create",
                ["admin_key"] = Settings.AdminSecret,
                ["type"] = "rtp",
                ["id"] = StreamId(broadcastId),
                ["description"] = DescriptionPrefix + broadcastId.ToString("N"),
                ["is_private"] = true,
                ["secret"] = Derive($"stream-secret:{broadcastId:N}"),
                ["pin"] = Pin(broadcastId),
                ["media"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "video", ["mid"] = VideoMid, ["port"] = 0, ["pt"] = 96, ["codec"] = "vp8",
                        ["simulcast"] = true, ["port2"] = 0, ["port3"] = 0,

                        // Note: keeps the latest key frame for viewers who come in between two (the publisher is asked for one only when forwarding starts).
                        ["buffer"] = true,
                    },
                    new JsonObject { ["type"] = "audio", ["mid"] = AudioMid, ["port"] = 0, ["pt"] = 111, ["codec"] = "opus" },
                    new JsonObject { ["type"] = "audio", ["mid"] = CommentaryMid, ["port"] = 0, ["pt"] = 111, ["codec"] = "opus" }),
            },
            [],
            cancellationToken);
        try
        {
            var ports = Ports(created?["stream"]?["ports"]);
            var forwarded = await ForwardAsync(visitId, sourceConnectionId, new JsonObject
            {
                ["video_port"] = ports[VideoMid].Port,
                ["video_port_2"] = ports[VideoMid].Port2,
                ["video_port_3"] = ports[VideoMid].Port3,
                ["audio_port"] = ports[AudioMid].Port,
            }, cancellationToken);
            if (!forwarded)
            {
                await DestroyMountpointAsync(broadcastId);
                return false;
            }

            // Note: a simulcast mountpoint keeps no key frame (Janus turns its buffering off), and a forwarder asks the
            // publisher for one only when it starts, so a viewer who came later never decoded a frame (found in the
            // browser journey). A key frame from the publishers every 2 s lets each new viewer start within that.
            await PluginAsync(
                JanusMediaServer.Plugin,
                new JsonObject { ["request"] = "edit", ["room"] = JanusMediaServer.RoomId(visitId), ["secret"] = RoomSecret(visitId), ["new_fir_freq"] = KeyFrameSeconds },
                [],
                cancellationToken);
            if (commentatorConnectionId is not null)
            {
                await ForwardAsync(visitId, commentatorConnectionId, new JsonObject { ["audio_port"] = ports[CommentaryMid].Port }, cancellationToken);
            }
        }
        catch (MediaServerUnavailableException)
        {
            // Note: the broadcast is not saved when this fails, so nothing would ever close the mountpoint but this.
            await DestroyMountpointAsync(broadcastId);
            throw;
        }

        LogStarted(logger, broadcastId, visitId);
        return true;
    }

    private Task<JsonNode?> DestroyMountpointAsync(Guid broadcastId) =>
        PluginAsync(Streaming, new JsonObject { ["request"] = "destroy", ["id"] = StreamId(broadcastId), ["secret"] = Derive($"stream-secret:{broadcastId:N}") }, [NoSuchMountpoint], CancellationToken.None);

    public async Task<bool> FollowAsync(Guid broadcastId, Guid visitId, string connectionId, BroadcastFeed feed, CancellationToken cancellationToken)
    {
        var info = await PluginAsync(Streaming, new JsonObject { ["request"] = "info", ["id"] = StreamId(broadcastId), ["secret"] = Derive($"stream-secret:{broadcastId:N}") }, [], cancellationToken);
        var media = info?["info"]?["media"]?.AsArray().ToDictionary(m => m?["mid"]?.GetValue<string>() ?? string.Empty, m => m, StringComparer.Ordinal)
            ?? throw new MediaServerUnavailableException("Janus did not describe the broadcast's mountpoint.");
        int PortOf(string mid, string name = "port") =>
            media.GetValueOrDefault(mid)?[name]?.GetValue<int>() ?? throw new MediaServerUnavailableException($"Janus's broadcast mountpoint has no '{mid}' {name}.");

        // Note: until the browser has joined the room under its new feed (and sent its offer) there is nothing to forward from.
        var participants = await PluginAsync(
            JanusMediaServer.Plugin,
            new JsonObject { ["request"] = "listparticipants", ["room"] = JanusMediaServer.RoomId(visitId) },
            [NoSuchRoom],
            cancellationToken);
        var feedId = JanusMediaServer.FeedId(visitId, connectionId);
        if (participants?["participants"]?.AsArray().Any(p => p?["id"]?.GetValue<long>() == feedId) != true)
        {
            return false;
        }

        // Note: whatever still forwards into these ports (a feed that has not left yet) stops first, so the mountpoint
        // never gets two streams on one port; Janus dropped the forwarders of a feed that left already.
        if (feed == BroadcastFeed.Source)
        {
            var picture = new JsonObject
            {
                ["video_port"] = PortOf(VideoMid),
                ["video_port_2"] = PortOf(VideoMid, "port2"),
                ["video_port_3"] = PortOf(VideoMid, "port3"),
                ["audio_port"] = PortOf(AudioMid),
            };
            await StopForwardersAsync(visitId, new HashSet<int> { PortOf(VideoMid), PortOf(VideoMid, "port2"), PortOf(VideoMid, "port3"), PortOf(AudioMid) }, cancellationToken);
            if (!await ForwardAsync(visitId, connectionId, picture, cancellationToken))
            {
                return false;
            }
        }
        else
        {
            await StopForwardersAsync(visitId, new HashSet<int> { PortOf(CommentaryMid) }, cancellationToken);
            if (!await ForwardAsync(visitId, connectionId, new JsonObject { ["audio_port"] = PortOf(CommentaryMid) }, cancellationToken))
            {
                return false;
            }
        }

        LogFollowed(logger, broadcastId, feed);
        return true;
    }

    public async Task SetCommentatorAsync(Guid broadcastId, Guid visitId, string? commentatorConnectionId, CancellationToken cancellationToken)
    {
        var info = await PluginAsync(Streaming, new JsonObject { ["request"] = "info", ["id"] = StreamId(broadcastId), ["secret"] = Derive($"stream-secret:{broadcastId:N}") }, [], cancellationToken);
        var commentaryPort = info?["info"]?["media"]?.AsArray().FirstOrDefault(m => m?["mid"]?.GetValue<string>() == CommentaryMid)?["port"]?.GetValue<int>()
            ?? throw new MediaServerUnavailableException("Janus's broadcast mountpoint has no commentary stream.");
        await StopForwardersAsync(visitId, new HashSet<int> { commentaryPort }, cancellationToken);
        if (commentatorConnectionId is not null)
        {
            await ForwardAsync(visitId, commentatorConnectionId, new JsonObject { ["audio_port"] = commentaryPort }, cancellationToken);
        }
    }

    public async Task<BroadcastTicket> AllowViewerAsync(Guid broadcastId, Guid viewingId, CancellationToken cancellationToken)
    {
        var token = ViewerToken(viewingId);
        await janus.AddTokenAsync(token, Streaming, cancellationToken);
        return new BroadcastTicket(Settings.BrowserUrl!.ToString().TrimEnd('/'), StreamId(broadcastId), Pin(broadcastId), token);
    }

    public Task RemoveViewerAsync(Guid viewingId, CancellationToken cancellationToken) => janus.RemoveTokenAsync(ViewerToken(viewingId), cancellationToken);

    public async Task StopAsync(Guid broadcastId, Guid visitId, IReadOnlyCollection<Guid> viewingIds, CancellationToken cancellationToken)
    {
        var secret = Derive($"stream-secret:{broadcastId:N}");
        var info = await PluginAsync(Streaming, new JsonObject { ["request"] = "info", ["id"] = StreamId(broadcastId), ["secret"] = secret }, [NoSuchMountpoint], cancellationToken);
        var ports = info?["info"]?["media"]?.AsArray()
            .SelectMany(m => new[] { m?["port"], m?["port2"], m?["port3"] })
            .Where(p => p is not null)
            .Select(p => p!.GetValue<int>())
            .ToHashSet() ?? [];

        // Note: the forwarders first (nothing more is sent to the ports), then the mountpoint (its viewers hang up), then the tokens.
        await StopForwardersAsync(visitId, ports, cancellationToken);
        await PluginAsync(Streaming, new JsonObject { ["request"] = "destroy", ["id"] = StreamId(broadcastId), ["secret"] = secret }, [NoSuchMountpoint], cancellationToken);

        // Note: the call goes on without viewers: its publishers need not send a key frame every 2 s any more (the room's default is none).
        await PluginAsync(
            JanusMediaServer.Plugin,
            new JsonObject { ["request"] = "edit", ["room"] = JanusMediaServer.RoomId(visitId), ["secret"] = RoomSecret(visitId), ["new_fir_freq"] = 0 },
            [NoSuchRoom],
            cancellationToken);
        foreach (var viewing in viewingIds)
        {
            await RemoveViewerAsync(viewing, cancellationToken);
        }

        LogStopped(logger, broadcastId);
    }

    /// <summary>The Streaming mountpoint id of a broadcast (53-bit safe, as room ids).</summary>
    internal static long StreamId(Guid broadcastId) => JanusAdminClient.SafeId($"stream:{broadcastId:N}");

    private string Pin(Guid broadcastId) => janus.Derive($"stream-pin:{broadcastId:N}");

    private string ViewerToken(Guid viewingId) => janus.Derive($"viewer:{viewingId:N}");

    private string Derive(string purpose) => janus.Derive(purpose);

    private string RoomSecret(Guid visitId) => janus.RoomSecret(visitId);

    private Task<JsonNode?> PluginAsync(string plugin, JsonObject request, int[] done, CancellationToken cancellationToken) =>
        janus.PluginAsync(plugin, request, done, cancellationToken);

    /// <summary>Forwards a publisher's streams to the ports; false when it has no stream to forward yet (joined, not yet publishing).</summary>
    private async Task<bool> ForwardAsync(Guid visitId, string connectionId, JsonObject ports, CancellationToken cancellationToken)
    {
        // Note: Streaming and VideoRoom are plugins of the same Janus, so the forwarders send to its own loopback.
        ports["request"] = "rtp_forward";
        ports["room"] = JanusMediaServer.RoomId(visitId);
        ports["secret"] = RoomSecret(visitId);
        ports["admin_key"] = Settings.AdminSecret;
        ports["publisher_id"] = JanusMediaServer.FeedId(visitId, connectionId);
        ports["host"] = "127.0.0.1";
        var forwarded = await PluginAsync(JanusMediaServer.Plugin, ports, [], cancellationToken);

        // Note: Janus answers success with no stream ids for a publisher that has not sent its offer yet.
        return forwarded?["rtp_stream"] is JsonObject streams
            && streams.Any(p => p.Key.StartsWith("audio_stream_id", StringComparison.Ordinal) || p.Key.StartsWith("video_stream_id", StringComparison.Ordinal));
    }

    private async Task StopForwardersAsync(Guid visitId, IReadOnlySet<int> ports, CancellationToken cancellationToken)
    {
        var room = JanusMediaServer.RoomId(visitId);
        var secret = RoomSecret(visitId);
        var list = await PluginAsync(
            JanusMediaServer.Plugin,
            new JsonObject { ["request"] = "listforwarders", ["room"] = room, ["secret"] = secret, ["admin_key"] = Settings.AdminSecret },
            [NoSuchRoom],
            cancellationToken);
        foreach (var publisher in list?["publishers"]?.AsArray() ?? [])
        {
            var publisherId = publisher?["publisher_id"]?.GetValue<long>() ?? 0;
            foreach (var forwarder in publisher?["forwarders"]?.AsArray() ?? [])
            {
                if (forwarder?["port"]?.GetValue<int>() is { } port && ports.Contains(port) && forwarder["stream_id"]?.GetValue<long>() is { } streamId)
                {
                    await PluginAsync(
                        JanusMediaServer.Plugin,
                        new JsonObject
                        {
                            ["request"] = "stop_rtp_forward", ["room"] = room, ["secret"] = secret, ["admin_key"] = Settings.AdminSecret,
                            ["publisher_id"] = publisherId, ["stream_id"] = streamId,
                        },
                        [NoSuchRoom, NoSuchFeed],
                        cancellationToken);
                }
            }
        }
    }

    private static Dictionary<string, (int Port, int? Port2, int? Port3)> Ports(JsonNode? ports)
    {
        var found = new Dictionary<string, (int, int?, int?)>(StringComparer.Ordinal);
        foreach (var port in ports?.AsArray() ?? [])
        {
            if (port?["mid"]?.GetValue<string>() is { } mid && port["port"]?.GetValue<int>() is { } number)
            {
                found[mid] = (number, port["port_2"]?.GetValue<int>(), port["port_3"]?.GetValue<int>());
            }
        }

        return found.Count == 3 ? found : throw new MediaServerUnavailableException("Janus did not say which ports the broadcast listens on.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started broadcast {BroadcastId} of visit {VisitId} through Janus")]
    private static partial void LogStarted(ILogger logger, Guid broadcastId, Guid visitId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} now forwards its {Feed} from the new feed")]
    private static partial void LogFollowed(ILogger logger, Guid broadcastId, BroadcastFeed feed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped broadcast {BroadcastId} on Janus")]
    private static partial void LogStopped(ILogger logger, Guid broadcastId);
}
