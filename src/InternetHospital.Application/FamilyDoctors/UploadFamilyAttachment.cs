using InternetHospital.Application.Files;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// Uploads a file for a message in a conversation that is open (photos and PDF only, checked by their bytes). The
/// file is the sender's until a message carries it.
/// </summary>
public sealed record UploadFamilyAttachment(Guid ThreadId, string FileName, Stream Content, long Length) : ICommand<StoredFileInfo>
{
    public override string ToString() => $"{nameof(UploadFamilyAttachment)} {{ ThreadId = {ThreadId}, Length = {Length} }}";

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IFileStore files, IAuditLog audit, TimeProvider clock) : ICommandHandler<UploadFamilyAttachment, StoredFileInfo>
    {
        public async ValueTask<StoredFileInfo> Handle(UploadFamilyAttachment command, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(command.ThreadId, cancellationToken);
            var contract = await db.FamilyContracts.AsNoTracking().SingleAsync(c => c.Id == you.Thread.ContractId, cancellationToken);
            if (!you.Thread.IsOpenUnder(contract, clock.GetUtcNow()))
            {
                throw new DomainRuleException("conversation_closed", "Messages can only be sent while the family-doctor contract is in force.");
            }

            var stored = await files.SaveAsync(new FileUpload(you.Thread.PatientId, FamilyMessaging.AttachmentPurpose, command.FileName, command.Content, command.Length), cancellationToken);
            audit.Record("family.attachment.uploaded", "StoredFile", stored.Id.ToString(), you.Thread.PatientId);
            return stored;
        }
    }
}
