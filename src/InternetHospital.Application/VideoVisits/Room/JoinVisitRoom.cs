using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Room;

/// <summary>
/// A browser opens a visit's room (waiting room, call page, workspace): status pushes and chat reach it from now on.
/// Joining the room is not joining the call: media needs <see cref="EnterVisitCall"/>, which needs the patient admitted.
/// </summary>
public sealed record JoinVisitRoom(Guid VisitId, string ConnectionId) : ICommand<RoomSnapshot>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, ICurrentUser currentUser, IAccountService accounts, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<JoinVisitRoom, RoomSnapshot>
    {
        public async ValueTask<RoomSnapshot> Handle(JoinVisitRoom command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            visit.EnsureNotFinished();
            var accountId = currentUser.RequireAccountId();
            var existing = await db.VisitConnections.SingleOrDefaultAsync(c => c.ConnectionId == command.ConnectionId && c.VisitId == visit.Id, cancellationToken);
            if (existing is null)
            {
                db.VisitConnections.Add(VisitConnection.Open(command.ConnectionId, visit.Id, accountId, role, clock.GetUtcNow()));
                audit.Record("visit.room_joined", "VideoVisit", visit.Id.ToString(), visit.Purpose == VisitPurpose.EmergencyCase ? null : visit.PatientId, role.ToString());
                await db.SaveChangesAsync(cancellationToken);
            }

            var guestAdmitted = role == VisitRole.Guest && (await access.FindUsableGuestAsync(visit, accountId, cancellationToken))?.AdmittedAt is not null;
            return new RoomSnapshot(visit.Id, role, visit.Status, await Peers.InCallAsync(db, accounts, visit.Id, exceptPeerId: null, cancellationToken), guestAdmitted);
        }
    }
}

/// <param name="GuestAdmitted">For a guest: the doctor has let them in (they enter the call once the visit is in progress).</param>
public sealed record RoomSnapshot(Guid VisitId, VisitRole Role, VideoVisitStatus Status, IReadOnlyList<PeerDto> PeersInCall, bool GuestAdmitted = false);

/// <summary>Someone in the call: the browser's peer id (stable across reconnects), role and display name.</summary>
public sealed record PeerDto(string PeerId, VisitRole Role, string Name, Guid AccountId);

internal static class Peers
{
    /// <summary>The people in the call now: one entry per peer id, from its newest open connection.</summary>
    public static async Task<IReadOnlyList<PeerDto>> InCallAsync(IAppDbContext db, IAccountService accounts, Guid visitId, string? exceptPeerId, CancellationToken cancellationToken)
    {
        var rows = await db.VisitConnections.AsNoTracking()
            .Where(c => c.VisitId == visitId && c.InCallSince != null && c.ClosedAt == null && c.PeerId != null)
            .ToListAsync(cancellationToken);
        var peers = new List<PeerDto>();
        foreach (var row in rows.Where(r => r.PeerId != exceptPeerId).GroupBy(r => r.PeerId!).Select(g => g.MaxBy(r => r.ConnectedAt)!).OrderBy(r => r.InCallSince))
        {
            var name = await VisitAccess.NameOfAsync(db, accounts, row.AccountId, cancellationToken);
            peers.Add(new PeerDto(row.PeerId!, row.Role, name, row.AccountId));
        }

        return peers;
    }
}
