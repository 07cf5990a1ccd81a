using System.Text;
using System.Text.Json;
using InternetHospital.Domain.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Notifications;

internal sealed class Notifier(
    IAppDbContext db,
    IAccountService accounts,
    IPatientAccessGuard patientAccess,
    IEnumerable<INotificationTemplate> templates,
    IEnumerable<ISmsNotificationTemplate> smsTemplates,
    Sms.ISmsOutbox sms,
    ILiveUpdates live,
    IAfterCommit afterCommit,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock) : INotifier
{
    public const string LiveEvent = "notification";

    public Task NotifyAsync(Notice notice, CancellationToken cancellationToken) => NotifyAsync(notice, null, cancellationToken);

    public async Task NotifyPatientAsync(PatientNotice notice, CancellationToken cancellationToken)
    {
        var recipients = await patientAccess.AccountsActingForAsync(notice.PatientId, notice.Scope, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var patientName = await db.Patients.AsNoTracking().Where(p => p.Id == notice.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);

        // Note: only a guardian or proxy is named as having acted; a doctor or the hospital is not "acting for" the patient.
        string? actorName = null;
        if (notice.ActorAccountId is { } actor
            && await db.PatientAccesses.AnyAsync(a => a.AccountId == actor && a.PatientId == notice.PatientId && a.Relationship != PatientRelationship.Self, cancellationToken))
        {
            actorName = (await accounts.FindAsync(actor, cancellationToken))?.FullName;
        }

        foreach (var recipient in recipients)
        {
            var acting = recipient.IsSelf && actorName is null ? null : new Acting(patientName, actorName, !recipient.IsSelf, notice.Action);
            var parameters = notice.Parameters;
            if (acting is not null)
            {
                var named = new Dictionary<string, string>(notice.Parameters, StringComparer.Ordinal)
                {
                    ["patientId"] = notice.PatientId.ToString(),
                    ["patientName"] = patientName,
                };
                if (actorName is not null)
                {
                    named["actorName"] = actorName;
                }

                parameters = named;
            }

            await NotifyAsync(new Notice(recipient.AccountId, notice.Kind, parameters, notice.Link, notice.SendEmail, notice.Attachments), acting, cancellationToken);
        }
    }

    private async Task NotifyAsync(Notice notice, Acting? acting, CancellationToken cancellationToken)
    {
        var recipient = await accounts.FindAsync(notice.RecipientAccountId, cancellationToken)
            ?? throw new NotFoundException("Account", notice.RecipientAccountId);
        var now = clock.GetUtcNow();
        var parameters = JsonSerializer.Serialize(notice.Parameters);
        var notification = Notification.Create(recipient.Id, notice.Kind, parameters, notice.Link, now);
        db.Notifications.Add(notification);

        var language = SupportedLanguages.IsSupported(recipient.PreferredLanguage) ? recipient.PreferredLanguage! : hospital.Value.DefaultLanguage;
        if (notice.SendEmail && recipient.Channels.Email && !string.IsNullOrEmpty(recipient.Email))
        {
            var template = templates.FirstOrDefault(t => t.Kind == notice.Kind)
                ?? throw new InvalidOperationException($"There is no e-mail template for notification kind '{notice.Kind}'.");
            var context = new TemplateContext(hospital.Value.NameIn(language), Link(notice.Link), recipient.FullName);
            var text = template.Render(language, notice.Parameters, context);
            if (acting is not null)
            {
                text = acting.Apply(text, language);
            }

            var email = EmailMessage.Create(recipient.Email, text.Subject, text.Body + Footer(language, context), now);
            foreach (var attachment in notice.Attachments ?? [])
            {
                email.Attach(attachment.FileName, attachment.ContentType, attachment.Content);
            }

            db.EmailOutbox.Add(email);
        }

        // Note: SMS only for the kinds that have an approved template, only to a number proven with a code, and only when
        // the person keeps SMS on; a reminder waits for the end of their quiet hours (the outbox decides).
        if (recipient.Channels is { Sms: true, MobileVerified: true } && !string.IsNullOrEmpty(recipient.Mobile)
            && smsTemplates.FirstOrDefault(t => t.Kind == notice.Kind) is { } smsTemplate)
        {
            var zone = recipient.Channels.TimeZone is { Length: > 0 } own && TimeZoneInfo.TryFindSystemTimeZoneById(own, out var found) ? found : hospital.Value.TimeZoneInfo;
            var patientName = acting?.PatientName ?? recipient.FullName;
            IReadOnlyDictionary<string, Sms.SmsParameter>? values = null;
            try
            {
                values = smsTemplate.Parameters(notice.Parameters, patientName, zone);
            }
            catch (ArgumentException)
            {
                // Note: a value that is not a plain name or time (a name with digits) is refused by SmsParameter; the
                // notice and e-mail still go, only the SMS is left out rather than failing the change it tells about.
            }

            if (values is not null)
            {
                sms.Enqueue(recipient.Mobile, smsTemplate.Template, values, language, recipient.Channels.TimeZone);
            }
        }

        var dto = NotificationDto.From(notification);
        afterCommit.Enqueue(ct => live.SendToAccountAsync(recipient.Id, LiveEvent, dto, ct));
    }

    /// <summary>
    /// The sentence that says whose matter it is and who acted, above the template's text (one place for every kind):
    /// "张伟 为 张小宝 预约了挂号。" / "张伟 booked an appointment for 张小宝."; the subject names the patient when the
    /// reader is someone else, so a parent with two children sees at once which child it is.
    /// </summary>
    private sealed record Acting(string PatientName, string? ActorName, bool ForSomeoneElse, NoticeAction? Action)
    {
        public EmailText Apply(EmailText text, string language)
        {
            var english = NoticeFormat.IsEnglish(language);
            var line = (ActorName, Action, english) switch
            {
                (not null, not null, false) => $"{ActorName} 为 {PatientName} {Action.Chinese}。",
                (not null, not null, true) => $"{ActorName} {Action.English} for {PatientName}.",
                (not null, null, false) => $"就诊人：{PatientName}（由 {ActorName} 代为办理）",
                (not null, null, true) => $"For {PatientName} (handled by {ActorName}).",
                (null, _, false) => $"就诊人：{PatientName}",
                (null, _, true) => $"For {PatientName}.",
            };
            var subject = !ForSomeoneElse ? text.Subject : english ? $"{PatientName}: {text.Subject}" : $"【{PatientName}】{text.Subject}";
            return new EmailText(subject, line + "\n\n" + text.Body);
        }
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
