namespace InternetHospital.Application.VideoVisits.Guests;

/// <summary>
/// The visit's doctor lets a waiting guest in. The guest's browser, told through the room, then enters the call through
/// the same hub step as everyone else (EnterCall), once the visit is in progress.
/// </summary>
public sealed record AdmitGuest(Guid VisitId, Guid GuestId) : ICommand<GuestsChangedEvent>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, IAuditLog audit, IVisitRoom room, IAfterCommit afterCommit, TimeProvider clock)
        : ICommandHandler<AdmitGuest, GuestsChangedEvent>
    {
        public async ValueTask<GuestsChangedEvent> Handle(AdmitGuest command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            VisitAccess.EnsureDoctor(role);
            visit.EnsureNotFinished();
            var guest = await db.VisitGuests.SingleOrDefaultAsync(g => g.Id == command.GuestId && g.VisitId == visit.Id, cancellationToken)
                ?? throw new NotFoundException("Guest", command.GuestId);
            var now = clock.GetUtcNow();
            guest.EnsureUsable(visit.IsFinished, now);
            guest.Admit(now);
            audit.Record("visit.guest_admitted", "VideoVisit", visit.Id.ToString(), visit.PatientId, guest.Id.ToString());
            var changed = new GuestsChangedEvent(visit.Id);
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.GuestsChanged, changed, ct));
            return changed;
        }
    }
}
