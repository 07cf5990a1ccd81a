using InternetHospital.Application.Payments;

namespace InternetHospital.Application.Renewals;

/// <summary>A prescription fee as receipts name it: by the renewal request's reference, never by its medicines.</summary>
internal sealed class RenewalPaymentSubject(IAppDbContext db) : IPaymentSubject
{
    public string Purpose => StartRenewalPayment.Purpose;

    public async Task<IReadOnlyDictionary<string, string>?> DescribeAsync(Guid referenceId, CancellationToken cancellationToken)
    {
        var reference = db.RenewalRequests.Local.SingleOrDefault(r => r.Id == referenceId)?.Reference
            ?? await db.RenewalRequests.AsNoTracking().Where(r => r.Id == referenceId).Select(r => r.Reference).SingleOrDefaultAsync(cancellationToken);
        return reference is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["item"] = "prescription", ["reference"] = reference };
    }
}
