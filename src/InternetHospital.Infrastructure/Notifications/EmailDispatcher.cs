using InternetHospital.Application.Common.Telemetry;
using InternetHospital.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InternetHospital.Infrastructure.Notifications;

/// <summary>Sends the e-mail outbox (claims, retries and dead letters: <see cref="OutboxDispatcher{TMessage}"/>).</summary>
internal sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : OutboxDispatcher<EmailMessage>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override int MaxAttempts => options.Value.MaxAttempts;

    protected override Task<EmailMessage> LoadAsync(IQueryable<EmailMessage> outbox, Guid id, CancellationToken cancellationToken) =>
        outbox.Include(e => e.Attachments).SingleAsync(e => e.Id == id, cancellationToken);

    protected override async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // Note: a span per delivery, tagged with the outbox only (never the address or subject).
        using var activity = AppTelemetry.Source.StartActivity("EmailOutbox.Deliver");
        await transport.SendAsync(ToMime(message), cancellationToken);
    }

    protected override void OnAttemptFailed(EmailMessage message, Exception exception) =>
        LogSendFailed(logger, message.Id, message.Attempts, exception.Message);

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
