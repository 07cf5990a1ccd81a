using InternetHospital.Domain.VideoVisits;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// Keeps each live broadcast on its people's current feeds. A doctor who reconnects enters the call on a new hub
/// connection and publishes under a new Janus feed id, and Janus drops the old feed's forwarders with it: the broadcast
/// would freeze. So, every <c>Video:Broadcast:FollowInterval</c>, a broadcaster (or commentator) whose newest connection
/// in the call is not the one the broadcast forwards gets the forwarders moved to it, once that connection has joined
/// the room as publisher (until then the next round asks again). Answers how many feeds it moved; each move is audited.
/// Note: Janus has no event handler configured here, so polling the database (one query while nothing is live) is how
/// the API learns of a new publisher; the browser's publish follows its EnterCall within a second or two.
/// </summary>
public sealed partial record FollowBroadcastFeeds : ICommand<int>
{
    public sealed partial class Handler(IAppDbContext db, IBroadcastServer server, IAuditLog audit, ILogger<Handler> logger) : ICommandHandler<FollowBroadcastFeeds, int>
    {
        public async ValueTask<int> Handle(FollowBroadcastFeeds command, CancellationToken cancellationToken)
        {
            if (!server.IsAvailable)
            {
                return 0;
            }

            var live = await db.VisitBroadcasts.Where(b => b.EndedAt == null).ToListAsync(cancellationToken);
            var moved = 0;
            foreach (var broadcast in live)
            {
                var visitId = broadcast.VisitId;
                var inCall = await db.VisitConnections.AsNoTracking()
                    .Where(c => c.VisitId == visitId && c.InCallSince != null && c.ClosedAt == null)
                    .Select(c => new { c.ConnectionId, c.AccountId, c.Role, c.InCallSince })
                    .ToListAsync(cancellationToken);
                var source = inCall.Where(c => c.AccountId == broadcast.BroadcasterAccountId).MaxBy(c => c.InCallSince)?.ConnectionId;
                var commentator = broadcast.CommentatorConnectionId is null
                    ? null
                    : inCall.Where(c => c.AccountId == broadcast.CommentatorAccountId && c.Role == VisitRole.Specialist).MaxBy(c => c.InCallSince)?.ConnectionId;
                try
                {
                    if (source is not null && source != broadcast.SourceConnectionId
                        && await server.FollowAsync(broadcast.Id, visitId, source, BroadcastFeed.Source, cancellationToken))
                    {
                        broadcast.FollowSource(source);
                        audit.Record("visit.broadcast_followed", "VideoVisit", visitId.ToString(), null, $"broadcast {broadcast.Id}, source");
                        moved++;
                    }

                    if (commentator is not null && commentator != broadcast.CommentatorConnectionId
                        && await server.FollowAsync(broadcast.Id, visitId, commentator, BroadcastFeed.Commentary, cancellationToken))
                    {
                        broadcast.FollowCommentator(commentator);
                        audit.Record("visit.broadcast_followed", "VideoVisit", visitId.ToString(), null, $"broadcast {broadcast.Id}, commentator");
                        moved++;
                    }
                }
                catch (Media.MediaServerUnavailableException exception)
                {
                    LogFollowFailed(logger, exception, broadcast.Id);
                }
            }

            return moved;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not move broadcast {BroadcastId} to its broadcaster's new feed; the next round tries again")]
        private static partial void LogFollowFailed(ILogger logger, Exception exception, Guid broadcastId);
    }
}
