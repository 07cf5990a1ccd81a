using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Notifications;

/// <summary>
/// A text message waiting to be sent (an outbox row), like <see cref="EmailMessage"/>: saved in the same transaction as
/// the change it tells about and sent by a background dispatcher with retries. It holds an approved template's key and
/// its parameters (names, times, codes), never free text: the provider renders the text it approved.
/// </summary>
public sealed class SmsMessage : OutboxMessage
{
    private SmsMessage()
    {
        TemplateKey = ParametersJson = string.Empty;
    }

    public string TemplateKey { get; private set; }
    public string ParametersJson { get; private set; }

    public static SmsMessage Create(string to, string templateKey, string parametersJson, DateTimeOffset now, DateTimeOffset notBefore) => new()
    {
        Id = NewId.Next(),
        To = to,
        TemplateKey = templateKey,
        ParametersJson = parametersJson,
        CreatedAt = now,
        NextAttemptAt = notBefore < now ? now : notBefore,
    };
}
