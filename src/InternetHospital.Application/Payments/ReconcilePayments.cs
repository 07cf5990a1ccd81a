using InternetHospital.Domain.Payments;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.Payments;

/// <summary>
/// Compares one provider's bill of one day with the portal's payments. A trade the provider has as paid that the portal
/// still has as unpaid (a lost callback) is confirmed with an order query and applied, exactly like the callback would
/// have been; every other difference is listed for staff (<see cref="PaymentDiscrepancy"/>). With <see cref="Claim"/>
/// (the daily job) the run is claimed first, so of several instances one compares each bill; an administrator's run
/// (no claim) may repeat a day, and finds nothing new the second time.
/// </summary>
public sealed partial record ReconcilePayments(string Provider, DateOnly Date, bool Claim = false) : ICommand<ReconciliationView>
{
    public sealed class Validator : AbstractValidator<ReconcilePayments>
    {
        public Validator()
        {
            RuleFor(x => x.Provider).NotEmpty().MaximumLength(32);
        }
    }

    public sealed partial class Handler(
        IAppDbContext db,
        IPaymentGateways gateways,
        IPayments payments,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock,
        ILogger<Handler> logger) : ICommandHandler<ReconcilePayments, ReconciliationView>
    {
        public async ValueTask<ReconciliationView> Handle(ReconcilePayments command, CancellationToken cancellationToken)
        {
            if (gateways.Find(command.Provider) is not IReconcilableGateway gateway)
            {
                throw new DomainRuleException("payment_method_unavailable", "This provider is not enabled or has no bill to compare.");
            }

            if (command.Date >= DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), hospital.Value.TimeZoneInfo).Date))
            {
                throw new DomainRuleException("reconciliation_day_not_over", "A day's bill exists only once the day is over.");
            }

            var now = clock.GetUtcNow();
            var run = await db.PaymentReconciliations.SingleOrDefaultAsync(r => r.Provider == command.Provider && r.BillDate == command.Date, cancellationToken);
            if (run is null)
            {
                run = PaymentReconciliation.Claim(command.Provider, command.Date, now);
                db.PaymentReconciliations.Add(run);
                if (command.Claim)
                {
                    // Note: the claim is saved before the provider is called, so a second instance stops here (unique index).
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            IReadOnlyList<BillLine> bill;
            try
            {
                bill = await gateway.DownloadBillAsync(command.Date, cancellationToken);
            }
            catch (PaymentProviderUnavailableException exception)
            {
                LogBillUnavailable(logger, command.Provider, command.Date, exception);
                run.Fail(exception.Message, clock.GetUtcNow());
                return ReconciliationView.From(run);
            }

            var found = await CompareAsync(command, gateway, bill, cancellationToken);
            run.Complete(bill.Count, found, clock.GetUtcNow());
            return ReconciliationView.From(run);
        }

        private async Task<int> CompareAsync(ReconcilePayments command, IReconcilableGateway gateway, IReadOnlyList<BillLine> bill, CancellationToken cancellationToken)
        {
            var zone = hospital.Value.TimeZoneInfo;
            var dayStart = new DateTimeOffset(command.Date.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(command.Date.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            var dayEnd = dayStart.AddDays(1);
            var references = bill.Select(l => l.ProviderReference).Distinct(StringComparer.Ordinal).ToList();
            var portal = await db.Payments
                .Where(p => p.Provider == command.Provider
                    && ((p.CompletedAt >= dayStart && p.CompletedAt < dayEnd) || (p.ProviderReference != null && references.Contains(p.ProviderReference))))
                .ToListAsync(cancellationToken);
            var byReference = portal.Where(p => p.ProviderReference is not null).ToDictionary(p => p.ProviderReference!, StringComparer.Ordinal);

            var flags = new Flags(db, command, clock.GetUtcNow());
            foreach (var line in bill.Where(l => l.Kind == BillLineKind.Payment))
            {
                if (!byReference.TryGetValue(line.ProviderReference, out var payment))
                {
                    await flags.AddAsync(line.ProviderReference, null, DiscrepancyKind.UnknownAtPortal, null, line.Amount, $"Trade {line.ProviderTradeId} is in the bill but the portal has no such payment.", cancellationToken);
                }
                else if (payment.Amount != line.Amount)
                {
                    await flags.AddAsync(line.ProviderReference, payment.Id, DiscrepancyKind.AmountMismatch, payment.Amount, line.Amount, $"Trade {line.ProviderTradeId}: the bill says {line.Amount}, the portal {payment.Amount}.", cancellationToken);
                }
                else if (payment.Status is PaymentStatus.Pending or PaymentStatus.Failed or PaymentStatus.Cancelled)
                {
                    // Note: the bill alone is not proof enough to book; the provider's order query confirms it.
                    var order = await gateway.QueryAsync(line.ProviderReference, cancellationToken);
                    if (order is { Paid: true } && order.Amount == payment.Amount)
                    {
                        await payments.RecordSucceededAsync(payment.Id, $"{command.Provider}:reconciled:{order.ProviderTradeId}", cancellationToken);
                        await flags.AddAsync(line.ProviderReference, payment.Id, DiscrepancyKind.LostCallback, payment.Amount, line.Amount, $"Trade {line.ProviderTradeId} was paid but no callback arrived; recorded as paid by reconciliation.", cancellationToken);
                    }
                    else
                    {
                        await flags.AddAsync(line.ProviderReference, payment.Id, DiscrepancyKind.AmountMismatch, payment.Amount, order?.Amount, $"Trade {line.ProviderTradeId} is in the bill, but the order query does not confirm it as paid.", cancellationToken);
                    }
                }
            }

            foreach (var line in bill.Where(l => l.Kind == BillLineKind.Refund))
            {
                if (byReference.TryGetValue(line.ProviderReference, out var payment) && payment.Status != PaymentStatus.Refunded)
                {
                    await flags.AddAsync(line.ProviderReference, payment.Id, DiscrepancyKind.RefundNotRecorded, payment.RefundedAmount, line.Amount, $"The bill has a refund of {line.Amount} the portal has not recorded.", cancellationToken);
                }
            }

            var billed = bill.Where(l => l.Kind == BillLineKind.Payment).Select(l => l.ProviderReference).ToHashSet(StringComparer.Ordinal);
            foreach (var payment in portal.Where(p => p.CompletedAt >= dayStart && p.CompletedAt < dayEnd && p.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded))
            {
                if (payment.ProviderReference is { } reference && !billed.Contains(reference))
                {
                    await flags.AddAsync(reference, payment.Id, DiscrepancyKind.MissingFromBill, payment.Amount, null, "The portal has this payment as paid; the provider's bill does not list it.", cancellationToken);
                }
            }

            return flags.Count;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "The {Provider} bill of {Date} could not be fetched; reconciliation tries again later")]
        private static partial void LogBillUnavailable(ILogger logger, string provider, DateOnly date, Exception exception);
    }

    /// <summary>Adds each discrepancy once per provider order and kind (one already listed, by an earlier run or a refused callback, is not repeated).</summary>
    private sealed class Flags(IAppDbContext db, ReconcilePayments command, DateTimeOffset now)
    {
        public int Count { get; private set; }

        public async Task AddAsync(string reference, Guid? paymentId, DiscrepancyKind kind, decimal? portalAmount, decimal? providerAmount, string detail, CancellationToken cancellationToken)
        {
            var known = db.PaymentDiscrepancies.Local.Any(d => d.Provider == command.Provider && d.ProviderReference == reference && d.Kind == kind)
                || await db.PaymentDiscrepancies.AnyAsync(d => d.Provider == command.Provider && d.ProviderReference == reference && d.Kind == kind, cancellationToken);
            if (!known)
            {
                db.PaymentDiscrepancies.Add(PaymentDiscrepancy.Create(command.Provider, reference, paymentId, kind, portalAmount, providerAmount, detail, command.Date, now));
                Count++;
            }
        }
    }
}

public sealed record ReconciliationView(string Provider, DateOnly Date, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, int BillLines, int Discrepancies, string? Error)
{
    public static ReconciliationView From(PaymentReconciliation run) =>
        new(run.Provider, run.BillDate, run.StartedAt, run.CompletedAt, run.BillLines, run.Discrepancies, run.Error);
}
