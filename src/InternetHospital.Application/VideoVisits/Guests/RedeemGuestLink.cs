using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Guests;

/// <summary>
/// A guest opens their link (no account): the first device binds it by its secret (kept hashed), and the guest gets a
/// credential for this visit's hub and chat until the link expires. The same device may open it again; another device,
/// a revoked link or one past the visit's end is refused (<c>guest_link_used</c>, <c>guest_link_revoked</c>,
/// <c>guest_link_expired</c>). An unknown token is a 404, like any other unknown thing.
/// The guest's role is the inviter's (the answer carries it, and the page shows it): a role the page sends is ignored,
/// not refused. Refusing would stop a guest who can change nothing about it (a page from before the role was fixed,
/// still in the browser's cache) from joining at all, and nothing depends on what the page sent.
/// </summary>
public sealed record RedeemGuestLink(string Token, string DeviceSecret, string Name) : ICommand<GuestSession>
{
    public sealed class Validator : AbstractValidator<RedeemGuestLink>
    {
        public Validator()
        {
            RuleFor(x => x.Token).NotEmpty().MaximumLength(128);
            RuleFor(x => x.DeviceSecret).NotEmpty().MinimumLength(32).MaximumLength(128);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        }
    }

    public sealed class Handler(IAppDbContext db, IGuestCredentials credentials, IAuditLog audit, IVisitRoom room, IAfterCommit afterCommit, TimeProvider clock)
        : ICommandHandler<RedeemGuestLink, GuestSession>
    {
        public async ValueTask<GuestSession> Handle(RedeemGuestLink command, CancellationToken cancellationToken)
        {
            var hash = GuestLinks.Hash(command.Token);
            var guest = await db.VisitGuests.SingleOrDefaultAsync(g => g.TokenHash == hash, cancellationToken)
                ?? throw new NotFoundException("GuestLink");
            var visit = await db.VideoVisits.AsNoTracking().SingleAsync(v => v.Id == guest.VisitId, cancellationToken);
            var now = clock.GetUtcNow();
            var firstTime = guest.RedeemedAt is null;
            guest.Redeem(GuestLinks.Hash(command.DeviceSecret), command.Name.Trim(), visit.IsFinished, now);
            audit.Record(firstTime ? "visit.guest_link_opened" : "visit.guest_link_reopened", "VideoVisit", visit.Id.ToString(), visit.PatientId, $"{guest.Id} {guest.Role}");
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.GuestsChanged, new GuestsChangedEvent(visit.Id), ct));
            return new GuestSession(credentials.Issue(guest.Id, visit.Id, guest.ExpiresAt), guest.ExpiresAt, visit.Id, guest.Id, guest.Name!, guest.Role);
        }
    }
}

/// <param name="Credential">The bearer for the visit hub and chat; kept in the page's memory only.</param>
public sealed record GuestSession(string Credential, DateTimeOffset ExpiresAt, Guid VisitId, Guid GuestId, string Name, GuestRole Role);
