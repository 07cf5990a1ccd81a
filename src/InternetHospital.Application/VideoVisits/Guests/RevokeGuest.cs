using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Guests;

/// <summary>
/// The doctor (or whoever invited the guest) withdraws a guest link: it opens nothing any more, the guest's credential
/// stops working on its next call, and the guest's open connections are returned so the caller takes them out of the
/// call and the room (through <c>LeaveVisitCall</c>, as a hang-up would).
/// </summary>
public sealed record RevokeGuest(Guid VisitId, Guid GuestId) : ICommand<RevokedGuest>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, ICurrentUser currentUser, IAuditLog audit, IVisitRoom room, IAfterCommit afterCommit, TimeProvider clock)
        : ICommandHandler<RevokeGuest, RevokedGuest>
    {
        public async ValueTask<RevokedGuest> Handle(RevokeGuest command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            var guest = await db.VisitGuests.SingleOrDefaultAsync(g => g.Id == command.GuestId && g.VisitId == visit.Id, cancellationToken)
                ?? throw new NotFoundException("Guest", command.GuestId);
            if (role != VisitRole.Doctor && guest.InvitedByAccountId != currentUser.RequireAccountId())
            {
                VisitAccess.EnsureDoctor(role);
            }

            guest.Revoke(clock.GetUtcNow());
            audit.Record("visit.guest_revoked", "VideoVisit", visit.Id.ToString(), visit.PatientId, guest.Id.ToString());
            var visitId = visit.Id;
            var connections = await db.VisitConnections.AsNoTracking()
                .Where(c => c.VisitId == visitId && c.AccountId == guest.Id && c.ClosedAt == null)
                .Select(c => c.ConnectionId)
                .ToListAsync(cancellationToken);
            afterCommit.Enqueue(ct => room.BroadcastAsync(visitId, VisitRoomEvents.GuestsChanged, new GuestsChangedEvent(visitId), ct));
            return new RevokedGuest(visitId, guest.Id, connections);
        }
    }
}

public sealed record RevokedGuest(Guid VisitId, Guid GuestId, IReadOnlyList<string> ConnectionIds);
