using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Payments;

public enum DiscrepancyKind
{
    /// <summary>A callback or the bill names another amount than the payment's: refused, for staff to look into.</summary>
    AmountMismatch = 1,

    /// <summary>The provider was paid but the portal never heard (a lost callback); reconciliation applied it.</summary>
    LostCallback = 2,

    /// <summary>The bill has a trade the portal has no payment for.</summary>
    UnknownAtPortal = 3,

    /// <summary>The portal has a payment as paid that the provider's bill does not list.</summary>
    MissingFromBill = 4,

    /// <summary>The bill lists a refund the portal has not recorded.</summary>
    RefundNotRecorded = 5,
}

/// <summary>
/// Something about money that staff must look at: found when a callback is refused for its amount, or by the daily
/// reconciliation against the provider's bill. One row per provider order and kind (a callback retried for a day
/// does not pile up rows).
/// </summary>
public sealed class PaymentDiscrepancy
{
    private PaymentDiscrepancy()
    {
        Provider = ProviderReference = Detail = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Provider { get; private set; }

    /// <summary>Our order number at the provider (WeChat/Alipay <c>out_trade_no</c>).</summary>
    public string ProviderReference { get; private set; }

    public Guid? PaymentId { get; private set; }
    public DiscrepancyKind Kind { get; private set; }
    public decimal? PortalAmount { get; private set; }
    public decimal? ProviderAmount { get; private set; }
    public string Detail { get; private set; }

    /// <summary>The bill's date when reconciliation found it; null for a refused callback.</summary>
    public DateOnly? BillDate { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }

    public static PaymentDiscrepancy Create(
        string provider, string providerReference, Guid? paymentId, DiscrepancyKind kind, decimal? portalAmount, decimal? providerAmount, string detail, DateOnly? billDate, DateTimeOffset now) =>
        new()
        {
            Id = NewId.Next(),
            Provider = provider,
            ProviderReference = providerReference,
            PaymentId = paymentId,
            Kind = kind,
            PortalAmount = portalAmount,
            ProviderAmount = providerAmount,
            Detail = detail.Length > 500 ? detail[..500] : detail,
            BillDate = billDate,
            FoundAt = now,
        };
}

/// <summary>
/// One provider's bill of one day compared with the portal's payments. The row is the claim (unique per provider and
/// day), so with several instances only one runs the daily comparison.
/// </summary>
public sealed class PaymentReconciliation
{
    private PaymentReconciliation()
    {
        Provider = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Provider { get; private set; }
    public DateOnly BillDate { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int BillLines { get; private set; }
    public int Discrepancies { get; private set; }
    public string? Error { get; private set; }

    public static PaymentReconciliation Claim(string provider, DateOnly billDate, DateTimeOffset now) =>
        new() { Id = NewId.Next(), Provider = provider, BillDate = billDate, StartedAt = now };

    public void Complete(int billLines, int discrepancies, DateTimeOffset now)
    {
        BillLines = billLines;
        Discrepancies = discrepancies;
        CompletedAt = now;
        Error = null;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Error = error.Length > 500 ? error[..500] : error;
        CompletedAt = now;
    }
}
