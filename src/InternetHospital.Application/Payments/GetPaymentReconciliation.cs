using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Payments;

/// <summary>What staff look at: the recent reconciliation runs and the discrepancies found (newest first).</summary>
public sealed record GetPaymentReconciliation : IQuery<PaymentReconciliationOverview>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<GetPaymentReconciliation, PaymentReconciliationOverview>
    {
        public async ValueTask<PaymentReconciliationOverview> Handle(GetPaymentReconciliation query, CancellationToken cancellationToken)
        {
            var runs = await db.PaymentReconciliations.AsNoTracking().OrderByDescending(r => r.BillDate).ThenBy(r => r.Provider).Take(60).ToListAsync(cancellationToken);
            var discrepancies = await db.PaymentDiscrepancies.AsNoTracking().OrderByDescending(d => d.FoundAt).Take(200).ToListAsync(cancellationToken);
            return new PaymentReconciliationOverview(
                runs.Select(ReconciliationView.From).ToList(),
                discrepancies.Select(d => new DiscrepancyView(d.Id, d.Provider, d.ProviderReference, d.PaymentId, d.Kind, d.PortalAmount, d.ProviderAmount, d.Detail, d.BillDate, d.FoundAt)).ToList());
        }
    }
}

public sealed record PaymentReconciliationOverview(IReadOnlyList<ReconciliationView> Runs, IReadOnlyList<DiscrepancyView> Discrepancies);

public sealed record DiscrepancyView(
    Guid Id, string Provider, string ProviderReference, Guid? PaymentId, DiscrepancyKind Kind, decimal? PortalAmount, decimal? ProviderAmount, string Detail, DateOnly? BillDate, DateTimeOffset FoundAt);
