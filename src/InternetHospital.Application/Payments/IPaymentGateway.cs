namespace InternetHospital.Application.Payments;

/// <summary>
/// A payment provider (Stripe, or the simulated gateway used in development and tests). Calls carry an
/// idempotency key derived from the payment, so a retried call never charges or refunds twice.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The provider's name as stored on payments (<c>Simulated</c>, <c>Stripe</c>, <c>WeChatPay</c>, <c>Alipay</c>).</summary>
    string Name { get; }

    /// <summary>Whether the patient completes payment with the simulated "pay" step (development and tests only).</summary>
    bool IsSimulated { get; }

    Task<GatewayIntent> CreateIntentAsync(GatewayIntentRequest request, CancellationToken cancellationToken);

    Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken);
}

public sealed record GatewayIntentRequest(Guid PaymentId, decimal Amount, string Currency, string Description, string IdempotencyKey);

/// <param name="ClientSecret">What the browser needs to complete the payment with the provider (Stripe.js), if anything.</param>
public sealed record GatewayIntent(string ProviderReference, string? ClientSecret);

public sealed record GatewayRefundRequest(Guid PaymentId, string ProviderReference, decimal Amount, string Currency, string IdempotencyKey);

/// <param name="Completed">True when the refund is final now; false when the provider confirms it later (a webhook).</param>
public sealed record GatewayRefund(string ProviderReference, bool Completed);

/// <summary>The enabled providers (<c>Payments:Providers</c>); a payment is handled by the one named on it.</summary>
public interface IPaymentGateways
{
    /// <summary>The first enabled provider: where a payment starts until the payer picks another.</summary>
    IPaymentGateway Default { get; }

    IReadOnlyList<IPaymentGateway> All { get; }

    IPaymentGateway? Find(string provider);
}

/// <summary>
/// A provider whose order is placed when the payer picks how to pay (WeChat Pay, Alipay): the channel (a QR code on a
/// desktop, a redirect on a phone browser, JSAPI inside WeChat) decides the kind of order.
/// </summary>
public interface ICheckoutGateway
{
    IReadOnlyList<string> Channels { get; }

    Task<CheckoutAction> CheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Before an order through another channel than the last one: the order number it goes under. WeChat Pay refuses an
    /// order number again with other parameters, so its gateway closes the earlier order (it can no longer be paid, so no
    /// callback can come for the old number) and answers a new number for <paramref name="attempt"/>; a provider that
    /// takes the same number again answers <paramref name="current"/>. Throws a conflict if the earlier order was paid.
    /// </summary>
    Task<string> ReplaceOrderAsync(Guid paymentId, string current, int attempt, CancellationToken cancellationToken);
}

/// <param name="OAuthCode">WeChat JSAPI: the code WeChat's web authorization (snsapi_base) sent the payer back with, exchanged for their openid.</param>
/// <param name="OAuthState">WeChat JSAPI before that: the value the SPA wants back from the authorization (it checks it on return).</param>
public sealed record CheckoutRequest(
    Guid PaymentId, string ProviderReference, decimal Amount, string Currency, string Description, string Channel, string? OpenId, string? ClientIp, string ReturnUrl,
    string? OAuthCode = null, string? OAuthState = null);

/// <param name="Kind"><c>qr</c> (show <paramref name="Url"/> as a QR code), <c>redirect</c> (open <paramref name="Url"/>), <c>jsapi</c> (call
/// WeixinJSBridge with <paramref name="Parameters"/>) or <c>oauth</c> (no order yet: open <paramref name="Url"/>, WeChat's web authorization,
/// which returns to the SPA's <c>/pay/wechat</c> with a code for a second checkout).</param>
public sealed record CheckoutAction(string Kind, string? Url, IReadOnlyDictionary<string, string>? Parameters);

/// <summary>A provider that can be reconciled: its daily bill and a look-up of one order.</summary>
public interface IReconcilableGateway
{
    /// <summary>The provider's bill of one day (the provider's own, China Standard Time, date).</summary>
    Task<IReadOnlyList<BillLine>> DownloadBillAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>The order as the provider has it now, or null when the provider does not know it.</summary>
    Task<ProviderOrder?> QueryAsync(string providerReference, CancellationToken cancellationToken);
}

public enum BillLineKind
{
    Payment = 1,
    Refund = 2,
}

public sealed record BillLine(string ProviderReference, string ProviderTradeId, BillLineKind Kind, decimal Amount);

public sealed record ProviderOrder(string ProviderReference, string ProviderTradeId, bool Paid, decimal Amount);

/// <summary>The provider could not be reached or answered with an error: nothing was changed; the payer may try again.</summary>
public sealed class PaymentProviderUnavailableException(string provider, string message, Exception? inner = null)
    : Exception($"{provider}: {message}", inner)
{
    public string Provider { get; } = provider;
}
