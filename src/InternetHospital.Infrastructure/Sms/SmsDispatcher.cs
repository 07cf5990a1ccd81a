using System.Text.Json;
using InternetHospital.Application.Sms;
using InternetHospital.Domain.Notifications;
using InternetHospital.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Sms;

/// <summary>
/// Sends the SMS outbox through <see cref="OutboxDispatcher{TMessage}"/>, like the e-mail one: due messages (reminders
/// deferred past quiet hours are not due yet) are claimed so that several instances send each message once; a failure is
/// retried with backoff, and after <c>Sms:MaxAttempts</c> the message stays as a dead letter (status Failed, with its
/// last error) instead of being lost.
/// </summary>
internal sealed partial class SmsDispatcher(
    IServiceScopeFactory scopes,
    ISmsSender sender,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<SmsDispatcher> logger) : OutboxDispatcher<SmsMessage>(scopes, clock, logger)
{
    private static readonly Dictionary<string, SmsTemplate> Templates = SmsTemplates.All.ToDictionary(t => t.Key, StringComparer.Ordinal);

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override int MaxAttempts => options.Value.MaxAttempts;

    protected override async Task DeliverAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var template = Templates.GetValueOrDefault(message.TemplateKey)
            ?? throw new SmsProviderException($"Unknown SMS template '{message.TemplateKey}'.");
        var payload = JsonSerializer.Deserialize<SmsPayload>(message.ParametersJson)!;
        await sender.SendAsync(new SmsSend(message.Id, message.To, template, payload.Values, payload.Language), cancellationToken);
    }

    protected override void OnAttemptFailed(SmsMessage message, Exception exception)
    {
        if (message.Status == OutboxStatus.Failed)
        {
            LogDeadLetter(logger, message.Id, message.Attempts, exception.Message);
        }
        else
        {
            LogSendFailed(logger, message.Id, message.Attempts, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending SMS {SmsId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, Guid smsId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS {SmsId} given up after {Attempt} attempts (dead letter): {Error}")]
    private static partial void LogDeadLetter(ILogger logger, Guid smsId, int attempt, string error);
}
