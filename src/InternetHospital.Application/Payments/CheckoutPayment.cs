using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Payments;

/// <summary>
/// The payer picks how to pay a pending payment: a provider the hospital offers and its channel (WeChat Pay: a QR
/// code on a desktop, H5 on a phone browser, JSAPI inside WeChat with the payer's openid; Alipay: the page on a
/// desktop, wap on a phone). The order is placed with the provider now and the answer says what the browser does next.
/// Until the first order the payer may switch provider; after it the provider is fixed (409 payment_method_locked).
/// JSAPI needs the payer's openid: without it (or a code from WeChat's web authorization to get it) the answer is the
/// authorization to open first (kind <c>oauth</c>), and no order is placed.
/// </summary>
public sealed record CheckoutPayment(Guid PaymentId, string Provider, string Channel, string? OpenId, string? ClientIp, string? OAuthCode = null, string? OAuthState = null)
    : ICommand<CheckoutView>
{
    public sealed class Validator : AbstractValidator<CheckoutPayment>
    {
        public Validator()
        {
            RuleFor(x => x.Provider).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Channel).NotEmpty().MaximumLength(16);
            RuleFor(x => x.OpenId).MaximumLength(128);
            RuleFor(x => x.OAuthCode).MaximumLength(256).Matches("^[A-Za-z0-9_-]+$").When(x => x.OAuthCode is not null);
            // Note: WeChat returns state as given (at most 128 bytes); the SPA checks it on return, so it must be plain.
            RuleFor(x => x.OAuthState).NotEmpty().Matches("^[A-Za-z0-9_-]{8,64}$")
                .When(x => x.Channel == WeChatChannels.JsApi && string.IsNullOrEmpty(x.OpenId) && string.IsNullOrEmpty(x.OAuthCode));
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        ICurrentUser currentUser,
        IPaymentGateways gateways,
        IEnumerable<PaymentLink> links,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<CheckoutPayment, CheckoutView>
    {
        public async ValueTask<CheckoutView> Handle(CheckoutPayment command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var payment = await db.Payments.Include(p => p.Events)
                .SingleOrDefaultAsync(p => p.Id == command.PaymentId && p.PayerAccountId == accountId, cancellationToken)
                ?? throw new NotFoundException("Payment", command.PaymentId);
            if (payment.Status != PaymentStatus.Pending)
            {
                throw new DomainConflictException("payment_not_pending", "This payment is no longer waiting to be paid.");
            }

            var gateway = gateways.Find(command.Provider);
            if (gateway is not ICheckoutGateway checkout || !checkout.Channels.Contains(command.Channel, StringComparer.Ordinal))
            {
                throw new DomainRuleException("payment_method_unavailable", "The hospital does not offer this way to pay.");
            }

            // Note: the first JSAPI step only asks WeChat who the payer is; the order is placed when they come back with a code.
            var authorizing = command.Channel == WeChatChannels.JsApi && string.IsNullOrEmpty(command.OpenId) && string.IsNullOrEmpty(command.OAuthCode);
            var now = clock.GetUtcNow();
            if (payment.Provider != gateway.Name)
            {
                var intent = await gateway.CreateIntentAsync(
                    new GatewayIntentRequest(payment.Id, payment.Amount, payment.Currency, payment.Description, $"payment-{payment.Id:N}"), cancellationToken);
                payment.ChangeProvider(gateway.Name, intent.ProviderReference, now);
            }
            else if (!authorizing && payment.CheckoutChannel is { } previous && previous != command.Channel)
            {
                var reference = await checkout.ReplaceOrderAsync(payment.Id, payment.ProviderReference!, payment.ReplacedOrders + 1, cancellationToken);
                if (reference != payment.ProviderReference)
                {
                    payment.ReplaceOrder(reference, now);
                }
            }

            var path = links.FirstOrDefault(l => l.Purpose == payment.Purpose)?.PathFor(payment.ReferenceId) ?? "/";
            var action = await checkout.CheckoutAsync(
                new CheckoutRequest(payment.Id, payment.ProviderReference!, payment.Amount, payment.Currency, payment.Description, command.Channel, command.OpenId, command.ClientIp,
                    hospital.Value.PublicUrl.TrimEnd('/') + path, command.OAuthCode, command.OAuthState),
                cancellationToken);
            if (action.Kind != "oauth")
            {
                payment.RecordCheckout(command.Channel, now);
            }

            return new CheckoutView(payment.Id, gateway.Name, command.Channel, action.Kind, action.Url, action.Parameters);
        }
    }
}

public sealed record CheckoutView(Guid PaymentId, string Provider, string Channel, string Kind, string? Url, IReadOnlyDictionary<string, string>? Parameters);

/// <summary>The channels of the Chinese providers, as the SPA names them.</summary>
public static class WeChatChannels
{
    /// <summary>A QR code the payer scans with WeChat (desktop).</summary>
    public const string Native = "native";

    /// <summary>WeChat Pay's page in a phone browser outside WeChat.</summary>
    public const string H5 = "h5";

    /// <summary>Inside WeChat (official account page), for a payer whose openid is known.</summary>
    public const string JsApi = "jsapi";
}

public static class AlipayChannels
{
    /// <summary>alipay.trade.page.pay: Alipay's cashier page (desktop).</summary>
    public const string Page = "page";

    /// <summary>alipay.trade.wap.pay: Alipay's mobile page, which opens the Alipay app.</summary>
    public const string Wap = "wap";
}
