using System.Globalization;
using InternetHospital.Application.Payments;
using Stripe;

namespace InternetHospital.Infrastructure.Payments;

/// <summary>
/// Stripe PaymentIntents. Every call carries the idempotency key the payment port derives from the payment, so a
/// retried request never creates a second intent or refund. The outcome arrives by webhook (<see cref="StripeWebhooks"/>).
/// </summary>
internal sealed class StripePaymentGateway(IStripeClient client) : IPaymentGateway
{
    public const string ProviderName = "Stripe";

    public string Name => ProviderName;

    public bool IsSimulated => false;

    public async Task<GatewayIntent> CreateIntentAsync(GatewayIntentRequest request, CancellationToken cancellationToken)
    {
        var intent = await new PaymentIntentService(client).CreateAsync(
            new PaymentIntentCreateOptions
            {
                Amount = MinorUnits(request.Amount),
                Currency = request.Currency.ToLowerInvariant(),
                Description = request.Description,
                Metadata = new Dictionary<string, string> { ["payment_id"] = request.PaymentId.ToString() },
                AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
            },
            new RequestOptions { IdempotencyKey = request.IdempotencyKey },
            cancellationToken);
        return new GatewayIntent(intent.Id, intent.ClientSecret);
    }

    public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        var refund = await new RefundService(client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = request.ProviderReference, Amount = MinorUnits(request.Amount) },
            new RequestOptions { IdempotencyKey = request.IdempotencyKey },
            cancellationToken);

        // Note: card refunds usually succeed at once; otherwise charge.refunded confirms it later.
        return new GatewayRefund(refund.Id, string.Equals(refund.Status, "succeeded", StringComparison.Ordinal));
    }

    /// <summary>Amounts in the currency's smallest unit (fen for CNY); the hospital's currencies have two decimals.</summary>
    internal static long MinorUnits(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    internal static decimal FromMinorUnits(long amount) => decimal.Parse((amount / 100m).ToString("0.00", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
