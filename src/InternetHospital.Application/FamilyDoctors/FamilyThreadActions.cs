using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Application.Files;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A conversation with its messages, for the patient or a member of its team. Reading it is audit-logged.</summary>
public sealed record GetFamilyThread(Guid ThreadId) : IQuery<ThreadDetail>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : IQueryHandler<GetFamilyThread, ThreadDetail>
    {
        public async ValueTask<ThreadDetail> Handle(GetFamilyThread query, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(query.ThreadId, cancellationToken);
            var thread = you.Thread;
            var messages = await db.FamilyMessages.AsNoTracking().Include(m => m.Attachments)
                .Where(m => m.ThreadId == thread.Id)
                .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
                .ToListAsync(cancellationToken);
            var contract = await db.FamilyContracts.AsNoTracking().SingleAsync(c => c.Id == thread.ContractId, cancellationToken);
            var team = await db.FamilyTeams.AsNoTracking().SingleAsync(t => t.Id == thread.TeamId, cancellationToken);
            var patientName = await db.Patients.Where(p => p.Id == thread.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);
            audit.Record("family.thread.read", nameof(MessageThread), thread.Id.ToString(), thread.PatientId);
            return new ThreadDetail(
                thread.Id,
                thread.PatientId,
                patientName,
                new TeamRef(team.Id, team.Name, team.NameEn),
                thread.Subject,
                you.Side,
                thread.IsOpenUnder(contract, clock.GetUtcNow()),
                messages.Select(m => MessageView.From(m, you.AccountId)).ToList());
        }
    }
}

/// <summary>A reply in a conversation, with up to five attachments uploaded beforehand.</summary>
public sealed record SendFamilyMessage(Guid ThreadId, string? Body, IReadOnlyList<Guid>? AttachmentIds) : ICommand<MessageView>
{
    public sealed class Validator : AbstractValidator<SendFamilyMessage>
    {
        public Validator()
        {
            RuleFor(x => x.Body).MaximumLength(FamilyMessage.MaxBodyLength);
            RuleFor(x => x.Body).NotEmpty().When(x => x.AttachmentIds is null || x.AttachmentIds.Count == 0).WithLocalizedMessage("message_empty");
            RuleFor(x => x.AttachmentIds!.Count).LessThanOrEqualTo(FamilyMessage.MaxAttachments).When(x => x.AttachmentIds is not null).OverridePropertyName("attachmentIds");
        }
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, FamilyMessaging messaging, IAuditLog audit, TimeProvider clock) : ICommandHandler<SendFamilyMessage, MessageView>
    {
        public async ValueTask<MessageView> Handle(SendFamilyMessage command, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(command.ThreadId, cancellationToken);
            var contract = await db.FamilyContracts.SingleAsync(c => c.Id == you.Thread.ContractId, cancellationToken);
            var now = clock.GetUtcNow();
            var message = await messaging.PostAsync(you.Thread, contract, you.Side, you.AccountId, you.DoctorId, command.Body ?? string.Empty, command.AttachmentIds ?? [], now, cancellationToken);
            audit.Record("family.message.sent", nameof(FamilyMessage), message.Id.ToString(), you.Thread.PatientId);
            return MessageView.From(message, you.AccountId);
        }
    }
}

/// <summary>The caller's side has read the conversation: messages from the other side get their read receipt.</summary>
public sealed record MarkFamilyThreadRead(Guid ThreadId) : ICommand<int>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, ILiveUpdates live, IAfterCommit afterCommit, TimeProvider clock) : ICommandHandler<MarkFamilyThreadRead, int>
    {
        public async ValueTask<int> Handle(MarkFamilyThreadRead command, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(command.ThreadId, cancellationToken);
            var now = clock.GetUtcNow();
            var unread = await db.FamilyMessages.Where(m => m.ThreadId == you.Thread.Id && m.Side != you.Side && m.ReadAt == null).ToListAsync(cancellationToken);
            var marked = unread.Count(m => m.MarkReadBy(you.Side, you.AccountId, now));
            if (marked > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                var everyone = (await access.PatientAccountsAsync(you.Thread.PatientId, cancellationToken)).Concat(await access.TeamAccountsAsync(you.Thread.TeamId, cancellationToken));
                afterCommit.PushAfterCommit(live, everyone, FamilyLiveEvents.MessagesRead, new FamilyMessagesReadEvent(you.Thread.Id, you.Thread.PatientId, now));
            }

            return marked;
        }
    }
}

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
