using System.Security.Cryptography;
using System.Text.Json.Nodes;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Media;
using Microsoft.Extensions.Logging;

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
internal sealed partial class JanusMediaServer(JanusAdminClient janus, ILogger<JanusMediaServer> logger) : IMediaServer
{
    public const string Plugin = "janus.plugin.videoroom";

    private const string DescriptionPrefix = "ih-visit:";

    // VideoRoom error codes (janus_videoroom.c) that mean "already so", which every request here treats as done.
    private const int NoSuchRoom = 426;
    private const int RoomExists = 427;
    private const int NoSuchFeed = 428;

    private JanusOptions Settings => janus.Settings;

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
        await janus.AddTokenAsync(token, Plugin, cancellationToken);
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
    internal static long RoomId(Guid visitId) => JanusAdminClient.SafeId(SHA256.HashData(visitId.ToByteArray()));

    /// <summary>The publisher id of one hub connection in the visit's room (a reconnect is a new connection, so a new feed).</summary>
    internal static long FeedId(Guid visitId, string connectionId) => JanusAdminClient.SafeId($"feed:{visitId:N}:{connectionId}");

    private string RoomSecret(Guid visitId) => janus.RoomSecret(visitId);

    private string Token(Guid visitId, string connectionId) => janus.Derive($"token:{visitId:N}:{connectionId}");

    private Task RemoveTokenAsync(string token, CancellationToken cancellationToken) => janus.RemoveTokenAsync(token, cancellationToken);

    /// <summary>A VideoRoom request answered synchronously; the plugin's <c>response</c>, or null when it answered one of <paramref name="done"/>.</summary>
    private Task<JsonNode?> RoomRequestAsync(JsonObject request, int[] done, CancellationToken cancellationToken) =>
        janus.PluginAsync(Plugin, request, done, cancellationToken);

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
