using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Payments;

public enum SimulatedOutcome
{
    Succeed = 1,
    Fail = 2,
}

/// <summary>
/// The "pay" step of the simulated gateway (development and E2E tests): the payer makes their own pending
/// payment succeed or fail, which then flows exactly like a provider's webhook would.
/// </summary>
public sealed record SimulatePayment(Guid PaymentId, SimulatedOutcome Outcome) : ICommand<PaymentView>
{
    public sealed class Validator : AbstractValidator<SimulatePayment>
    {
        public Validator()
        {
            RuleFor(x => x.Outcome).IsInEnum();
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IPaymentGateway gateway, IPayments payments) : ICommandHandler<SimulatePayment, PaymentView>
    {
        public async ValueTask<PaymentView> Handle(SimulatePayment command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var payment = await db.Payments.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == command.PaymentId && p.PayerAccountId == accountId, cancellationToken);
            if (payment is null || !gateway.IsSimulated || payment.Provider != gateway.Name)
            {
                throw new NotFoundException("Payment", command.PaymentId);
            }

            if (payment.Status != PaymentStatus.Pending)
            {
                throw new DomainConflictException("payment_not_pending", "This payment is no longer waiting to be paid.");
            }

            if (command.Outcome == SimulatedOutcome.Succeed)
            {
                await payments.RecordSucceededAsync(payment.Id, providerEventId: null, cancellationToken);
            }
            else
            {
                await payments.RecordFailedAsync(payment.Id, "The card was declined (simulated).", providerEventId: null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            var saved = await db.Payments.AsNoTracking().Include(p => p.Events).SingleAsync(p => p.Id == payment.Id, cancellationToken);
            return PaymentView.From(saved, simulated: true);
        }
    }
}
