using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// Notification kinds of the family-doctor feature. E-mails say that something happened and where to look, never
/// what: no readings, no message text, no reasons (e-mail is not a secure channel).
/// </summary>
public static class FamilyNotifications
{
    public const string ApplicationReceived = "family.application_received";
    public const string ContractAccepted = "family.contract_accepted";
    public const string ContractDeclined = "family.contract_declined";
    public const string ContractEnded = "family.contract_ended";
    public const string RenewalReminder = "family.renewal_reminder";
    public const string RenewalRequested = "family.renewal_requested";
    public const string RenewalAccepted = "family.renewal_accepted";
    public const string RenewalDeclined = "family.renewal_declined";
    public const string NewMessage = "family.new_message";
    public const string ReadingAlert = "family.reading_alert";

    public const string PatientContractLink = "/family-doctor";
    public const string DoctorPanelLink = "/panel";
}

/// <summary>Live events of the feature (SignalR, per account). Payloads carry ids only; the SPA refetches what it shows.</summary>
public static class FamilyLiveEvents
{
    /// <summary>A dangerous home reading raised an alert on the team's panel.</summary>
    public const string Alert = "familyAlert";

    /// <summary>A message arrived in a conversation.</summary>
    public const string Message = "familyMessage";

    /// <summary>The other side read messages (read receipts).</summary>
    public const string MessagesRead = "familyMessagesRead";
}

public sealed record FamilyAlertEvent(Guid AlertId, Guid PatientId, IReadOnlyList<string> Findings, DateTimeOffset RaisedAt);

public sealed record FamilyMessageEvent(Guid ThreadId, Guid PatientId, Guid MessageId, string Side, DateTimeOffset SentAt);

public sealed record FamilyMessagesReadEvent(Guid ThreadId, Guid PatientId, DateTimeOffset ReadAt);

internal static class FamilyPushes
{
    /// <summary>Queues a live push to each account for after the save (a push must never announce what was not saved).</summary>
    public static void PushAfterCommit(this IAfterCommit afterCommit, ILiveUpdates live, IEnumerable<Guid> accounts, string eventName, object payload)
    {
        foreach (var account in accounts.Distinct())
        {
            afterCommit.Enqueue(ct => live.SendToAccountAsync(account, eventName, payload, ct));
        }
    }

    public static async Task NotifyAllAsync(this INotifier notifier, IEnumerable<Guid> accounts, string kind, string link, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? parameters = null)
    {
        foreach (var account in accounts.Distinct())
        {
            await notifier.NotifyAsync(new Notice(account, kind, parameters ?? new Dictionary<string, string>(), link), cancellationToken);
        }
    }
}

/// <summary>One class renders every kind of the feature: the texts are short and share their shape.</summary>
internal abstract class FamilyTemplate(string kind, string subjectZh, string bodyZh, string subjectEn, string bodyEn) : INotificationTemplate
{
    public string Kind => kind;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context)
    {
        var english = language == SupportedLanguages.English;
        var team = parameters.TryGetValue(english ? "teamEn" : "team", out var name) ? name : string.Empty;
        return english
            ? new EmailText(Fill(subjectEn, team, context), $"Dear {context.RecipientName},\n\n{Fill(bodyEn, team, context)}")
            : new EmailText(Fill(subjectZh, team, context), $"{context.RecipientName}，您好：\n\n{Fill(bodyZh, team, context)}");
    }

    private static string Fill(string text, string team, TemplateContext context) =>
        text.Replace("{team}", team, StringComparison.Ordinal).Replace("{hospital}", context.HospitalName, StringComparison.Ordinal);
}

internal sealed class ApplicationReceivedTemplate() : FamilyTemplate(
    FamilyNotifications.ApplicationReceived,
    "新的家庭医生签约申请",
    "有居民申请与您的家庭医生团队签约，请登录工作台查看并处理。",
    "A new family-doctor application",
    "A patient has applied to sign with your family-doctor team. Please open your panel to review the application.");

internal sealed class ContractAcceptedTemplate() : FamilyTemplate(
    FamilyNotifications.ContractAccepted,
    "家庭医生签约成功",
    "{team}已同意您的签约申请，签约自今日起生效，为期一年。您现在可以记录居家监测数据，并与团队在线沟通。",
    "Your family-doctor contract has started",
    "{team} accepted your application. Your contract starts today and runs for one year. You can now record your home readings and message the team.");

internal sealed class ContractDeclinedTemplate() : FamilyTemplate(
    FamilyNotifications.ContractDeclined,
    "家庭医生签约申请未通过",
    "{team}未能接受您的签约申请。请登录查看原因，您也可以选择其他团队。",
    "Your family-doctor application was not accepted",
    "{team} could not accept your application. Sign in to see why; you can apply to another team.");

internal sealed class ContractEndedTemplate() : FamilyTemplate(
    FamilyNotifications.ContractEnded,
    "家庭医生签约已解除",
    "您与{team}的家庭医生签约已解除。以往的消息记录仍可查看。请登录了解详情。",
    "A family-doctor contract has ended",
    "The family-doctor contract with {team} has ended. Past conversations stay readable. Sign in for details.");

internal sealed class RenewalReminderTemplate() : FamilyTemplate(
    FamilyNotifications.RenewalReminder,
    "家庭医生签约即将到期，请及时续约",
    "您与{team}的家庭医生签约将在30天内到期。如需继续享受家庭医生服务，请登录申请续约。",
    "Your family-doctor contract ends soon: renew it",
    "Your contract with {team} ends within 30 days. To keep your family doctor, sign in and ask to renew.");

internal sealed class RenewalRequestedTemplate() : FamilyTemplate(
    FamilyNotifications.RenewalRequested,
    "新的续约申请",
    "一位签约居民申请续约，请登录工作台处理。",
    "A patient asked to renew their contract",
    "A signed patient asked to renew their family-doctor contract. Please open your panel to decide.");

internal sealed class RenewalAcceptedTemplate() : FamilyTemplate(
    FamilyNotifications.RenewalAccepted,
    "家庭医生签约已续约",
    "{team}已同意续约，您的签约延长一年。",
    "Your family-doctor contract is renewed",
    "{team} renewed your contract for another year.");

internal sealed class RenewalDeclinedTemplate() : FamilyTemplate(
    FamilyNotifications.RenewalDeclined,
    "续约申请未通过",
    "{team}未能同意您的续约申请。请登录查看原因。",
    "Your renewal was not accepted",
    "{team} could not renew your contract. Sign in to see why.");

internal sealed class NewMessageTemplate() : FamilyTemplate(
    FamilyNotifications.NewMessage,
    "您有一条新消息",
    "您在{hospital}的家庭医生服务中收到一条新消息。为保护您的隐私，邮件中不显示消息内容，请登录查看。",
    "You have a new message",
    "You have a new message in your family-doctor service at {hospital}. To protect your privacy the message is not shown here: sign in to read it.");

internal sealed class ReadingAlertTemplate() : FamilyTemplate(
    FamilyNotifications.ReadingAlert,
    "签约居民居家监测预警",
    "您团队的一位签约居民记录了一项危险的居家监测数值，请立即登录工作台查看并处理。",
    "Alert: a signed patient recorded a dangerous home reading",
    "A patient of your team recorded a dangerous home reading. Please open your panel now.");
