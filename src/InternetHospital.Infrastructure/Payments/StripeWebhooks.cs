using InternetHospital.Application.Payments;
using Microsoft.Extensions.Options;
using Stripe;

namespace InternetHospital.Infrastructure.Payments;

/// <summary>Turns a Stripe webhook delivery into a provider-neutral payment event, after checking its signature.</summary>
public interface IPaymentWebhooks
{
    /// <summary>
    /// The event the delivery carries, or null when it is of a kind payments do not act on. Throws
    /// <see cref="WebhookRejectedException"/> for a missing, forged or stale signature.
    /// </summary>
    RecordProviderEvent? Parse(string body, string? signatureHeader);
}

public sealed class WebhookRejectedException(string message, Exception? inner = null) : Exception(message, inner);

internal sealed class StripeWebhooks(IOptions<StripeOptions> options, TimeProvider clock) : IPaymentWebhooks
{
    public RecordProviderEvent? Parse(string body, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            throw new WebhookRejectedException("The Stripe-Signature header is missing.");
        }

        Event stripeEvent;
        try
        {
            // Note: Stripe sends events in the account's API version; checking the signature and timestamp is what matters.
            stripeEvent = EventUtility.ConstructEvent(
                body,
                signatureHeader,
                options.Value.WebhookSecret,
                (long)options.Value.WebhookTolerance.TotalSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(),
                throwOnApiVersionMismatch: false);
        }
        catch (StripeException exception)
        {
            throw new WebhookRejectedException("The webhook signature is not valid or too old.", exception);
        }

        return stripeEvent.Type switch
        {
            EventTypes.PaymentIntentSucceeded when stripeEvent.Data.Object is PaymentIntent intent =>
                new RecordProviderEvent(StripePaymentGateway.ProviderName, stripeEvent.Id, ProviderEventKind.Succeeded, intent.Id, StripePaymentGateway.FromMinorUnits(intent.Amount), null),
            EventTypes.PaymentIntentPaymentFailed when stripeEvent.Data.Object is PaymentIntent intent =>
                new RecordProviderEvent(StripePaymentGateway.ProviderName, stripeEvent.Id, ProviderEventKind.Failed, intent.Id, null, intent.LastPaymentError?.Message ?? "The payment failed."),
            EventTypes.ChargeRefunded when stripeEvent.Data.Object is Charge { PaymentIntentId: { } intentId } charge =>
                new RecordProviderEvent(StripePaymentGateway.ProviderName, stripeEvent.Id, ProviderEventKind.Refunded, intentId, StripePaymentGateway.FromMinorUnits(charge.AmountRefunded), "Refunded"),
            _ => null,
        };
    }
}
