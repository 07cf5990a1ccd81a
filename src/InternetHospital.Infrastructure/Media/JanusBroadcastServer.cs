using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Broadcast;
using InternetHospital.Application.VideoVisits.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
internal sealed partial class JanusBroadcastServer(HttpClient http, IOptions<VideoOptions> options, ILogger<JanusBroadcastServer> logger) : IBroadcastServer
{
    public const string Streaming = "janus.plugin.streaming";

    private const string DescriptionPrefix = "ih-broadcast:";

    // Mids of the mountpoint's three streams: the picture, the source's sound, the commentator's voice.
    private const string VideoMid = "v";
    private const string AudioMid = "a";
    private const string CommentaryMid = "c";

    // Streaming: no such mountpoint; VideoRoom: no such room / feed; core: token not found.
    private const int NoSuchMountpoint = 455;
    private const int NoSuchRoom = 426;
    private const int NoSuchFeed = 428;
    private const int TokenNotFound = 490;

    /// <summary>How often the broadcast room's publishers send a key frame (the longest a new viewer waits for a picture).</summary>
    private const int KeyFrameSeconds = 2;

    private JanusOptions Settings => options.Value.Janus;

    public bool IsAvailable => true;

    public async Task StartAsync(Guid broadcastId, Guid visitId, string sourceConnectionId, string? commentatorConnectionId, CancellationToken cancellationToken)
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
            // Note: a simulcast mountpoint keeps no key frame (Janus turns its buffering off), and a forwarder asks the
            // publisher for one only when it starts, so a viewer who came later never decoded a frame (found in the
            // browser journey). A key frame from the publishers every 2 s lets each new viewer start within that.
            await PluginAsync(
                JanusMediaServer.Plugin,
                new JsonObject { ["request"] = "edit", ["room"] = JanusMediaServer.RoomId(visitId), ["secret"] = RoomSecret(visitId), ["new_fir_freq"] = KeyFrameSeconds },
                [],
                cancellationToken);
            var ports = Ports(created?["stream"]?["ports"]);
            await ForwardAsync(visitId, sourceConnectionId, new JsonObject
            {
                ["video_port"] = ports[VideoMid].Port,
                ["video_port_2"] = ports[VideoMid].Port2,
                ["video_port_3"] = ports[VideoMid].Port3,
                ["audio_port"] = ports[AudioMid].Port,
            }, cancellationToken);
            if (commentatorConnectionId is not null)
            {
                await ForwardAsync(visitId, commentatorConnectionId, new JsonObject { ["audio_port"] = ports[CommentaryMid].Port }, cancellationToken);
            }
        }
        catch (MediaServerUnavailableException)
        {
            // Note: the broadcast is not saved when this fails, so nothing would ever close the mountpoint but this.
            await PluginAsync(Streaming, new JsonObject { ["request"] = "destroy", ["id"] = StreamId(broadcastId), ["secret"] = Derive($"stream-secret:{broadcastId:N}") }, [NoSuchMountpoint], CancellationToken.None);
            throw;
        }

        LogStarted(logger, broadcastId, visitId);
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
        await AdminAsync(new JsonObject { ["janus"] = "add_token", ["token"] = token, ["plugins"] = new JsonArray(Streaming) }, [], cancellationToken);
        return new BroadcastTicket(Settings.BrowserUrl!.ToString().TrimEnd('/'), StreamId(broadcastId), Pin(broadcastId), token);
    }

    public Task RemoveViewerAsync(Guid viewingId, CancellationToken cancellationToken) =>
        AdminAsync(new JsonObject { ["janus"] = "remove_token", ["token"] = ViewerToken(viewingId) }, [TokenNotFound], cancellationToken);

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
        foreach (var viewing in viewingIds)
        {
            await RemoveViewerAsync(viewing, cancellationToken);
        }

        LogStopped(logger, broadcastId);
    }

    /// <summary>The Streaming mountpoint id of a broadcast (53-bit safe, as room ids).</summary>
    internal static long StreamId(Guid broadcastId)
    {
        var value = (long)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"stream:{broadcastId:N}"))) & ((1UL << 53) - 1));
        return value == 0 ? 1 : value;
    }

    private string Pin(Guid broadcastId) => Derive($"stream-pin:{broadcastId:N}");

    private string ViewerToken(Guid viewingId) => Derive($"viewer:{viewingId:N}");

    /// <summary>The visit room's secret: the same derivation as <see cref="JanusMediaServer"/>'s.</summary>
    private string RoomSecret(Guid visitId) => Derive($"room-secret:{visitId:N}");

    private string Derive(string purpose) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Settings.AdminSecret!), Encoding.UTF8.GetBytes(purpose)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task ForwardAsync(Guid visitId, string connectionId, JsonObject ports, CancellationToken cancellationToken)
    {
        // Note: Streaming and VideoRoom are plugins of the same Janus, so the forwarders send to its own loopback.
        ports["request"] = "rtp_forward";
        ports["room"] = JanusMediaServer.RoomId(visitId);
        ports["secret"] = RoomSecret(visitId);
        ports["admin_key"] = Settings.AdminSecret;
        ports["publisher_id"] = JanusMediaServer.FeedId(visitId, connectionId);
        ports["host"] = "127.0.0.1";
        await PluginAsync(JanusMediaServer.Plugin, ports, [], cancellationToken);
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

    /// <summary>A plugin request answered synchronously through the admin API; the plugin's <c>response</c>, or null for one of <paramref name="done"/>.</summary>
    private async Task<JsonNode?> PluginAsync(string plugin, JsonObject request, int[] done, CancellationToken cancellationToken)
    {
        var answer = await AdminAsync(new JsonObject { ["janus"] = "message_plugin", ["plugin"] = plugin, ["request"] = request }, [], cancellationToken);
        var response = answer?["response"];
        if (response?["error_code"] is { } code)
        {
            var number = code.GetValue<int>();
            if (done.Contains(number))
            {
                return null;
            }

            throw new MediaServerUnavailableException(string.Create(
                CultureInfo.InvariantCulture,
                $"Janus {plugin} refused '{request["request"]}': {number} {response["error"]?.GetValue<string>()}"));
        }

        return response;
    }

    private async Task<JsonNode?> AdminAsync(JsonObject body, int[] done, CancellationToken cancellationToken)
    {
        body["transaction"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        body["admin_secret"] = Settings.AdminSecret;
        JsonNode? answer;
        try
        {
            using var response = await http.PostAsJsonAsync(Settings.AdminUrl, body, cancellationToken);
            response.EnsureSuccessStatusCode();
            answer = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MediaServerUnavailableException("Janus's admin API cannot be reached.", exception);
        }

        if (answer?["janus"]?.GetValue<string>() == "error")
        {
            var code = answer["error"]?["code"]?.GetValue<int>() ?? 0;
            if (done.Contains(code))
            {
                return null;
            }

            throw new MediaServerUnavailableException(string.Create(
                CultureInfo.InvariantCulture,
                $"Janus refused '{body["janus"]}': {code} {answer["error"]?["reason"]?.GetValue<string>()}"));
        }

        return answer;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started broadcast {BroadcastId} of visit {VisitId} through Janus")]
    private static partial void LogStarted(ILogger logger, Guid broadcastId, Guid visitId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped broadcast {BroadcastId} on Janus")]
    private static partial void LogStopped(ILogger logger, Guid broadcastId);
}
