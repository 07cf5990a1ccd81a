using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Payments;

public enum ProviderEventKind
{
    Succeeded = 1,
    Failed = 2,
    Refunded = 3,
}

public enum ProviderEventOutcome
{
    /// <summary>The payment changed state (and the owning feature reacted in the same transaction).</summary>
    Applied = 1,

    /// <summary>The event was seen before, or changes nothing: nothing happened.</summary>
    Duplicate = 2,

    /// <summary>Not one of our payments (another integration on the same provider account).</summary>
    Ignored = 3,

    /// <summary>The event names another amount than the payment's: refused, nothing applied, flagged for staff.</summary>
    AmountMismatch = 4,
}

/// <summary>
/// A verified event from a payment provider's webhook, in provider-neutral terms. Applied at most once per provider
/// event id: the payment's history remembers it, and a unique index refuses a second delivery racing the first.
/// </summary>
public sealed record RecordProviderEvent(string Provider, string EventId, ProviderEventKind Kind, string ProviderReference, decimal? Amount, string? Reason) : ICommand<ProviderEventOutcome>
{
    public sealed class Handler(IAppDbContext db, IPayments payments, TimeProvider clock) : ICommandHandler<RecordProviderEvent, ProviderEventOutcome>
    {
        public async ValueTask<ProviderEventOutcome> Handle(RecordProviderEvent command, CancellationToken cancellationToken)
        {
            var found = await db.Payments
                .Where(p => p.Provider == command.Provider && p.ProviderReference == command.ProviderReference)
                .Select(p => new { p.Id, p.Amount })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return ProviderEventOutcome.Ignored;
            }

            var id = found.Id;
            if (command.Kind == ProviderEventKind.Succeeded && command.Amount is { } paid && paid != found.Amount)
            {
                // Note: money that does not match the order is never taken as payment; staff sort it out with the provider.
                await FlagAmountMismatchAsync(command, id, found.Amount, paid, cancellationToken);
                return ProviderEventOutcome.AmountMismatch;
            }

            var applied = command.Kind switch
            {
                ProviderEventKind.Succeeded => await payments.RecordSucceededAsync(id, command.EventId, cancellationToken),
                ProviderEventKind.Failed => await payments.RecordFailedAsync(id, command.Reason ?? "The payment failed.", command.EventId, cancellationToken),
                _ => await payments.RecordRefundedAsync(id, command.Amount ?? 0, command.Reason ?? "Refunded", command.EventId, cancellationToken),
            };
            if (!applied)
            {
                return ProviderEventOutcome.Duplicate;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException)
            {
                // Note: the same event delivered twice at once; the other delivery applied it.
                return ProviderEventOutcome.Duplicate;
            }

            return ProviderEventOutcome.Applied;
        }

        private async Task FlagAmountMismatchAsync(RecordProviderEvent command, Guid paymentId, decimal expected, decimal paid, CancellationToken cancellationToken)
        {
            var flagged = await db.PaymentDiscrepancies.AnyAsync(
                d => d.Provider == command.Provider && d.ProviderReference == command.ProviderReference && d.Kind == DiscrepancyKind.AmountMismatch,
                cancellationToken);
            if (!flagged)
            {
                db.PaymentDiscrepancies.Add(PaymentDiscrepancy.Create(
                    command.Provider, command.ProviderReference, paymentId, DiscrepancyKind.AmountMismatch, expected, paid,
                    $"Callback {command.EventId} reported {paid} instead of {expected}; it was refused.", null, clock.GetUtcNow()));
            }
        }
    }
}
