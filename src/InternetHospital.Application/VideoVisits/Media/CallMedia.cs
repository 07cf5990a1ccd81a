using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.VideoVisits.Media;

/// <summary>
/// What the call use cases do with the media server: let a participant in (creating the visit's room on the first
/// entry), take a participant out, close the room when the visit ends. On the mesh every step is nothing at all.
/// </summary>
public sealed partial class CallMedia(
    IMediaServer server,
    Broadcast.IBroadcastServer broadcasts,
    IAppDbContext db,
    IAfterCommit afterCommit,
    IOptions<VideoOptions> options,
    TimeProvider clock,
    ILogger<CallMedia> logger)
{
    public bool IsServer => server.IsServer;

    /// <summary>The most people in one call on the configured media path.</summary>
    public int MaxParticipants => server.MaxParticipants;

    /// <summary>
    /// The room access of a participant the hub has just let into the call (null on the mesh). The room is created on
    /// the first entry, sized for the media path; the ICE servers are the caller's own (TURN credentials per account).
    /// </summary>
    public async Task<JanusAccess?> AdmitAsync(Guid visitId, Guid accountId, string connectionId, CancellationToken cancellationToken)
    {
        if (!server.IsServer)
        {
            return null;
        }

        await server.CreateRoomAsync(visitId, server.MaxParticipants, cancellationToken);
        var ticket = await server.AllowParticipantAsync(visitId, connectionId, cancellationToken);
        var ice = TurnCredentials.IceConfigurationFor(options.Value, accountId, clock.GetUtcNow());
        return new JanusAccess(ticket.Url, ticket.RoomId, ticket.Token, ticket.FeedId, ice.IceServers);
    }

    /// <summary>After the save: take the leaving connections' tokens back and drop their feeds. A failure is logged, not
    /// raised: the person has left the call either way, and the room's end takes every token back.</summary>
    public void ReleaseAfterCommit(Guid visitId, IReadOnlyCollection<string> connectionIds)
    {
        if (!server.IsServer || connectionIds.Count == 0)
        {
            return;
        }

        afterCommit.Enqueue(async ct =>
        {
            foreach (var connectionId in connectionIds)
            {
                try
                {
                    await server.RemoveParticipantAsync(visitId, connectionId, ct);
                }
                catch (MediaServerUnavailableException exception)
                {
                    LogReleaseFailed(logger, exception, visitId);
                }
            }
        });
    }

    /// <summary>
    /// The visit ended (completed, referred, consultation signed): after the save, its room is destroyed and every token
    /// of its connections taken back. When the media server cannot be reached, the sweep destroys the room later.
    /// </summary>
    public async Task CloseAfterCommitAsync(Guid visitId, CancellationToken cancellationToken)
    {
        if (!server.IsServer)
        {
            return;
        }

        // Note: a teaching broadcast of the visit ends with it (before the room goes, so viewers see the end, not a freeze).
        await Broadcast.Broadcasts.EndWithVisitAsync(db, broadcasts, afterCommit, logger, visitId, clock.GetUtcNow(), cancellationToken);
        var connectionIds = await ConnectionsOfAsync(db, visitId, cancellationToken);
        afterCommit.Enqueue(async ct =>
        {
            try
            {
                await server.DestroyRoomAsync(visitId, connectionIds, ct);
            }
            catch (MediaServerUnavailableException exception)
            {
                LogCloseFailed(logger, exception, visitId);
            }
        });
    }

    /// <summary>Every hub connection a visit ever had (each may hold a token while it is in the call).</summary>
    public static async Task<IReadOnlyList<string>> ConnectionsOfAsync(IAppDbContext db, Guid visitId, CancellationToken cancellationToken) =>
        await db.VisitConnections.AsNoTracking().Where(c => c.VisitId == visitId).Select(c => c.ConnectionId).ToListAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take a media token back for visit {VisitId}; the room's end takes it back")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, Guid visitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not close the media room of visit {VisitId}; the sweep closes it later")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, Guid visitId);
}

/// <summary>
/// How a browser reaches its call through Janus (the <c>janus</c> field of the call snapshot): connect to <c>Url</c>
/// (subprotocol <c>janus-protocol</c>), create a session with <c>Token</c>, attach the VideoRoom plugin and join room
/// <c>RoomId</c> as publisher <c>FeedId</c> with the same token and the hub peer id as display name.
/// </summary>
public sealed record JanusAccess(string Url, long RoomId, string Token, long FeedId, IReadOnlyList<IceServer> IceServers);
