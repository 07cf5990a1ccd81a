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

public sealed class WebhookRejectedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The problem code answered: <c>invalid_signature</c>, or <c>invalid_webhook_body</c> for a signed body that is not an event.</summary>
    public string Code { get; init; } = "invalid_signature";
}

internal sealed class StripeWebhooks(IOptions<StripeOptions> options, TimeProvider clock) : IPaymentWebhooks
{
    public RecordProviderEvent? Parse(string body, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            throw new WebhookRejectedException("The Stripe-Signature header is missing.");
        }

        try
        {
            EventUtility.ValidateSignature(body, signatureHeader, options.Value.WebhookSecret, (long)options.Value.WebhookTolerance.TotalSeconds, clock.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (StripeException exception)
        {
            throw new WebhookRejectedException("The webhook signature is not valid or too old.", exception);
        }

        Event stripeEvent;
        try
        {
            // Note: Stripe sends events in the account's API version; checking the signature and timestamp is what matters.
            stripeEvent = EventUtility.ParseEvent(body, throwOnApiVersionMismatch: false);
        }
#pragma warning disable CA1031 // Parsing is a pure function of a body already proven to come from the secret's holder.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // Note: a correctly signed body that is not a Stripe event is refused like a bad signature, not answered
            // with a 500 that Stripe would retry for days.
            throw new WebhookRejectedException("The webhook body is not a Stripe event.", exception) { Code = "invalid_webhook_body" };
        }

        if (string.IsNullOrEmpty(stripeEvent?.Id))
        {
            throw new WebhookRejectedException("The webhook body is not a Stripe event.") { Code = "invalid_webhook_body" };
        }

        return stripeEvent.Type switch
        {
            EventTypes.PaymentIntentSucceeded when stripeEvent.Data?.Object is PaymentIntent { Id: not null } intent =>
                new RecordProviderEvent(StripePaymentGateway.ProviderName, stripeEvent.Id, ProviderEventKind.Succeeded, intent.Id, StripePaymentGateway.FromMinorUnits(intent.Amount), null),
            EventTypes.PaymentIntentPaymentFailed when stripeEvent.Data?.Object is PaymentIntent { Id: not null } intent =>
                new RecordProviderEvent(StripePaymentGateway.ProviderName, stripeEvent.Id, ProviderEventKind.Failed, intent.Id, null, intent.LastPaymentError?.Message ?? "The payment failed."),
            EventTypes.ChargeRefunded when stripeEvent.Data?.Object is Charge { PaymentIntentId: { } intentId } charge =>
                new RecordProviderEvent(StripePaymentGateway.ProviderName, stripeEvent.Id, ProviderEventKind.Refunded, intentId, StripePaymentGateway.FromMinorUnits(charge.AmountRefunded), "Refunded"),
            _ => null,
        };
    }
}
