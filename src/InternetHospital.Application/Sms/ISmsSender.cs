namespace InternetHospital.Application.Sms;

/// <summary>
/// The port to an SMS provider (Alibaba Cloud, Tencent Cloud, or the development sink). Only the outbox dispatcher calls
/// it: features enqueue with <see cref="ISmsOutbox"/>. Throwing means "not sent, try again later".
/// </summary>
public interface ISmsSender
{
    Task SendAsync(SmsSend message, CancellationToken cancellationToken);
}

/// <param name="To">The mobile number.</param>
/// <param name="Template">The approved template.</param>
/// <param name="Parameters">Its values, by parameter name.</param>
/// <param name="Language">The reader's language (a provider may have the template in English too).</param>
public sealed record SmsSend(Guid Id, string To, SmsTemplate Template, IReadOnlyDictionary<string, string> Parameters, string Language);
