using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Guests;

/// <summary>
/// The visit's guests and where each stands: the doctor's waiting list shows those who opened their link (name and role)
/// next to the patient. For the visit's doctor, invited specialists and the patient; not for guests.
/// </summary>
public sealed record ListVisitGuests(Guid VisitId) : IQuery<IReadOnlyList<VisitGuestDto>>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, IAccountService accounts, TimeProvider clock)
        : IQueryHandler<ListVisitGuests, IReadOnlyList<VisitGuestDto>>
    {
        public async ValueTask<IReadOnlyList<VisitGuestDto>> Handle(ListVisitGuests query, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(query.VisitId, cancellationToken);
            if (role == VisitRole.Guest)
            {
                throw new NotFoundException("Visit", query.VisitId);
            }

            var visitId = visit.Id;
            var guests = await db.VisitGuests.AsNoTracking().Where(g => g.VisitId == visitId).OrderBy(g => g.InvitedAt).ToListAsync(cancellationToken);
            var guestIds = guests.Select(g => g.Id).ToList();
            var inCall = await db.VisitConnections.AsNoTracking()
                .Where(c => c.VisitId == visitId && guestIds.Contains(c.AccountId) && c.InCallSince != null && c.ClosedAt == null)
                .Select(c => c.AccountId)
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var result = new List<VisitGuestDto>();
            foreach (var guest in guests)
            {
                var inviter = (await accounts.FindAsync(guest.InvitedByAccountId, cancellationToken))?.FullName ?? string.Empty;
                result.Add(new VisitGuestDto(
                    guest.Id, guest.Role, guest.Name, guest.Email, inviter, guest.InvitedAt, guest.ExpiresAt,
                    GuestViews.StateOf(guest, visit.IsFinished, now), guest.RedeemedAt, guest.AdmittedAt, inCall.Contains(guest.Id)));
            }

            return result;
        }
    }
}
