using InternetHospital.Application.Files;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Chat;

/// <summary>
/// A participant writes in the visit's chat, optionally sharing a photo or a PDF (a rash, a lab report). The file store
/// checks what the file really is and its size (images and PDF, 10 MB); the message and the file are kept with the
/// visit and pushed to the room.
/// </summary>
public sealed record SendVisitMessage(Guid VisitId, string? Text, FileUpload? File) : ICommand<VisitMessageDto>
{
    public const string FilePurpose = "visit-chat";

    public sealed class Validator : AbstractValidator<SendVisitMessage>
    {
        public Validator()
        {
            RuleFor(x => x.Text).MaximumLength(VisitMessage.MaxTextLength);
            RuleFor(x => x.Text).NotEmpty().When(x => x.File is null).WithLocalizedMessage("message_empty");
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IFileStore files,
        IAccountService accounts,
        IAuditLog audit,
        IVisitRoom room,
        IAfterCommit afterCommit,
        TimeProvider clock) : ICommandHandler<SendVisitMessage, VisitMessageDto>
    {
        public async ValueTask<VisitMessageDto> Handle(SendVisitMessage command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            VisitAccess.EnsureVisitRecord(visit);
            visit.EnsureNotFinished();
            var accountId = currentUser.RequireAccountId();

            // Note: guests talk in the chat but share no files: a file becomes part of the patient's record.
            if (role == VisitRole.Guest && command.File is not null)
            {
                throw new ForbiddenAccessException(ProblemCodes.Forbidden, "Guests cannot share files.");
            }

            StoredFileInfo? file = null;
            if (command.File is not null)
            {
                file = await files.SaveAsync(command.File with { PatientId = visit.PatientId, Purpose = FilePurpose }, cancellationToken);
            }

            var now = clock.GetUtcNow();
            var message = VisitMessage.Create(visit.Id, accountId, role, command.Text, file?.Id, now);
            db.VisitMessages.Add(message);
            visit.RecordMessage(accountId, message.Id, file is not null, now);
            audit.Record(file is null ? "visit.message_sent" : "visit.file_shared", "VideoVisit", visit.Id.ToString(), visit.PatientId, message.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);

            var sender = await VisitAccess.NameOfAsync(db, accounts, accountId, cancellationToken);
            var dto = VisitMessageDto.From(message, sender, file is null ? null : new VisitFileDto(file.Id, file.FileName, file.ContentType, file.Size));
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.Chat, dto, ct));
            return dto;
        }
    }
}

public sealed record VisitMessageDto(Guid Id, Guid VisitId, Guid SenderAccountId, string SenderName, VisitRole SenderRole, string? Text, VisitFileDto? File, DateTimeOffset SentAt)
{
    public static VisitMessageDto From(VisitMessage message, string senderName, VisitFileDto? file) =>
        new(message.Id, message.VisitId, message.SenderAccountId, senderName, message.SenderRole, message.Text, file, message.SentAt);
}

public sealed record VisitFileDto(Guid Id, string FileName, string ContentType, long Size);
