namespace InternetHospital.Application.VideoVisits;

/// <summary>The doctor ends their session of visits (leaving the workstation): the next admit asks who they are again.</summary>
public sealed record EndConsultingSession : ICommand
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock) : ICommandHandler<EndConsultingSession>
    {
        public async ValueTask<Unit> Handle(EndConsultingSession command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            foreach (var session in await db.ConsultingSessions.Where(s => s.AccountId == accountId && s.EndedAt == null).ToListAsync(cancellationToken))
            {
                session.End(now);
                audit.Record("consulting_session.ended", "ConsultingSession", session.Id.ToString(), null);
            }

            return Unit.Value;
        }
    }
}
