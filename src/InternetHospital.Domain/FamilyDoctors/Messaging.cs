using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.FamilyDoctors;

/// <summary>Which side of the conversation wrote a message: the patient (or someone acting for them) or the team.</summary>
public enum MessageSide
{
    Patient = 1,
    Team = 2,
}

/// <summary>
/// A conversation between a patient and their family-doctor team under one contract. Only while that contract is
/// in force can anyone write in it or start a new one; afterwards it stays readable (domain rules 11 and 12: text
/// records are kept, never deleted inside their retention period).
/// </summary>
public sealed class MessageThread
{
    public const int MaxSubjectLength = 100;

    private MessageThread()
    {
        Subject = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid ContractId { get; private set; }
    public string Subject { get; private set; }
    public MessageSide StartedBy { get; private set; }
    public Guid StartedByAccountId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastMessageAt { get; private set; }

    public static MessageThread Start(FamilyContract contract, string subject, MessageSide side, Guid accountId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        RequireOpen(contract, now);
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new DomainRuleException("subject_required", "A conversation needs a subject.");
        }

        var trimmed = subject.Trim();
        return new MessageThread
        {
            Id = NewId.Next(),
            PatientId = contract.PatientId,
            TeamId = contract.TeamId,
            ContractId = contract.Id,
            Subject = trimmed.Length > MaxSubjectLength ? trimmed[..MaxSubjectLength] : trimmed,
            StartedBy = side,
            StartedByAccountId = accountId,
            StartedAt = now,
            LastMessageAt = now,
        };
    }

    /// <summary>Whether people can still write here: the contract it belongs to is in force.</summary>
    public bool IsOpenUnder(FamilyContract contract, DateTimeOffset now) => contract.Id == ContractId && contract.IsActiveAt(now);

    /// <summary>Writes a message; refused once the contract has ended.</summary>
    public FamilyMessage Post(FamilyContract contract, MessageSide side, Guid senderAccountId, string senderName, string body, IReadOnlyList<AttachmentInfo> attachments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Id != ContractId)
        {
            throw new ArgumentException("The contract is not the one this conversation belongs to.", nameof(contract));
        }

        RequireOpen(contract, now);
        var message = FamilyMessage.Create(this, side, senderAccountId, senderName, body, attachments, now);
        LastMessageAt = now;
        return message;
    }

    private static void RequireOpen(FamilyContract contract, DateTimeOffset now)
    {
        if (!contract.IsActiveAt(now))
        {
            throw new DomainRuleException("conversation_closed", "Messages can only be sent while the family-doctor contract is in force.");
        }
    }
}

/// <summary>A file attached to a message (already checked and stored by the file store).</summary>
public sealed record AttachmentInfo(Guid FileId, string FileName, string ContentType, long Size);

public sealed class FamilyMessage
{
    public const int MaxBodyLength = 2000;
    public const int MaxAttachments = 5;

    private readonly List<MessageAttachment> attachments = [];

    private FamilyMessage()
    {
        SenderName = Body = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ThreadId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid TeamId { get; private set; }
    public MessageSide Side { get; private set; }
    public Guid SenderAccountId { get; private set; }

    /// <summary>The sender's name as it was when they wrote (names change; the record must not).</summary>
    public string SenderName { get; private set; }

    public string Body { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>When the other side first read it (the read receipt).</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public Guid? ReadByAccountId { get; private set; }

    public IReadOnlyList<MessageAttachment> Attachments => attachments;

    internal static FamilyMessage Create(MessageThread thread, MessageSide side, Guid senderAccountId, string senderName, string body, IReadOnlyList<AttachmentInfo> files, DateTimeOffset now)
    {
        var text = body?.Trim() ?? string.Empty;
        if (text.Length == 0 && files.Count == 0)
        {
            throw new DomainRuleException("message_empty", "Write a message or attach a file.");
        }

        if (text.Length > MaxBodyLength)
        {
            throw new DomainRuleException("message_too_long", $"A message has at most {MaxBodyLength} characters.");
        }

        if (files.Count > MaxAttachments)
        {
            throw new DomainRuleException("too_many_attachments", $"A message has at most {MaxAttachments} attachments.");
        }

        var message = new FamilyMessage
        {
            Id = NewId.Next(),
            ThreadId = thread.Id,
            PatientId = thread.PatientId,
            TeamId = thread.TeamId,
            Side = side,
            SenderAccountId = senderAccountId,
            SenderName = senderName,
            Body = text,
            SentAt = now,
        };
        foreach (var file in files)
        {
            message.attachments.Add(new MessageAttachment(NewId.Next(), message.Id, file.FileId, file.FileName, file.ContentType, file.Size));
        }

        return message;
    }

    /// <summary>The reader's side saw it. Returns false when it was already read or when the reader wrote it.</summary>
    public bool MarkReadBy(MessageSide readerSide, Guid readerAccountId, DateTimeOffset now)
    {
        if (ReadAt is not null || readerSide == Side)
        {
            return false;
        }

        ReadAt = now;
        ReadByAccountId = readerAccountId;
        return true;
    }
}

public sealed class MessageAttachment
{
    private MessageAttachment()
    {
        FileName = ContentType = string.Empty;
    }

    internal MessageAttachment(Guid id, Guid messageId, Guid fileId, string fileName, string contentType, long size)
    {
        Id = id;
        MessageId = messageId;
        FileId = fileId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
    }

    public Guid Id { get; private set; }
    public Guid MessageId { get; private set; }
    public Guid FileId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
}
