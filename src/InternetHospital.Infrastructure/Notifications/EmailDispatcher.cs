using InternetHospital.Application.Common.Telemetry;
using InternetHospital.Domain.Notifications;
using InternetHospital.Infrastructure.Hosting;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InternetHospital.Infrastructure.Notifications;

/// <summary>
/// Sends the e-mail outbox. Safe with several API instances: a message is claimed by moving its next-attempt
/// time forward in a conditional update, which only one instance can win.
/// </summary>
internal sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : PeriodicWorker(clock, logger)
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken) => await SendDueAsync(cancellationToken) > 0;

    /// <summary>Sends up to one batch of due messages; returns how many were attempted.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow();
        var due = await db.EmailOutbox
            .Where(e => e.Status == EmailStatus.Pending && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => new { e.Id, e.NextAttemptAt })
            .Take(20)
            .ToListAsync(cancellationToken);

        var attempted = 0;
        foreach (var candidate in due)
        {
            var claimedUntil = now + ClaimLease;
            var claimed = await db.EmailOutbox
                .Where(e => e.Id == candidate.Id && e.Status == EmailStatus.Pending && e.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            attempted++;
            // Note: a span per delivery, tagged with the outbox only (never the address or subject).
            using var activity = AppTelemetry.Source.StartActivity("EmailOutbox.Deliver");
            var message = await db.EmailOutbox.Include(e => e.Attachments).SingleAsync(e => e.Id == candidate.Id, cancellationToken);
            try
            {
                await transport.SendAsync(ToMime(message), cancellationToken);
                message.MarkSent(Clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, message.Attempts)));
                message.MarkAttemptFailed(exception.Message, Clock.GetUtcNow() + backoff, options.Value.MaxAttempts);
                LogSendFailed(logger, message.Id, message.Attempts, exception.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return attempted;
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id:N}@internethospital";
        var body = new BodyBuilder { TextBody = message.TextBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail {EmailId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, Guid emailId, int attempt, string error);
}
