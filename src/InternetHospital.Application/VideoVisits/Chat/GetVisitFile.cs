using InternetHospital.Application.Files;

namespace InternetHospital.Application.VideoVisits.Chat;

/// <summary>
/// A file shared in a visit's chat, for the visit's participants only: the file must belong to a message of this visit
/// (knowing a file id from elsewhere gets nothing) and the caller must be in the visit.
/// </summary>
public sealed record GetVisitFile(Guid VisitId, Guid FileId) : IQuery<FileDownload>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, IFileStore files, IAuditLog audit) : IQueryHandler<GetVisitFile, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(GetVisitFile query, CancellationToken cancellationToken)
        {
            var (visit, _) = await access.LoadAsync(query.VisitId, cancellationToken);
            VisitAccess.EnsureVisitRecord(visit);
            var shared = await db.VisitMessages.AnyAsync(m => m.VisitId == visit.Id && m.FileId == query.FileId, cancellationToken);
            var download = (shared ? await files.OpenAsync(query.FileId, cancellationToken) : null)
                ?? throw new NotFoundException("File", query.FileId);

            audit.Record("visit.file_read", "VideoVisit", visit.Id.ToString(), visit.PatientId, query.FileId.ToString());
            return download;
        }
    }
}
