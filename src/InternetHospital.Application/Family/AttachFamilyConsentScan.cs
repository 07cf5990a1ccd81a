using InternetHospital.Application.Files;

namespace InternetHospital.Application.Family;

/// <summary>
/// (Staff) the scan of the paper consent the person signed, attached to their pending request. It is stored with the
/// person's record; a second scan replaces the first (a blurred page is scanned again). Approving uses this scan.
/// </summary>
public sealed record AttachFamilyConsentScan(Guid InvitationId, string FileName, Stream Content, long Length) : ICommand<StoredFileInfo>
{
    public override string ToString() => nameof(AttachFamilyConsentScan);

    public sealed class Handler(IAppDbContext db, FamilyContext family, IFileStore files, IAuditLog audit) : ICommandHandler<AttachFamilyConsentScan, StoredFileInfo>
    {
        public async ValueTask<StoredFileInfo> Handle(AttachFamilyConsentScan command, CancellationToken cancellationToken)
        {
            var invitation = await db.FamilyInvitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken)
                ?? throw new NotFoundException("Invitation", command.InvitationId);
            var stored = await files.SaveAsync(new FileUpload(invitation.PatientId, FamilyConsentScans.Purpose, command.FileName, command.Content, command.Length), cancellationToken);
            invitation.AttachConsentScan(stored.Id, family.Now);
            audit.Record("family.paper_consent_scanned", "FamilyInvitation", invitation.Id.ToString(), invitation.PatientId, $"file={stored.Id}");
            return stored;
        }
    }
}
