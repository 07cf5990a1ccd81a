namespace InternetHospital.Application.VideoVisits.Media;

/// <summary>
/// The media server of video calls (a Janus VideoRoom), or none (the browser mesh, where every call is a no-op). One room
/// per visit; a participant the hub let into the call gets a ticket (a token both for the server and for the room's
/// allowed list); leaving takes it back and ends their feed. Every request is idempotent: a room created twice, destroyed
/// twice or a ticket taken back twice is not an error, so hooks and the sweep may repeat each other.
/// </summary>
public interface IMediaServer
{
    /// <summary>False for the mesh: the hub relays signalling and nothing here is called for real.</summary>
    bool IsServer { get; }

    /// <summary>The most people in one call on this media path.</summary>
    int MaxParticipants { get; }

    /// <summary>Creates the visit's room (no one allowed yet) unless it is there already.</summary>
    Task<long> CreateRoomAsync(Guid visitId, int publishers, CancellationToken cancellationToken);

    /// <summary>Ends the visit's room (everyone in it is dropped) and takes back the tickets of the given connections.</summary>
    Task DestroyRoomAsync(Guid visitId, IReadOnlyCollection<string> connectionIds, CancellationToken cancellationToken);

    /// <summary>Whether the visit's room exists on the server now.</summary>
    Task<bool> RoomExistsAsync(Guid visitId, CancellationToken cancellationToken);

    /// <summary>The visits that have a room on the server now (for the sweep).</summary>
    Task<IReadOnlyList<Guid>> ListRoomsAsync(CancellationToken cancellationToken);

    /// <summary>Lets one hub connection into the visit's room: a fresh token accepted by the server and by this room only.</summary>
    Task<MediaTicket> AllowParticipantAsync(Guid visitId, string connectionId, CancellationToken cancellationToken);

    /// <summary>Takes a connection's token back (server and room) and drops its feed from the room.</summary>
    Task RemoveParticipantAsync(Guid visitId, string connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts or stops recording every feed of the visit's room (Janus <c>enable_recording</c>), into the visit's own
    /// folder under <c>Video:Janus:RecordingDirectory</c>. Only when everyone in the call consented (the caller's rule).
    /// </summary>
    Task EnableRecordingAsync(Guid visitId, bool record, CancellationToken cancellationToken);
}

/// <param name="Url">What the browser connects to (Janus's WebSocket transport).</param>
/// <param name="RoomId">The visit's VideoRoom.</param>
/// <param name="Token">Janus token for <c>create</c> and the room's <c>join</c>.</param>
/// <param name="FeedId">The publisher id this connection joins with (53-bit safe, unique in the room).</param>
public sealed record MediaTicket(string Url, long RoomId, string Token, long FeedId);

/// <summary>The media server cannot be reached or refused a request (hub error <c>media_unavailable</c>, HTTP 503).</summary>
public sealed class MediaServerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
