using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Payments;

/// <summary>
/// What features use to take and return money. Starting a payment creates the record and the provider's
/// intent; outcomes (from a webhook or the simulated step) go through <see cref="RecordSucceededAsync"/> and
/// friends, which are idempotent and publish <see cref="PaymentSucceeded"/> etc. to the owning feature.
/// Callers save the unit of work.
/// </summary>
public interface IPayments
{
    Task<Payment> StartAsync(NewPayment payment, CancellationToken cancellationToken);

    /// <summary>Refunds a succeeded payment in full (the refund itself may complete later, by webhook).</summary>
    Task RefundAsync(Guid paymentId, string reason, CancellationToken cancellationToken);

    /// <summary>Cancels a payment not yet made (e.g. the hold expired). Returns false if it was already completed.</summary>
    Task<bool> CancelAsync(Guid paymentId, string reason, CancellationToken cancellationToken);

    Task<bool> RecordSucceededAsync(Guid paymentId, string? providerEventId, CancellationToken cancellationToken);

    Task<bool> RecordFailedAsync(Guid paymentId, string reason, string? providerEventId, CancellationToken cancellationToken);

    Task<bool> RecordRefundedAsync(Guid paymentId, decimal amount, string reason, string? providerEventId, CancellationToken cancellationToken);
}

public sealed record NewPayment(Guid PayerAccountId, Guid PatientId, string Purpose, Guid ReferenceId, decimal Amount, string Description);

internal sealed class PaymentService(
    IAppDbContext db,
    IPaymentGateways gateways,
    IPublisher publisher,
    IOptions<PaymentOptions> options,
    TimeProvider clock) : IPayments
{
    public async Task<Payment> StartAsync(NewPayment request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var gateway = gateways.Default;
        var payment = Payment.Create(request.PayerAccountId, request.PatientId, request.Purpose, request.ReferenceId, request.Amount, options.Value.Currency, request.Description, gateway.Name, now);
        var intent = await gateway.CreateIntentAsync(
            new GatewayIntentRequest(payment.Id, payment.Amount, payment.Currency, payment.Description, $"payment-{payment.Id:N}"),
            cancellationToken);
        payment.AttachProviderReference(intent.ProviderReference, now);
        db.Payments.Add(payment);
        return payment;
    }

    public async Task RefundAsync(Guid paymentId, string reason, CancellationToken cancellationToken)
    {
        var payment = await LoadAsync(paymentId, cancellationToken);
        if (payment.Status == PaymentStatus.Refunded)
        {
            return;
        }

        if (payment.Status != PaymentStatus.Succeeded)
        {
            throw new Domain.Common.DomainConflictException("payment_not_refundable", $"A {payment.Status} payment cannot be refunded.");
        }

        // Note: refunded by the provider that took the money, whichever the hospital now offers first.
        var gateway = gateways.Find(payment.Provider)
            ?? throw new PaymentProviderUnavailableException(payment.Provider, "The provider is no longer enabled (Payments:Providers); refund it there by hand.");
        var refund = await gateway.RefundAsync(
            new GatewayRefundRequest(payment.Id, payment.ProviderReference ?? string.Empty, payment.Amount, payment.Currency, $"refund-{payment.Id:N}"),
            cancellationToken);
        if (refund.Completed)
        {
            await RecordRefundedAsync(payment, payment.Amount, reason, null, cancellationToken);
        }
    }

    public async Task<bool> CancelAsync(Guid paymentId, string reason, CancellationToken cancellationToken) =>
        (await LoadAsync(paymentId, cancellationToken)).Cancel(clock.GetUtcNow(), reason);

    public async Task<bool> RecordSucceededAsync(Guid paymentId, string? providerEventId, CancellationToken cancellationToken)
    {
        var payment = await LoadAsync(paymentId, cancellationToken);
        if (!payment.MarkSucceeded(clock.GetUtcNow(), providerEventId))
        {
            return false;
        }

        await publisher.Publish(new PaymentSucceeded(payment.Id, payment.Purpose, payment.ReferenceId, payment.PatientId), cancellationToken);
        return true;
    }

    public async Task<bool> RecordFailedAsync(Guid paymentId, string reason, string? providerEventId, CancellationToken cancellationToken)
    {
        var payment = await LoadAsync(paymentId, cancellationToken);
        if (!payment.MarkFailed(clock.GetUtcNow(), reason, providerEventId))
        {
            return false;
        }

        await publisher.Publish(new PaymentFailed(payment.Id, payment.Purpose, payment.ReferenceId, payment.PatientId, reason), cancellationToken);
        return true;
    }

    public async Task<bool> RecordRefundedAsync(Guid paymentId, decimal amount, string reason, string? providerEventId, CancellationToken cancellationToken) =>
        await RecordRefundedAsync(await LoadAsync(paymentId, cancellationToken), amount, reason, providerEventId, cancellationToken);

    private async Task<bool> RecordRefundedAsync(Payment payment, decimal amount, string reason, string? providerEventId, CancellationToken cancellationToken)
    {
        if (!payment.MarkRefunded(amount, clock.GetUtcNow(), reason, providerEventId))
        {
            return false;
        }

        await publisher.Publish(new PaymentRefunded(payment.Id, payment.Purpose, payment.ReferenceId, payment.PatientId, amount), cancellationToken);
        return true;
    }

    private async Task<Payment> LoadAsync(Guid paymentId, CancellationToken cancellationToken) =>
        await db.Payments.Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            ?? throw new NotFoundException("Payment", paymentId);
}
