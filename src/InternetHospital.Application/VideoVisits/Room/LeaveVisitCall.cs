using InternetHospital.Application.VideoVisits.Media;

namespace InternetHospital.Application.VideoVisits.Room;

/// <summary>
/// Someone hangs up (or their browser went away): their media ends; the others are told by peer id. Through Janus their
/// token is taken back and their feed dropped from the room, so the page cannot keep sending or watching.
/// </summary>
public sealed record LeaveVisitCall(string ConnectionId, Guid? VisitId, bool Disconnected) : ICommand<IReadOnlyList<LeftPeer>>
{
    public sealed class Handler(IAppDbContext db, CallMedia media, TimeProvider clock) : ICommandHandler<LeaveVisitCall, IReadOnlyList<LeftPeer>>
    {
        public async ValueTask<IReadOnlyList<LeftPeer>> Handle(LeaveVisitCall command, CancellationToken cancellationToken)
        {
            var rows = await db.VisitConnections
                .Where(c => c.ConnectionId == command.ConnectionId && c.ClosedAt == null && (command.VisitId == null || c.VisitId == command.VisitId))
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return [];
            }

            var now = clock.GetUtcNow();
            var left = new List<LeftPeer>();
            var visitIds = rows.Where(r => r.IsInCall).Select(r => r.VisitId).ToList();
            var visits = await db.VideoVisits.Where(v => visitIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
            foreach (var row in rows)
            {
                if (row.IsInCall && row.PeerId is not null)
                {
                    left.Add(new LeftPeer(row.VisitId, row.PeerId));
                    visits[row.VisitId].RecordLeft(row.AccountId, row.Role, now, command.Disconnected ? "disconnected" : "left");
                    media.ReleaseAfterCommit(row.VisitId, [row.ConnectionId]);
                    row.LeaveCall();
                }

                if (command.Disconnected)
                {
                    row.Close(now);
                }
            }

            return left;
        }
    }
}

public sealed record LeftPeer(Guid VisitId, string PeerId);
