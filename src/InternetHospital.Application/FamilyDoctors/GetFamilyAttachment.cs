using InternetHospital.Application.Files;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>An attachment of a conversation the caller may read (or their own upload not sent yet).</summary>
public sealed record GetFamilyAttachment(Guid ThreadId, Guid FileId) : IQuery<FileDownload>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IFileStore files, IAuditLog audit) : IQueryHandler<GetFamilyAttachment, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(GetFamilyAttachment query, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(query.ThreadId, cancellationToken);
            var download = await FamilyAttachments.OpenAsync(db, files, you, query.FileId, cancellationToken);
            audit.Record("family.attachment.read", "StoredFile", query.FileId.ToString(), you.Thread.PatientId);
            return download;
        }
    }
}
