using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Notifications;

/// <summary>
/// An e-mail waiting to be sent (an outbox row): saved in the same transaction as the change it tells about,
/// and sent by a background dispatcher with retries, so a mail server that is down loses nothing.
/// </summary>
public sealed class EmailMessage : OutboxMessage
{
    private readonly List<EmailAttachment> attachments = [];

    private EmailMessage()
    {
        Subject = TextBody = string.Empty;
    }

    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public IReadOnlyList<EmailAttachment> Attachments => attachments;

    public static EmailMessage Create(string to, string subject, string textBody, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        To = to,
        Subject = subject,
        TextBody = textBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Attach(string fileName, string contentType, byte[] content) =>
        attachments.Add(new EmailAttachment(NewId.Next(), fileName, contentType, content));
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
