using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Notifications;

/// <summary>
/// A text message waiting to be sent (an outbox row), like <see cref="EmailMessage"/>: saved in the same transaction as
/// the change it tells about and sent by a background dispatcher with retries. It holds an approved template's key and
/// its parameters (names, times, codes), never free text: the provider renders the text it approved.
/// </summary>
public sealed class SmsMessage
{
    private SmsMessage()
    {
        To = TemplateKey = ParametersJson = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The mobile number as the person gave it (11 digits in mainland China, or +country...).</summary>
    public string To { get; private set; }

    public string TemplateKey { get; private set; }
    public string ParametersJson { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public EmailStatus Status { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Not before this instant: now, or the end of the person's quiet hours for a reminder.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static SmsMessage Create(string to, string templateKey, string parametersJson, DateTimeOffset now, DateTimeOffset notBefore) => new()
    {
        Id = NewId.Next(),
        To = to,
        TemplateKey = templateKey,
        ParametersJson = parametersJson,
        CreatedAt = now,
        Status = EmailStatus.Pending,
        NextAttemptAt = notBefore < now ? now : notBefore,
    };

    public void MarkSent(DateTimeOffset now)
    {
        Status = EmailStatus.Sent;
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Records a failed attempt; after <paramref name="maxAttempts"/> the message is a dead letter (<see cref="EmailStatus.Failed"/>).</summary>
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
