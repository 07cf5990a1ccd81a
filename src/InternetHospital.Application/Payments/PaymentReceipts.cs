using System.Globalization;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Payments;

/// <summary>Notification kinds of payments: the payer hears of every money movement.</summary>
public static class PaymentNotifications
{
    public const string Received = "payment.received";
    public const string Failed = "payment.failed";
    public const string Refunded = "payment.refunded";

    /// <summary>"张伟 为 张小宝 支付了费用" / "张伟 paid for 张小宝" when a guardian or proxy paid.</summary>
    public static readonly NoticeAction PaidAction = new("支付了费用", "paid");
}

/// <summary>
/// Tells the patient's side about each outcome (a receipt, a declined payment, a refund): everyone acting for the patient
/// in payments, the texts naming the guardian or proxy who paid.
/// </summary>
public sealed class PaymentReceipts(IAppDbContext db, INotifier notifier, IEnumerable<PaymentLink> links, IEnumerable<IPaymentSubject> subjects)
    : INotificationHandler<PaymentSucceeded>, INotificationHandler<PaymentFailed>, INotificationHandler<PaymentRefunded>
{
    public async ValueTask Handle(PaymentSucceeded notification, CancellationToken cancellationToken) =>
        await NotifyAsync(notification.PaymentId, PaymentNotifications.Received, sendEmail: true, cancellationToken);

    public async ValueTask Handle(PaymentFailed notification, CancellationToken cancellationToken) =>
        await NotifyAsync(notification.PaymentId, PaymentNotifications.Failed, sendEmail: false, cancellationToken);

    public async ValueTask Handle(PaymentRefunded notification, CancellationToken cancellationToken) =>
        await NotifyAsync(notification.PaymentId, PaymentNotifications.Refunded, sendEmail: true, cancellationToken);

    private async Task NotifyAsync(Guid paymentId, string kind, bool sendEmail, CancellationToken cancellationToken)
    {
        // Note: the payment is tracked by the unit of work that raised the event; Local sees its pending changes.
        var payment = db.Payments.Local.SingleOrDefault(p => p.Id == paymentId)
            ?? await db.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
        var amount = kind == PaymentNotifications.Refunded ? payment.RefundedAmount : payment.Amount;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = payment.Currency,
            ["paymentId"] = payment.Id.ToString(),
        };

        // Note: named by what it pays for as that is now (an appointment's current time), in the reader's language;
        // the stored description is bilingual and frozen at payment time, so it only stands in for an unknown purpose.
        var subject = subjects.FirstOrDefault(s => s.Purpose == payment.Purpose);
        var described = subject is null ? null : await subject.DescribeAsync(payment.ReferenceId, cancellationToken);
        foreach (var (key, value) in described ?? new Dictionary<string, string> { ["description"] = payment.Description })
        {
            parameters[key] = value;
        }

        await notifier.NotifyPatientAsync(
            new PatientNotice(
                payment.PatientId,
                PatientScope.Payments,
                payment.PayerAccountId,
                kind,
                parameters,
                links.FirstOrDefault(l => l.Purpose == payment.Purpose)?.PathFor(payment.ReferenceId) ?? "/notifications",
                sendEmail,
                Action: kind == PaymentNotifications.Received ? PaymentNotifications.PaidAction : null),
            cancellationToken);
    }
}

/// <summary>How payment texts name the money and what it paid for, wholly in the reader's language.</summary>
internal static class PaymentText
{
    public static string Money(IReadOnlyDictionary<string, string> p, string language) => NoticeFormat.Money(p["amount"], p["currency"], language);

    /// <summary>"王芳医生2026年12月7日 星期一 09:30（北京时间）的视频复诊挂号费" / "the consultation fee for your video follow-up visit with Dr 王芳 on …".</summary>
    public static string For(IReadOnlyDictionary<string, string> p, string language)
    {
        var english = NoticeFormat.IsEnglish(language);
        switch (p.GetValueOrDefault("item"))
        {
            case "appointment":
                var when = NoticeFormat.When(p["start"], p["timeZone"], language);
                var video = p.GetValueOrDefault("visitType") == "Video";
                return english
                    ? $"the consultation fee for your {(video ? "video follow-up visit" : "in-person visit")} with Dr {p["doctor"]} on {when}"
                    : $"{p["doctor"]}医生{when}的{(video ? "视频复诊" : "门诊")}挂号费";
            case "prescription":
                return english ? $"the prescription fee of renewal request {p["reference"]}" : $"续方申请 {p["reference"]} 的处方费";
            default:
                return p.GetValueOrDefault("description") ?? string.Empty;
        }
    }
}

internal sealed class PaymentReceivedTemplate : INotificationTemplate
{
    public string Kind => PaymentNotifications.Received;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText($"Payment received: {PaymentText.Money(p, language)}", $"Dear {context.RecipientName},\n\nwe received your payment of {PaymentText.Money(p, language)} for {PaymentText.For(p, language)}.\nPayment reference: {p["paymentId"]}")
            : new EmailText($"支付成功：{PaymentText.Money(p, language)}", $"{context.RecipientName}，您好：\n\n您已成功支付{PaymentText.For(p, language)} {PaymentText.Money(p, language)}。\n支付编号：{p["paymentId"]}");
}

internal sealed class PaymentFailedTemplate : INotificationTemplate
{
    public string Kind => PaymentNotifications.Failed;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText("Your payment did not go through", $"Dear {context.RecipientName},\n\nyour payment of {PaymentText.Money(p, language)} for {PaymentText.For(p, language)} was declined. You can try again in the portal.")
            : new EmailText("支付未成功", $"{context.RecipientName}，您好：\n\n您支付{PaymentText.For(p, language)} {PaymentText.Money(p, language)} 未成功，您可以在互联网医院中重新支付。");
}

internal sealed class PaymentRefundedTemplate : INotificationTemplate
{
    public string Kind => PaymentNotifications.Refunded;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText($"Refund: {PaymentText.Money(p, language)}", $"Dear {context.RecipientName},\n\nwe have refunded {PaymentText.Money(p, language)}, {PaymentText.For(p, language)}. Depending on your bank it can take a few days to appear.\nPayment reference: {p["paymentId"]}")
            : new EmailText($"退款通知：{PaymentText.Money(p, language)}", $"{context.RecipientName}，您好：\n\n{PaymentText.For(p, language)} {PaymentText.Money(p, language)} 已退款，到账时间以银行为准。\n支付编号：{p["paymentId"]}");
}
