using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>The visit's latest broadcast and its viewer list, for the broadcasting doctor (null: never broadcast).</summary>
public sealed record GetVisitBroadcast(Guid VisitId) : IQuery<BroadcastDto?>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access) : IQueryHandler<GetVisitBroadcast, BroadcastDto?>
    {
        public async ValueTask<BroadcastDto?> Handle(GetVisitBroadcast query, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(query.VisitId, cancellationToken);
            if (role != VisitRole.Doctor)
            {
                throw new ForbiddenAccessException("not_treating_doctor", "Only the visit's doctor sees who watches its broadcast.");
            }

            var broadcast = await db.VisitBroadcasts.AsNoTracking().Include(b => b.Viewers)
                .Where(b => b.VisitId == visit.Id)
                .OrderByDescending(b => b.StartedAt)
                .FirstOrDefaultAsync(cancellationToken);
            return broadcast is null ? null : BroadcastDto.From(broadcast);
        }
    }
}
