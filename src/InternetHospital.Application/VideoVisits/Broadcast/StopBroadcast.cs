using InternetHospital.Domain.VideoVisits;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>The treating doctor ends the visit's broadcast: viewers are dropped and their tokens taken back after the save.</summary>
public sealed record StopBroadcast(Guid VisitId) : ICommand<BroadcastDto>
{
    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        IBroadcastServer server,
        IAfterCommit afterCommit,
        IAuditLog audit,
        TimeProvider clock,
        ILogger<StopBroadcast> logger) : ICommandHandler<StopBroadcast, BroadcastDto>
    {
        public async ValueTask<BroadcastDto> Handle(StopBroadcast command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            if (role != VisitRole.Doctor)
            {
                throw new ForbiddenAccessException("not_treating_doctor", "Only the visit's doctor may stop its broadcast.");
            }

            Broadcasts.RequireServer(server);
            var broadcast = await db.VisitBroadcasts.Include(b => b.Viewers)
                .Where(b => b.VisitId == visit.Id && b.EndedAt == null)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainConflictException("broadcast_ended", "This visit is not being broadcast.");
            var now = clock.GetUtcNow();
            broadcast.End(now);
            Broadcasts.StopAfterCommit(db, server, afterCommit, logger, broadcast, now);
            audit.Record("visit.broadcast_stopped", "VideoVisit", visit.Id.ToString(), visit.PatientId, $"broadcast {broadcast.Id}, {broadcast.Viewers.Select(v => v.AccountId).Distinct().Count()} viewers");
            return BroadcastDto.From(broadcast);
        }
    }
}
