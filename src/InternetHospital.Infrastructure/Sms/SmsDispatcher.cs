using System.Text.Json;
using InternetHospital.Application.Sms;
using InternetHospital.Domain.Notifications;
using InternetHospital.Infrastructure.Hosting;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Sms;

/// <summary>
/// Sends the SMS outbox, like the e-mail one: due messages (reminders deferred past quiet hours are not due yet) are claimed
/// by moving their next-attempt time forward in a conditional update that only one instance can win, so several
/// instances send each message once; a failure is retried with exponential backoff, and after <c>Sms:MaxAttempts</c>
/// the message stays as a dead letter (status Failed, with its last error) instead of being lost.
/// </summary>
internal sealed partial class SmsDispatcher(
    IServiceScopeFactory scopes,
    ISmsSender sender,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<SmsDispatcher> logger) : PeriodicWorker(clock, logger)
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);
    private static readonly Dictionary<string, SmsTemplate> Templates = SmsTemplates.All.ToDictionary(t => t.Key, StringComparer.Ordinal);

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken) => await SendDueAsync(cancellationToken) > 0;

    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow();
        var due = await db.SmsOutbox
            .Where(m => m.Status == EmailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .Take(20)
            .ToListAsync(cancellationToken);

        var attempted = 0;
        foreach (var candidate in due)
        {
            var claimedUntil = now + ClaimLease;
            var claimed = await db.SmsOutbox
                .Where(m => m.Id == candidate.Id && m.Status == EmailStatus.Pending && m.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            attempted++;
            var message = await db.SmsOutbox.SingleAsync(m => m.Id == candidate.Id, cancellationToken);
            try
            {
                var template = Templates.GetValueOrDefault(message.TemplateKey)
                    ?? throw new SmsProviderException($"Unknown SMS template '{message.TemplateKey}'.");
                var payload = JsonSerializer.Deserialize<SmsPayload>(message.ParametersJson)!;
                await sender.SendAsync(new SmsSend(message.Id, message.To, template, payload.Values, payload.Language), cancellationToken);
                message.MarkSent(Clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, message.Attempts)));
                message.MarkAttemptFailed(exception.Message, Clock.GetUtcNow() + backoff, options.Value.MaxAttempts);
                if (message.Status == EmailStatus.Failed)
                {
                    LogDeadLetter(logger, message.Id, message.Attempts, exception.Message);
                }
                else
                {
                    LogSendFailed(logger, message.Id, message.Attempts, exception.Message);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return attempted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending SMS {SmsId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, Guid smsId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS {SmsId} given up after {Attempt} attempts (dead letter): {Error}")]
    private static partial void LogDeadLetter(ILogger logger, Guid smsId, int attempt, string error);
}
