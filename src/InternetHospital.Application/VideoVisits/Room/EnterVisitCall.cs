using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Room;

/// <summary>
/// A browser in the room joins the call with its peer id. Only once the doctor has admitted the patient (so a patient
/// who is waiting never receives anyone's media), never into a finished visit, at most four people on the mesh (more
/// through Janus), and a doctor or specialist only within a confirmed session of visits (domain rule 3). Joining again
/// with the same peer id (after a reconnect) moves the peer to the new connection. Through Janus the caller also gets
/// the visit's room (created on the first entry) and a token of its own for it.
/// </summary>
public sealed record EnterVisitCall(Guid VisitId, string ConnectionId, string PeerId) : ICommand<CallSnapshot>
{
    public sealed class Validator : AbstractValidator<EnterVisitCall>
    {
        public Validator() => RuleFor(x => x.PeerId).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9-]+$");
    }

    public sealed class Handler(IAppDbContext db, VisitAccess access, ICurrentUser currentUser, IAccountService accounts, CallMedia media, TimeProvider clock)
        : ICommandHandler<EnterVisitCall, CallSnapshot>
    {
        public async ValueTask<CallSnapshot> Handle(EnterVisitCall command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            visit.EnsureCallOpen();
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            if (role is VisitRole.Doctor or VisitRole.Specialist)
            {
                await ConsultingSessions.EnsureActiveAsync(db, accountId, now, cancellationToken);
            }

            return await CallMembership.EnterAsync(db, accounts, media, visit, role, accountId, command.ConnectionId, command.PeerId, now, cancellationToken);
        }
    }
}

/// <param name="Self">The caller as the others will see them.</param>
/// <param name="Peers">Everyone else in the call: on the mesh the newcomer offers to each of them.</param>
/// <param name="Janus">Null on the mesh (signalling through the hub); through Janus, where and how this browser joins the visit's room.</param>
public sealed record CallSnapshot(PeerDto Self, IReadOnlyList<PeerDto> Peers, JanusAccess? Janus = null);

/// <summary>Puts a room connection into the call under a peer id and saves (with whatever else the caller changed).</summary>
internal static class CallMembership
{
    public static async Task<CallSnapshot> EnterAsync(
        IAppDbContext db, IAccountService accounts, CallMedia media, VideoVisit visit, VisitRole role, Guid accountId, string connectionId, string peerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await db.VisitConnections.SingleOrDefaultAsync(c => c.ConnectionId == connectionId && c.VisitId == visit.Id, cancellationToken)
            ?? throw new DomainConflictException("not_in_room", "Join the visit's room first.");

        var others = await db.VisitConnections
            .Where(c => c.VisitId == visit.Id && c.InCallSince != null && c.ClosedAt == null && c.PeerId != null && c.PeerId != peerId)
            .Select(c => c.PeerId)
            .Distinct()
            .CountAsync(cancellationToken);
        if (others >= media.MaxParticipants)
        {
            throw new DomainRuleException("call_full", $"A video visit holds at most {media.MaxParticipants} people.");
        }

        // Older connections of the same peer (a reconnect) no longer carry it.
        var stale = await db.VisitConnections
            .Where(c => c.VisitId == visit.Id && c.PeerId == peerId && c.ConnectionId != connectionId && c.ClosedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var old in stale)
        {
            old.LeaveCall();
        }

        var rejoin = stale.Count > 0 || (connection.IsInCall && connection.PeerId == peerId);
        connection.EnterCall(peerId, now);
        if (!rejoin)
        {
            visit.RecordJoined(accountId, role, now);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Note: after the save, so a refused entry hands out no token; the old connections' tokens go after the commit.
        media.ReleaseAfterCommit(visit.Id, stale.Select(s => s.ConnectionId).ToList());
        var janus = await media.AdmitAsync(visit.Id, accountId, connectionId, cancellationToken);
        var name = (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
        return new CallSnapshot(
            new PeerDto(peerId, role, name, accountId),
            await Peers.InCallAsync(db, accounts, visit.Id, peerId, cancellationToken),
            janus);
    }
}
