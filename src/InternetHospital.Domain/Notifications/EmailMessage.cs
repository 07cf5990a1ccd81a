using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Notifications;

public enum EmailStatus
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// An e-mail waiting to be sent (an outbox row): saved in the same transaction as the change it tells about,
/// and sent by a background dispatcher with retries, so a mail server that is down loses nothing.
/// </summary>
public sealed class EmailMessage
{
    private readonly List<EmailAttachment> attachments = [];

    private EmailMessage()
    {
        To = Subject = TextBody = string.Empty;
    }

    public Guid Id { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public EmailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public IReadOnlyList<EmailAttachment> Attachments => attachments;

    public static EmailMessage Create(string to, string subject, string textBody, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        To = to,
        Subject = subject,
        TextBody = textBody,
        CreatedAt = now,
        Status = EmailStatus.Pending,
        NextAttemptAt = now,
    };

    public void Attach(string fileName, string contentType, byte[] content) =>
        attachments.Add(new EmailAttachment(NewId.Next(), fileName, contentType, content));

    public void MarkSent(DateTimeOffset now)
    {
        Status = EmailStatus.Sent;
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Records a failed attempt; after <paramref name="maxAttempts"/> the message is given up on.</summary>
    public void MarkAttemptFailed(string error, DateTimeOffset nextAttemptAt, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= maxAttempts)
        {
            Status = EmailStatus.Failed;
        }
        else
        {
            NextAttemptAt = nextAttemptAt;
        }
    }
}

public sealed class EmailAttachment
{
    private EmailAttachment()
    {
        FileName = ContentType = string.Empty;
        Content = [];
    }

    internal EmailAttachment(Guid id, string fileName, string contentType, byte[] content)
    {
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Content { get; private set; }
}
