namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// The broadcasts live now that staff may watch: who broadcasts, from which department, since when and how many watch.
/// Nothing about the patient (the picture is what the patient consented to; the list is seen by all clinical staff).
/// <see cref="LiveBroadcastDto.Commentator"/> names the doctor talking over the picture when it is not the broadcaster.
/// </summary>
public sealed record ListLiveBroadcasts : IQuery<IReadOnlyList<LiveBroadcastDto>>
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IBroadcastServer server) : IQueryHandler<ListLiveBroadcasts, IReadOnlyList<LiveBroadcastDto>>
    {
        public async ValueTask<IReadOnlyList<LiveBroadcastDto>> Handle(ListLiveBroadcasts query, CancellationToken cancellationToken)
        {
            Broadcasts.RequireViewer(currentUser);
            if (!server.IsAvailable)
            {
                return [];
            }

            var live = await db.VisitBroadcasts.AsNoTracking()
                .Where(b => b.EndedAt == null)
                .OrderByDescending(b => b.StartedAt)
                .Select(b => new
                {
                    b.Id,
                    b.BroadcasterAccountId,
                    b.CommentatorAccountId,
                    b.StartedAt,
                    Watching = b.Viewers.Count(v => v.LeftAt == null),
                })
                .ToListAsync(cancellationToken);
            var doctorIds = live.SelectMany(b => new[] { b.BroadcasterAccountId, b.CommentatorAccountId }).Distinct().ToList();
            var doctors = await db.Doctors.AsNoTracking()
                .Where(d => doctorIds.Contains(d.AccountId))
                .Join(db.Departments, d => d.DepartmentId, p => p.Id, (d, p) => new { d.AccountId, d.FullName, Department = p.Name })
                .ToDictionaryAsync(d => d.AccountId, cancellationToken);
            return live.Select(b => new LiveBroadcastDto(
                    b.Id,
                    doctors.GetValueOrDefault(b.BroadcasterAccountId)?.FullName ?? string.Empty,
                    doctors.GetValueOrDefault(b.BroadcasterAccountId)?.Department ?? string.Empty,
                    b.StartedAt,
                    b.Watching,
                    b.CommentatorAccountId == b.BroadcasterAccountId ? null : doctors.GetValueOrDefault(b.CommentatorAccountId)?.FullName))
                .ToList();
        }
    }
}

/// <param name="Commentator">The doctor whose voice goes out over the picture; null while the broadcaster speaks themselves.</param>
public sealed record LiveBroadcastDto(Guid Id, string Doctor, string Department, DateTimeOffset StartedAt, int Watching, string? Commentator);
