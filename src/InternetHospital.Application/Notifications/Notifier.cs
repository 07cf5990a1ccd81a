using System.Text;
using System.Text.Json;
using InternetHospital.Domain.Notifications;

namespace InternetHospital.Application.Notifications;

internal sealed class Notifier(
    IAppDbContext db,
    IAccountService accounts,
    IEnumerable<INotificationTemplate> templates,
    ILiveUpdates live,
    IAfterCommit afterCommit,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock) : INotifier
{
    public const string LiveEvent = "notification";

    public async Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
    {
        var recipient = await accounts.FindAsync(notice.RecipientAccountId, cancellationToken)
            ?? throw new NotFoundException("Account", notice.RecipientAccountId);
        var now = clock.GetUtcNow();
        var parameters = JsonSerializer.Serialize(notice.Parameters);
        var notification = Notification.Create(recipient.Id, notice.Kind, parameters, notice.Link, now);
        db.Notifications.Add(notification);

        if (notice.SendEmail && !string.IsNullOrEmpty(recipient.Email))
        {
            var template = templates.FirstOrDefault(t => t.Kind == notice.Kind)
                ?? throw new InvalidOperationException($"There is no e-mail template for notification kind '{notice.Kind}'.");
            var language = SupportedLanguages.IsSupported(recipient.PreferredLanguage) ? recipient.PreferredLanguage! : hospital.Value.DefaultLanguage;
            var context = new TemplateContext(hospital.Value.NameIn(language), Link(notice.Link), recipient.FullName);
            var text = template.Render(language, notice.Parameters, context);
            var email = EmailMessage.Create(recipient.Email, text.Subject, text.Body + Footer(language, context), now);
            foreach (var attachment in notice.Attachments ?? [])
            {
                email.Attach(attachment.FileName, attachment.ContentType, attachment.Content);
            }

            db.EmailOutbox.Add(email);
        }

        var dto = NotificationDto.From(notification);
        afterCommit.Enqueue(ct => live.SendToAccountAsync(recipient.Id, LiveEvent, dto, ct));
    }

    private string Link(string? path) => hospital.Value.PublicUrl.TrimEnd('/') + (path ?? "/");

    private static string Footer(string language, TemplateContext context)
    {
        var footer = new StringBuilder().AppendLine().AppendLine();
        footer.AppendLine(language == SupportedLanguages.English ? $"Open the portal: {context.PortalUrl}" : $"打开互联网医院：{context.PortalUrl}");
        footer.AppendLine(language == SupportedLanguages.English
            ? $"This message was sent by {context.HospitalName}. Please do not reply to it."
            : $"此邮件由{context.HospitalName}自动发送，请勿回复。");
        return footer.ToString();
    }
}

public sealed record NotificationDto(Guid Id, string Kind, IReadOnlyDictionary<string, string> Parameters, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationDto From(Notification notification) => new(
        notification.Id,
        notification.Kind,
        JsonSerializer.Deserialize<Dictionary<string, string>>(notification.ParametersJson) ?? [],
        notification.Link,
        notification.CreatedAt,
        notification.ReadAt);
}
