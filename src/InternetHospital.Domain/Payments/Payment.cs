using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Payments;

public enum PaymentStatus
{
    Pending = 1,
    Succeeded = 2,
    Failed = 3,
    Refunded = 4,
    Cancelled = 5,
}

/// <summary>
/// One payment for one thing (a visit fee, a prescription fee). Every change of state is kept as a
/// <see cref="PaymentEvent"/>; a provider's event is recorded once, so a webhook delivered twice changes nothing.
/// </summary>
public sealed class Payment
{
    private readonly List<PaymentEvent> events = [];

    private Payment()
    {
        Purpose = Currency = Description = Provider = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PayerAccountId { get; private set; }
    public Guid PatientId { get; private set; }

    /// <summary>What is paid for, e.g. <c>appointment</c> or <c>prescription</c>; the feature of that name reacts to the outcome.</summary>
    public string Purpose { get; private set; }

    /// <summary>The id of the appointment, prescription, ... paid for.</summary>
    public Guid ReferenceId { get; private set; }

    public decimal Amount { get; private set; }
    public string Currency { get; private set; }
    public string Description { get; private set; }

    /// <summary>The gateway that handles it (<c>Simulated</c>, <c>Stripe</c>).</summary>
    public string Provider { get; private set; }

    /// <summary>The gateway's id for it (a Stripe PaymentIntent id, for example).</summary>
    public string? ProviderReference { get; private set; }

    public PaymentStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public decimal RefundedAmount { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }
    public string? FailureReason { get; private set; }

    /// <summary>Optimistic concurrency: a webhook and a user action on the same payment cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PaymentEvent> Events => events;

    public static Payment Create(Guid payer, Guid patientId, string purpose, Guid referenceId, decimal amount, string currency, string description, string provider, DateTimeOffset now)
    {
        if (amount <= 0)
        {
            throw new DomainRuleException("invalid_amount", "A payment must be for a positive amount.");
        }

        var payment = new Payment
        {
            Id = NewId.Next(),
            PayerAccountId = payer,
            PatientId = patientId,
            Purpose = purpose,
            ReferenceId = referenceId,
            Amount = decimal.Round(amount, 2),
            Currency = currency,
            Description = description,
            Provider = provider,
            Status = PaymentStatus.Pending,
            CreatedAt = now,
        };
        payment.Record(now, "created", $"{payment.Amount} {currency}", null);
        return payment;
    }

    public void AttachProviderReference(string reference, DateTimeOffset now)
    {
        ProviderReference = reference;
        Record(now, "intent_created", reference, null);
    }

    /// <summary>Whether the payer has placed an order with the provider (picked a way to pay): the provider is then fixed.</summary>
    public bool HasCheckedOut => events.Any(e => e.Type == "checkout");

    /// <summary>
    /// The payer picked another provider before placing any order: the payment moves there with the new provider's
    /// reference. Once an order exists the provider is fixed, so a late callback always finds its payment.
    /// </summary>
    public void ChangeProvider(string provider, string reference, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new DomainConflictException("payment_not_pending", "This payment is no longer waiting to be paid.");
        }

        if (HasCheckedOut)
        {
            throw new DomainConflictException("payment_method_locked", "An order was already placed with another provider for this payment.");
        }

        Provider = provider;
        ProviderReference = reference;
        Record(now, "provider_changed", $"{provider} {reference}", null);
    }

    /// <summary>An order was placed with the provider through <paramref name="channel"/> (e.g. <c>native</c>, <c>wap</c>).</summary>
    public void RecordCheckout(string channel, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new DomainConflictException("payment_not_pending", "This payment is no longer waiting to be paid.");
        }

        Record(now, "checkout", $"{Provider} {channel}", null);
    }

    /// <summary>The channel of the last order placed with the current provider, or null before any.</summary>
    public string? CheckoutChannel =>
        events.Where(e => e.Type == "checkout").MaxBy(e => e.Sequence)?.Detail is { } detail && detail.StartsWith(Provider + " ", StringComparison.Ordinal)
            ? detail[(Provider.Length + 1)..]
            : null;

    /// <summary>How many times the order was replaced by one under a new number (see <see cref="ReplaceOrder"/>).</summary>
    public int ReplacedOrders => events.Count(e => e.Type == "order_replaced");

    /// <summary>
    /// The payer switched channel with the same provider and the provider wants a new order number for it (WeChat Pay
    /// refuses a number again with other parameters); the earlier order was closed with the provider first.
    /// </summary>
    public void ReplaceOrder(string reference, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new DomainConflictException("payment_not_pending", "This payment is no longer waiting to be paid.");
        }

        var previous = ProviderReference;
        ProviderReference = reference;
        Record(now, "order_replaced", $"{previous} -> {reference}", null);
    }

    /// <summary>True if the provider event was already recorded (a duplicate delivery).</summary>
    public bool HasSeen(string? providerEventId) =>
        providerEventId is not null && events.Any(e => e.ProviderEventId == providerEventId);

    /// <summary>Marks the payment paid. Returns false (and changes nothing) when it already was.</summary>
    public bool MarkSucceeded(DateTimeOffset now, string? providerEventId)
    {
        if (Status == PaymentStatus.Succeeded || HasSeen(providerEventId))
        {
            return false;
        }

        if (Status is not (PaymentStatus.Pending or PaymentStatus.Failed or PaymentStatus.Cancelled))
        {
            throw new DomainConflictException("payment_not_pending", $"A {Status} payment cannot succeed.");
        }

        // Note: a payment can succeed after it was cancelled locally (the patient paid as the hold expired);
        // the owning feature then decides to honour it or refund it.
        Status = PaymentStatus.Succeeded;
        CompletedAt = now;
        FailureReason = null;
        Record(now, "succeeded", null, providerEventId);
        return true;
    }

    public bool MarkFailed(DateTimeOffset now, string reason, string? providerEventId)
    {
        if (Status != PaymentStatus.Pending || HasSeen(providerEventId))
        {
            return false;
        }

        Status = PaymentStatus.Failed;
        FailureReason = reason;
        Record(now, "failed", reason, providerEventId);
        return true;
    }

    /// <summary>A payment not yet made that is no longer wanted (the hold expired, the request was cancelled).</summary>
    public bool Cancel(DateTimeOffset now, string reason)
    {
        if (Status is not (PaymentStatus.Pending or PaymentStatus.Failed))
        {
            return false;
        }

        Status = PaymentStatus.Cancelled;
        Record(now, "cancelled", reason, null);
        return true;
    }

    public bool MarkRefunded(decimal amount, DateTimeOffset now, string reason, string? providerEventId)
    {
        if (Status == PaymentStatus.Refunded || HasSeen(providerEventId))
        {
            return false;
        }

        if (Status != PaymentStatus.Succeeded)
        {
            throw new DomainConflictException("payment_not_refundable", $"A {Status} payment cannot be refunded.");
        }

        if (amount <= 0 || amount > Amount)
        {
            throw new DomainRuleException("invalid_refund_amount", "A refund must be positive and at most the amount paid.");
        }

        Status = PaymentStatus.Refunded;
        RefundedAmount = decimal.Round(amount, 2);
        RefundedAt = now;
        Record(now, "refunded", $"{RefundedAmount} {Currency}: {reason}", providerEventId);
        return true;
    }

    private void Record(DateTimeOffset now, string type, string? detail, string? providerEventId)
    {
        Version++;
        events.Add(new PaymentEvent(NewId.Next(), Id, Version, now, type, detail, providerEventId));
    }
}

public sealed class PaymentEvent
{
    private PaymentEvent()
    {
        Type = string.Empty;
    }

    internal PaymentEvent(Guid id, Guid paymentId, int sequence, DateTimeOffset at, string type, string? detail, string? providerEventId)
    {
        Id = id;
        PaymentId = paymentId;
        Sequence = sequence;
        At = at;
        Type = type;
        Detail = detail;
        ProviderEventId = providerEventId;
    }

    public Guid Id { get; private set; }
    public Guid PaymentId { get; private set; }

    /// <summary>The order of events within the payment (several can share a timestamp).</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }
    public string Type { get; private set; }
    public string? Detail { get; private set; }

    /// <summary>The gateway's event id (e.g. a Stripe <c>evt_...</c>), unique: the same event is never applied twice.</summary>
    public string? ProviderEventId { get; private set; }
}
