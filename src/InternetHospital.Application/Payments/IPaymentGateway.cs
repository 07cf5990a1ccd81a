namespace InternetHospital.Application.Payments;

/// <summary>
/// A payment provider (Stripe, or the simulated gateway used in development and tests). Calls carry an
/// idempotency key derived from the payment, so a retried call never charges or refunds twice.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The provider's name as stored on payments (<c>Simulated</c>, <c>Stripe</c>).</summary>
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
