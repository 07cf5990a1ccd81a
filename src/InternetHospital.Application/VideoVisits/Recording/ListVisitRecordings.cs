using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// A visit's recordings and how its recording went (recorded, or not and why), for those who may play them
/// (<see cref="RecordingAccess"/>). Audit-logged: the list names whose media exists.
/// </summary>
public sealed record ListVisitRecordings(Guid VisitId) : IQuery<VisitRecordingsDto>
{
    public sealed class Handler(IAppDbContext db, RecordingAccess access, IAuditLog audit) : IQueryHandler<ListVisitRecordings, VisitRecordingsDto>
    {
        public async ValueTask<VisitRecordingsDto> Handle(ListVisitRecordings query, CancellationToken cancellationToken)
        {
            var (visit, asWho) = await access.EnsureMayPlayAsync(query.VisitId, cancellationToken);
            var recordings = await db.VisitRecordings.AsNoTracking()
                .Where(r => r.VisitId == visit.Id)
                .OrderBy(r => r.RecordedAt).ThenBy(r => r.Participant)
                .Select(r => new VisitRecordingDto(r.Id, r.Role, r.RecordedAt, r.DurationSeconds, r.ContentType, r.Size))
                .ToListAsync(cancellationToken);
            var pending = await db.RecordingJobs.AnyAsync(j => j.VisitId == visit.Id && j.CompletedAt == null, cancellationToken);
            audit.Record("visit.recordings.listed", "VideoVisit", visit.Id.ToString(), visit.PatientId, asWho);
            return new VisitRecordingsDto(RecordingStatusDto.From(visit, null), pending, recordings);
        }
    }
}

/// <param name="Processing">Recorded, and the playable files are still being made.</param>
public sealed record VisitRecordingsDto(RecordingStatusDto Status, bool Processing, IReadOnlyList<VisitRecordingDto> Recordings);

public sealed record VisitRecordingDto(Guid Id, VisitRole? Role, DateTimeOffset RecordedAt, double DurationSeconds, string ContentType, long Size);
