using InternetHospital.Application.VideoVisits.Media;

namespace InternetHospital.Application.VideoVisits.Room;

/// <summary>
/// Where a signalling message (SDP offer or answer, ICE candidate) may go: only from a peer in the call to another peer
/// in the same call. Returns the target's current connection; the hub relays the message there. Through Janus nothing is
/// relayed (browsers negotiate with Janus itself): a page still signalling is told so (<c>signalling_not_used</c>).
/// </summary>
public sealed record RouteSignal(Guid VisitId, string FromConnectionId, string ToPeerId) : IQuery<SignalRoute>
{
    public sealed class Handler(IAppDbContext db, IMediaServer media) : IQueryHandler<RouteSignal, SignalRoute>
    {
        public async ValueTask<SignalRoute> Handle(RouteSignal query, CancellationToken cancellationToken)
        {
            if (media.IsServer)
            {
                throw new DomainConflictException("signalling_not_used", "Calls go through the media server: connect to it with the call's janus access instead of signalling peers.");
            }

            var from = await db.VisitConnections.AsNoTracking()
                .Where(c => c.ConnectionId == query.FromConnectionId && c.VisitId == query.VisitId && c.InCallSince != null && c.ClosedAt == null)
                .Select(c => c.PeerId)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainConflictException("not_in_call", "Join the call before sending signalling messages.");
            var to = await db.VisitConnections.AsNoTracking()
                .Where(c => c.VisitId == query.VisitId && c.PeerId == query.ToPeerId && c.InCallSince != null && c.ClosedAt == null)
                .OrderByDescending(c => c.ConnectedAt)
                .Select(c => c.ConnectionId)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainConflictException("peer_not_in_call", "That participant is not in the call (any more).");
            return new SignalRoute(from, to);
        }
    }
}

public sealed record SignalRoute(string FromPeerId, string ToConnectionId);
