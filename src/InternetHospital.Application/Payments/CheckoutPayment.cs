using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Payments;

/// <summary>
/// The payer picks how to pay a pending payment: a provider the hospital offers and its channel (WeChat Pay: a QR
/// code on a desktop, H5 on a phone browser, JSAPI inside WeChat with the payer's openid; Alipay: the page on a
/// desktop, wap on a phone). The order is placed with the provider now and the answer says what the browser does next.
/// Until the first order the payer may switch provider; after it the provider is fixed (409 payment_method_locked).
/// </summary>
public sealed record CheckoutPayment(Guid PaymentId, string Provider, string Channel, string? OpenId, string? ClientIp) : ICommand<CheckoutView>
{
    public sealed class Validator : AbstractValidator<CheckoutPayment>
    {
        public Validator()
        {
            RuleFor(x => x.Provider).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Channel).NotEmpty().MaximumLength(16);
            RuleFor(x => x.OpenId).MaximumLength(128);
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

            if (command.Channel == WeChatChannels.JsApi && string.IsNullOrWhiteSpace(command.OpenId))
            {
                throw new DomainRuleException("payment_method_unavailable", "Paying inside WeChat needs the payer's openid.");
            }

            var now = clock.GetUtcNow();
            if (payment.Provider != gateway.Name)
            {
                var intent = await gateway.CreateIntentAsync(
                    new GatewayIntentRequest(payment.Id, payment.Amount, payment.Currency, payment.Description, $"payment-{payment.Id:N}"), cancellationToken);
                payment.ChangeProvider(gateway.Name, intent.ProviderReference, now);
            }

            var path = links.FirstOrDefault(l => l.Purpose == payment.Purpose)?.PathFor(payment.ReferenceId) ?? "/";
            var action = await checkout.CheckoutAsync(
                new CheckoutRequest(payment.Id, payment.ProviderReference!, payment.Amount, payment.Currency, payment.Description, command.Channel, command.OpenId, command.ClientIp,
                    hospital.Value.PublicUrl.TrimEnd('/') + path),
                cancellationToken);
            payment.RecordCheckout(command.Channel, now);
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
