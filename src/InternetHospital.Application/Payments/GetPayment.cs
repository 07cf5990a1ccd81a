using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Payments;

/// <summary>A payment as its payer sees it (the pay step and the receipt). Anyone else's answers 404.</summary>
public sealed record GetPayment(Guid PaymentId) : IQuery<PaymentView>
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IPaymentGateway gateway) : IQueryHandler<GetPayment, PaymentView>
    {
        public async ValueTask<PaymentView> Handle(GetPayment query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var payment = await db.Payments.AsNoTracking().Include(p => p.Events)
                .SingleOrDefaultAsync(p => p.Id == query.PaymentId && p.PayerAccountId == accountId, cancellationToken)
                ?? throw new NotFoundException("Payment", query.PaymentId);
            return PaymentView.From(payment, gateway.IsSimulated && payment.Provider == gateway.Name);
        }
    }
}

public sealed record PaymentView(
    Guid Id,
    string Purpose,
    Guid ReferenceId,
    decimal Amount,
    string Currency,
    string Description,
    PaymentStatus Status,
    string Provider,
    bool Simulated,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    decimal RefundedAmount,
    DateTimeOffset? RefundedAt,
    string? FailureReason,
    IReadOnlyList<PaymentHistoryEntry> History)
{
    public static PaymentView From(Payment payment, bool simulated) => new(
        payment.Id, payment.Purpose, payment.ReferenceId, payment.Amount, payment.Currency, payment.Description, payment.Status,
        payment.Provider, simulated, payment.CreatedAt, payment.CompletedAt, payment.RefundedAmount, payment.RefundedAt, payment.FailureReason,
        payment.Events.OrderBy(e => e.Sequence).Select(e => new PaymentHistoryEntry(e.At, e.Type, e.Detail)).ToList());
}

public sealed record PaymentHistoryEntry(DateTimeOffset At, string Type, string? Detail);
