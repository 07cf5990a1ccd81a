using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Media;

/// <summary>
/// Janus (VideoRoom plugin) through its admin API only: tokens with <c>add_token</c>/<c>remove_token</c>, and every room
/// request as a synchronous <c>message_plugin</c> to <c>janus.plugin.videoroom</c>. So the API keeps no Janus session
/// alive and each operation is one HTTP request. Nothing is stored on our side: a visit's room id is a hash of the visit
/// id, and its room secret, the participants' tokens and feed ids are derived from the admin secret (HMAC) and the visit
/// and hub connection, so any API instance (and the sweep) can act on any room, and the rooms live only as long as Janus
/// keeps them. Rooms are private (not listed to browsers) and carry the visit id as their description, which is how
/// the sweep finds the visit of a room.
/// </summary>
internal sealed partial class JanusMediaServer(HttpClient http, IOptions<VideoOptions> options, ILogger<JanusMediaServer> logger) : IMediaServer
{
    public const string Plugin = "janus.plugin.videoroom";

    private const string DescriptionPrefix = "ih-visit:";

    // VideoRoom error codes (janus_videoroom.c) that mean "already so", which every request here treats as done.
    private const int NoSuchRoom = 426;
    private const int RoomExists = 427;
    private const int NoSuchFeed = 428;

    // Janus core: removing a token that is not there.
    private const int TokenNotFound = 490;

    private JanusOptions Settings => options.Value.Janus;

    public bool IsServer => true;

    public int MaxParticipants => Settings.MaxParticipants;

    public async Task<long> CreateRoomAsync(Guid visitId, int publishers, CancellationToken cancellationToken)
    {
        var room = RoomId(visitId);
        var create = new JsonObject
        {
            ["request"] = "create",
            ["room"] = room,
            ["description"] = DescriptionPrefix + visitId.ToString("N"),
            ["secret"] = RoomSecret(visitId),
            ["is_private"] = true,
            ["publishers"] = publishers,
            ["allowed"] = new JsonArray(),
            ["videocodec"] = "vp8",
            ["audiocodec"] = "opus",
            ["record"] = false,
            ["notify_joining"] = false,
            ["admin_key"] = Settings.AdminSecret,
        };

        // Note: recording stays off (record: false) until everyone consented; where it goes is fixed with the room.
        if (RecordingDirectory(visitId) is { } folder)
        {
            create["rec_dir"] = folder;
        }

        await RoomRequestAsync(create, [RoomExists], cancellationToken);
        return room;
    }

    public async Task EnableRecordingAsync(Guid visitId, bool record, CancellationToken cancellationToken)
    {
        await RoomRequestAsync(
            new JsonObject { ["request"] = "enable_recording", ["room"] = RoomId(visitId), ["secret"] = RoomSecret(visitId), ["record"] = record },
            [],
            cancellationToken);
    }

    /// <summary>The visit's own recording folder (Janus writes one .mjr per feed and medium there), if recording is configured.</summary>
    internal string? RecordingDirectory(Guid visitId) =>
        string.IsNullOrEmpty(Settings.RecordingDirectory) ? null : Path.Combine(Settings.RecordingDirectory, visitId.ToString("N"));

    public async Task DestroyRoomAsync(Guid visitId, IReadOnlyCollection<string> connectionIds, CancellationToken cancellationToken)
    {
        // Note: destroying the room drops everyone in it (Janus tells their handles); the tokens go after it, so a page
        // cannot use one to come back in the moment between.
        await RoomRequestAsync(
            new JsonObject { ["request"] = "destroy", ["room"] = RoomId(visitId), ["secret"] = RoomSecret(visitId) },
            [NoSuchRoom],
            cancellationToken);
        foreach (var connectionId in connectionIds)
        {
            await RemoveTokenAsync(Token(visitId, connectionId), cancellationToken);
        }

        LogRoomDestroyed(logger, visitId);
    }

    public async Task<bool> RoomExistsAsync(Guid visitId, CancellationToken cancellationToken)
    {
        var response = await RoomRequestAsync(new JsonObject { ["request"] = "exists", ["room"] = RoomId(visitId) }, [], cancellationToken);
        return response?["exists"]?.GetValue<bool>() == true;
    }

    public async Task<IReadOnlyList<Guid>> ListRoomsAsync(CancellationToken cancellationToken)
    {
        // Note: with the admin key the list includes private rooms (all of ours).
        var response = await RoomRequestAsync(new JsonObject { ["request"] = "list", ["admin_key"] = Settings.AdminSecret }, [], cancellationToken);
        var visits = new List<Guid>();
        foreach (var room in response?["list"]?.AsArray() ?? [])
        {
            if (room?["description"]?.GetValue<string>() is { } description
                && description.StartsWith(DescriptionPrefix, StringComparison.Ordinal)
                && Guid.TryParseExact(description[DescriptionPrefix.Length..], "N", out var visitId))
            {
                visits.Add(visitId);
            }
        }

        return visits;
    }

    public async Task<MediaTicket> AllowParticipantAsync(Guid visitId, string connectionId, CancellationToken cancellationToken)
    {
        var token = Token(visitId, connectionId);
        await AdminAsync(new JsonObject { ["janus"] = "add_token", ["token"] = token, ["plugins"] = new JsonArray(Plugin) }, [], cancellationToken);
        await RoomRequestAsync(
            new JsonObject
            {
                ["request"] = "allowed",
                ["room"] = RoomId(visitId),
                ["secret"] = RoomSecret(visitId),
                ["action"] = "add",
                ["allowed"] = new JsonArray(token),
            },
            [],
            cancellationToken);
        return new MediaTicket(Settings.BrowserUrl!.ToString().TrimEnd('/'), RoomId(visitId), token, FeedId(visitId, connectionId));
    }

    public async Task RemoveParticipantAsync(Guid visitId, string connectionId, CancellationToken cancellationToken)
    {
        var token = Token(visitId, connectionId);
        var room = RoomId(visitId);
        var secret = RoomSecret(visitId);

        // Note: the ACL first (no new join with the token), then the feed (its media stops), then the token itself (no
        // new session); a room that is gone already has nothing of it left.
        await RoomRequestAsync(
            new JsonObject { ["request"] = "allowed", ["room"] = room, ["secret"] = secret, ["action"] = "remove", ["allowed"] = new JsonArray(token) },
            [NoSuchRoom],
            cancellationToken);
        await RoomRequestAsync(
            new JsonObject { ["request"] = "kick", ["room"] = room, ["secret"] = secret, ["id"] = FeedId(visitId, connectionId) },
            [NoSuchRoom, NoSuchFeed],
            cancellationToken);
        await RemoveTokenAsync(token, cancellationToken);
    }

    /// <summary>A 53-bit positive id (safe as a JavaScript number) from the visit id: the same room from every instance.</summary>
    internal static long RoomId(Guid visitId) => SafeId(SHA256.HashData(visitId.ToByteArray()));

    /// <summary>The publisher id of one hub connection in the visit's room (a reconnect is a new connection, so a new feed).</summary>
    internal static long FeedId(Guid visitId, string connectionId) =>
        SafeId(SHA256.HashData(Encoding.UTF8.GetBytes($"feed:{visitId:N}:{connectionId}")));

    private static long SafeId(ReadOnlySpan<byte> hash)
    {
        var value = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & ((1UL << 53) - 1));
        return value == 0 ? 1 : value;
    }

    private string RoomSecret(Guid visitId) => Derive($"room-secret:{visitId:N}");

    private string Token(Guid visitId, string connectionId) => Derive($"token:{visitId:N}:{connectionId}");

    private string Derive(string purpose) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Settings.AdminSecret!), Encoding.UTF8.GetBytes(purpose)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private Task RemoveTokenAsync(string token, CancellationToken cancellationToken) =>
        AdminAsync(new JsonObject { ["janus"] = "remove_token", ["token"] = token }, [TokenNotFound], cancellationToken);

    /// <summary>A VideoRoom request answered synchronously; the plugin's <c>response</c>, or null when it answered one of <paramref name="done"/>.</summary>
    private async Task<JsonNode?> RoomRequestAsync(JsonObject request, int[] done, CancellationToken cancellationToken)
    {
        var answer = await AdminAsync(new JsonObject { ["janus"] = "message_plugin", ["plugin"] = Plugin, ["request"] = request }, [], cancellationToken);
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
                $"Janus VideoRoom refused '{request["request"]}': {number} {response["error"]?.GetValue<string>()}"));
        }

        return response;
    }

    /// <summary>One admin API request (with the admin secret); Janus's answer, or null when it was one of the <paramref name="done"/> errors.</summary>
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed the Janus room of visit {VisitId}")]
    private static partial void LogRoomDestroyed(ILogger logger, Guid visitId);
}

/// <summary>The browser mesh: no media server, so nothing to create, allow or take back.</summary>
internal sealed class MeshMediaServer : IMediaServer
{
    public bool IsServer => false;

    public int MaxParticipants => Domain.VideoVisits.VideoVisit.MaxParticipants;

    public Task<long> CreateRoomAsync(Guid visitId, int publishers, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task DestroyRoomAsync(Guid visitId, IReadOnlyCollection<string> connectionIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> RoomExistsAsync(Guid visitId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<IReadOnlyList<Guid>> ListRoomsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Guid>>([]);

    public Task<MediaTicket> AllowParticipantAsync(Guid visitId, string connectionId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The mesh has no media server to let anyone into.");

    public Task RemoveParticipantAsync(Guid visitId, string connectionId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EnableRecordingAsync(Guid visitId, bool record, CancellationToken cancellationToken) => Task.CompletedTask;
}
