using System.Globalization;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Payments;

/// <summary>Notification kinds of payments: the payer hears of every money movement.</summary>
public static class PaymentNotifications
{
    public const string Received = "payment.received";
    public const string Failed = "payment.failed";
    public const string Refunded = "payment.refunded";
}

/// <summary>Tells the payer about each outcome: a receipt, a declined payment, a refund.</summary>
public sealed class PaymentReceipts(IAppDbContext db, INotifier notifier, IEnumerable<PaymentLink> links)
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
        await notifier.NotifyAsync(
            new Notice(
                payment.PayerAccountId,
                kind,
                new Dictionary<string, string>
                {
                    ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
                    ["currency"] = payment.Currency,
                    ["description"] = payment.Description,
                    ["paymentId"] = payment.Id.ToString(),
                },
                links.FirstOrDefault(l => l.Purpose == payment.Purpose)?.PathFor(payment.ReferenceId) ?? "/notifications",
                sendEmail),
            cancellationToken);
    }
}

internal sealed class PaymentReceivedTemplate : INotificationTemplate
{
    public string Kind => PaymentNotifications.Received;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText($"Payment received: {p["amount"]} {p["currency"]}", $"Dear {context.RecipientName},\n\nwe received your payment of {p["amount"]} {p["currency"]} for: {p["description"]}.\nPayment reference: {p["paymentId"]}")
            : new EmailText($"支付成功：{p["amount"]} {p["currency"]}", $"{context.RecipientName}，您好：\n\n您已成功支付 {p["amount"]} {p["currency"]}，用途：{p["description"]}。\n支付编号：{p["paymentId"]}");
}

internal sealed class PaymentFailedTemplate : INotificationTemplate
{
    public string Kind => PaymentNotifications.Failed;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText("Your payment did not go through", $"Dear {context.RecipientName},\n\nyour payment of {p["amount"]} {p["currency"]} for {p["description"]} was declined. You can try again in the portal.")
            : new EmailText("支付未成功", $"{context.RecipientName}，您好：\n\n您为“{p["description"]}”支付的 {p["amount"]} {p["currency"]} 未成功，您可以在互联网医院中重新支付。");
}

internal sealed class PaymentRefundedTemplate : INotificationTemplate
{
    public string Kind => PaymentNotifications.Refunded;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText($"Refund: {p["amount"]} {p["currency"]}", $"Dear {context.RecipientName},\n\nwe have refunded {p["amount"]} {p["currency"]} for: {p["description"]}. Depending on your bank it can take a few days to appear.\nPayment reference: {p["paymentId"]}")
            : new EmailText($"退款通知：{p["amount"]} {p["currency"]}", $"{context.RecipientName}，您好：\n\n“{p["description"]}”的 {p["amount"]} {p["currency"]} 已退款，到账时间以银行为准。\n支付编号：{p["paymentId"]}");
}
