using InternetHospital.Application.Payments;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// Turns an Alipay asynchronous notification (a form post) into a provider-neutral payment event after checking its
/// RSA2 signature and that it is for our app. The event id is the trade and what happened to it (paid, or the refund's
/// request number), so Alipay's retries of one notification, or a replay, apply once.
/// </summary>
public sealed class AlipayNotifications
{
    public const string Provider = AlipayGateway.ProviderName;

    private readonly AlipayGateway gateway;

    internal AlipayNotifications(AlipayGateway gateway) => this.gateway = gateway;

    public RecordProviderEvent? Parse(IReadOnlyDictionary<string, string> form)
    {
        if (!gateway.VerifyNotification(form))
        {
            throw new WebhookRejectedException("The notification's signature is missing or not valid.");
        }

        if (form.GetValueOrDefault("app_id") != gateway.AppId)
        {
            throw new WebhookRejectedException("The notification is for another app.");
        }

        if (form.GetValueOrDefault("out_trade_no") is not { Length: > 0 } outTradeNo || form.GetValueOrDefault("trade_no") is not { Length: > 0 } tradeNo)
        {
            throw new WebhookRejectedException("The notification names no trade.") { Code = "invalid_webhook_body" };
        }

        var status = form.GetValueOrDefault("trade_status");
        var refunded = AlipayGateway.ParseMoney(form.GetValueOrDefault("refund_fee"));
        if (refunded > 0)
        {
            var request = form.GetValueOrDefault("out_biz_no") ?? form.GetValueOrDefault("gmt_refund") ?? string.Empty;
            return new RecordProviderEvent(AlipayGateway.ProviderName, $"alipay:{tradeNo}:refund:{request}", ProviderEventKind.Refunded, outTradeNo, refunded, "Refunded");
        }

        return status is "TRADE_SUCCESS" or "TRADE_FINISHED"
            ? new RecordProviderEvent(AlipayGateway.ProviderName, $"alipay:{tradeNo}:paid", ProviderEventKind.Succeeded, outTradeNo, AlipayGateway.ParseMoney(form.GetValueOrDefault("total_amount")), null)
            : null;
    }
}
