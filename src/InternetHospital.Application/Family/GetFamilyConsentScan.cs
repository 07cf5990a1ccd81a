using InternetHospital.Application.Files;

namespace InternetHospital.Application.Family;

/// <summary>(Staff) the scanned consent form of a request, to check it before approving; reading it is audit-logged.</summary>
public sealed record GetFamilyConsentScan(Guid InvitationId) : IQuery<FileDownload>
{
    public sealed class Handler(IAppDbContext db, IFileStore files, IAuditLog audit) : IQueryHandler<GetFamilyConsentScan, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(GetFamilyConsentScan query, CancellationToken cancellationToken)
        {
            var invitation = await db.FamilyInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.InvitationId, cancellationToken)
                ?? throw new NotFoundException("Invitation", query.InvitationId);
            var download = (invitation.ConsentFileId is { } fileId ? await files.OpenAsync(fileId, cancellationToken) : null)
                ?? throw new NotFoundException("Scan");
            audit.Record("family.paper_consent_read", "StoredFile", download.File.Id.ToString(), invitation.PatientId);
            return download;
        }
    }
}
