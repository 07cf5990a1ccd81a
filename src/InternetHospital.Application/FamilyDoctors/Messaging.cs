using InternetHospital.Application.Files;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>What sending a message involves, shared by starting a conversation and replying in one.</summary>
public sealed class FamilyMessaging(
    IAppDbContext db,
    IFamilyAccess access,
    IAccountService accounts,
    ILiveUpdates live,
    IAfterCommit afterCommit,
    INotifier notifier)
{
    public const string AttachmentPurpose = "family-message";

    public async Task<FamilyMessage> PostAsync(MessageThread thread, FamilyContract contract, MessageSide side, Guid accountId, Guid? doctorId, string body, IReadOnlyList<Guid> attachmentIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var senderName = side == MessageSide.Team
            ? await db.Doctors.Where(d => d.Id == doctorId).Select(d => d.FullName).SingleAsync(cancellationToken)
            : (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
        var files = await AttachmentsAsync(thread.PatientId, accountId, attachmentIds, cancellationToken);
        var message = thread.Post(contract, side, accountId, senderName, body, files, now);
        db.FamilyMessages.Add(message);

        var patientAccounts = await access.PatientAccountsAsync(thread.PatientId, cancellationToken);
        var teamAccounts = await access.TeamAccountsAsync(thread.TeamId, cancellationToken);
        var payload = new FamilyMessageEvent(thread.Id, thread.PatientId, message.Id, side.ToString(), now);
        afterCommit.PushAfterCommit(live, patientAccounts.Concat(teamAccounts), FamilyLiveEvents.Message, payload);

        // Note: the e-mail says only that there is a message (no text, no names of conditions); the link leads to it.
        var (recipients, link) = side == MessageSide.Patient
            ? (teamAccounts, $"/team-messages/{thread.Id}")
            : (patientAccounts, $"/messages/{thread.Id}");
        await notifier.NotifyAllAsync(recipients.Where(a => a != accountId), FamilyNotifications.NewMessage, link, cancellationToken);
        return message;
    }

    /// <summary>
    /// Files attached to a message must have been uploaded by the sender for this patient's conversations and not be
    /// attached elsewhere already (an id alone gives nobody a file).
    /// </summary>
    private async Task<IReadOnlyList<AttachmentInfo>> AttachmentsAsync(Guid patientId, Guid accountId, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var distinct = ids.Distinct().ToList();
        var files = await db.Files.AsNoTracking()
            .Where(f => distinct.Contains(f.Id) && f.UploadedByAccountId == accountId && f.PatientId == patientId && f.Purpose == AttachmentPurpose)
            .ToListAsync(cancellationToken);
        var used = await db.FamilyMessageAttachments.AnyAsync(a => distinct.Contains(a.FileId), cancellationToken);
        if (files.Count != distinct.Count || used)
        {
            throw new FluentValidation.ValidationException([Common.Validation.ValidationMessages.Failure("attachmentIds", "attachment_not_in_conversation")]);
        }

        return distinct.Select(id => files.Single(f => f.Id == id)).Select(f => new AttachmentInfo(f.Id, f.FileName, f.ContentType, f.Size)).ToList();
    }
}

/// <summary>The file of an attachment, for someone who may read the conversation.</summary>
internal static class FamilyAttachments
{
    public static async Task<FileDownload> OpenAsync(IAppDbContext db, IFileStore files, ThreadAccess access, Guid fileId, CancellationToken cancellationToken)
    {
        var attached = await (from a in db.FamilyMessageAttachments
                              join m in db.FamilyMessages on a.MessageId equals m.Id
                              where a.FileId == fileId && m.ThreadId == access.Thread.Id
                              select a).AnyAsync(cancellationToken);
        var download = await files.OpenAsync(fileId, cancellationToken);
        var ownPending = download is not null && download.UploadedByAccountId == access.AccountId && download.PatientId == access.Thread.PatientId && download.Purpose == FamilyMessaging.AttachmentPurpose;
        if (download is null || !(attached || ownPending))
        {
            throw new NotFoundException("File", fileId);
        }

        return download;
    }
}
