using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>The signed-in doctor's current session of visits, if any.</summary>
public sealed record GetConsultingSession : IQuery<ConsultingSessionDto>
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetConsultingSession, ConsultingSessionDto>
    {
        public async ValueTask<ConsultingSessionDto> Handle(GetConsultingSession query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            var session = await db.ConsultingSessions.AsNoTracking()
                .Where(s => s.AccountId == accountId && s.EndedAt == null && s.ExpiresAt > now)
                .OrderByDescending(s => s.StartedAt)
                .FirstOrDefaultAsync(cancellationToken);
            return session is null ? new ConsultingSessionDto(false, null, null, null) : ConsultingSessionDto.From(session, now);
        }
    }
}

public sealed record ConsultingSessionDto(bool Active, DateTimeOffset? StartedAt, DateTimeOffset? ExpiresAt, string? Method)
{
    public static ConsultingSessionDto From(ConsultingSession session, DateTimeOffset now) =>
        new(session.IsActive(now), session.StartedAt, session.ExpiresAt, session.Method);
}
