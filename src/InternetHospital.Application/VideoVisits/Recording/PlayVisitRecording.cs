namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// One recording for a player, whole or a byte range (HTTP Range). Every request is audit-logged with who, as what and
/// which bytes (domain rules 13 and 30), so a play and every seek leave a trace. A range outside the file answers 416
/// <c>range_not_satisfiable</c>. The bytes are decrypted as they are sent, chunk by chunk.
/// </summary>
public sealed record PlayVisitRecording(Guid VisitId, Guid RecordingId, long? From, long? To) : IQuery<RecordingRange>
{
    public sealed class Handler(IAppDbContext db, RecordingAccess access, IRecordingVault vault, IAuditLog audit) : IQueryHandler<PlayVisitRecording, RecordingRange>
    {
        public async ValueTask<RecordingRange> Handle(PlayVisitRecording query, CancellationToken cancellationToken)
        {
            var (visit, asWho) = await access.EnsureMayPlayAsync(query.VisitId, cancellationToken);
            var recording = await db.VisitRecordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RecordingId && r.VisitId == visit.Id, cancellationToken)
                ?? throw new NotFoundException("Recording", query.RecordingId);

            // Note: a suffix range (bytes=-N) arrives as To only: the last N bytes.
            long from, to;
            if (query.From is null && query.To is { } suffix)
            {
                from = Math.Max(0, recording.Size - suffix);
                to = recording.Size - 1;
            }
            else
            {
                from = query.From ?? 0;
                to = Math.Min(query.To ?? recording.Size - 1, recording.Size - 1);
            }

            if (from >= recording.Size || from > to)
            {
                throw new RangeNotSatisfiableException(recording.Size);
            }

            audit.Record("visit.recording.played", "VisitRecording", recording.Id.ToString(), visit.PatientId,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{asWho} bytes {from}-{to}"));
            return new RecordingRange(
                recording.ContentType,
                from,
                to,
                recording.Size,
                query.From is not null || query.To is not null,
                (start, end, ct) => vault.ReadAsync(recording, start, end, ct));
        }
    }
}

/// <param name="Partial">The client asked for a range (answer 206), rather than the whole file (200).</param>
/// <param name="Read">Reads plain bytes start..end (inclusive) within the range; the endpoint reads a chunk at a time.</param>
public sealed record RecordingRange(string ContentType, long From, long To, long Total, bool Partial, Func<long, long, CancellationToken, Task<byte[]>> Read);

/// <summary>A range outside the file: HTTP 416 <c>range_not_satisfiable</c>, with the file's length.</summary>
public sealed class RangeNotSatisfiableException(long total) : Exception("The requested range is outside the recording.")
{
    public long Total { get; } = total;
}
