namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// Where a teaching broadcast goes out (Janus: a Streaming mountpoint fed by RTP forwarders from the visit's VideoRoom).
/// Viewers get a token that opens the Streaming plugin only, which has no way to send media: a viewer cannot publish
/// into the visit's room or anywhere else. On the mesh there is no server (<see cref="IsAvailable"/> false).
/// </summary>
public interface IBroadcastServer
{
    bool IsAvailable { get; }

    /// <summary>
    /// Opens the broadcast and forwards the source connection's picture and sound into it, and the commentator's voice
    /// when another connection. False, with nothing left open, when the source has not published yet (nothing to forward).
    /// </summary>
    Task<bool> StartAsync(Guid broadcastId, Guid visitId, string sourceConnectionId, string? commentatorConnectionId, CancellationToken cancellationToken);

    /// <summary>
    /// Points the broadcast's picture and sound (<see cref="BroadcastFeed.Source"/>) or the commentator's voice at another
    /// connection's feed (after a reconnect the same person publishes under a new feed id): the old forwarders to the
    /// broadcast go, new ones come from this feed. False when the connection has not joined the room and published yet
    /// (ask again later).
    /// </summary>
    Task<bool> FollowAsync(Guid broadcastId, Guid visitId, string connectionId, BroadcastFeed feed, CancellationToken cancellationToken);

    /// <summary>Replaces the commentator's voice (null: only the source's own sound).</summary>
    Task SetCommentatorAsync(Guid broadcastId, Guid visitId, string? commentatorConnectionId, CancellationToken cancellationToken);

    /// <summary>A token for one viewing: opens the Streaming plugin only.</summary>
    Task<BroadcastTicket> AllowViewerAsync(Guid broadcastId, Guid viewingId, CancellationToken cancellationToken);

    /// <summary>Takes a viewing's token back.</summary>
    Task RemoveViewerAsync(Guid viewingId, CancellationToken cancellationToken);

    /// <summary>Closes the broadcast (viewers are dropped), stops its forwarders and takes back the given viewings' tokens. Idempotent.</summary>
    Task StopAsync(Guid broadcastId, Guid visitId, IReadOnlyCollection<Guid> viewingIds, CancellationToken cancellationToken);
}

/// <summary>What of a broadcast comes from one participant's feed: the picture and sound, or the commentator's voice.</summary>
public enum BroadcastFeed
{
    Source = 1,
    Commentary = 2,
}

/// <param name="Url">Janus's WebSocket transport (as for the call).</param>
/// <param name="StreamId">The Streaming mountpoint to <c>watch</c>.</param>
/// <param name="Pin">The mountpoint's PIN, given with <c>watch</c>.</param>
/// <param name="Token">The Janus token for <c>create</c> and <c>attach</c> (Streaming plugin only).</param>
public sealed record BroadcastTicket(string Url, long StreamId, string Pin, string Token);

/// <summary>The mesh: nothing to broadcast through (every use case answers <c>broadcast_needs_media_server</c> first).</summary>
public sealed class NoBroadcastServer : IBroadcastServer
{
    public bool IsAvailable => false;

    public Task<bool> StartAsync(Guid broadcastId, Guid visitId, string sourceConnectionId, string? commentatorConnectionId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The mesh has no broadcast server.");

    public Task SetCommentatorAsync(Guid broadcastId, Guid visitId, string? commentatorConnectionId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The mesh has no broadcast server.");

    public Task<bool> FollowAsync(Guid broadcastId, Guid visitId, string connectionId, BroadcastFeed feed, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The mesh has no broadcast server.");

    public Task<BroadcastTicket> AllowViewerAsync(Guid broadcastId, Guid viewingId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The mesh has no broadcast server.");

    public Task RemoveViewerAsync(Guid viewingId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(Guid broadcastId, Guid visitId, IReadOnlyCollection<Guid> viewingIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
