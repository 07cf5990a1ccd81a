using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Payments;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Payments;
using InternetHospital.Domain.Renewals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// Starts (or resumes) paying the fee of an approved prescription. The request moves on to dispensing only when the
/// payment succeeds (<see cref="RenewalPaymentHandler"/>).
/// </summary>
public sealed record StartRenewalPayment(Guid PatientId, Guid RenewalId) : ICommand<RenewalPaymentStarted>
{
    public const string Purpose = "prescription";

    public sealed class Handler(IRenewalAccess access, ICurrentUser currentUser, IPayments payments, IAuditLog audit, IAppDbContext db)
        : ICommandHandler<StartRenewalPayment, RenewalPaymentStarted>
    {
        public async ValueTask<RenewalPaymentStarted> Handle(StartRenewalPayment command, CancellationToken cancellationToken)
        {
            var request = await access.ForPatientAsync(command.PatientId, command.RenewalId, cancellationToken, PatientScope.Payments);
            if (!request.AwaitsPayment)
            {
                throw new Domain.Common.DomainConflictException("renewal_not_awaiting_payment", "Nothing is to be paid for this request now.");
            }

            // Note: a payment already under way is resumed rather than a second one started.
            if (request.PaymentId is { } existing
                && await db.Payments.AnyAsync(p => p.Id == existing && p.Status == PaymentStatus.Pending, cancellationToken))
            {
                return new RenewalPaymentStarted(existing, request.FeeDue);
            }

            var payment = await payments.StartAsync(
                new NewPayment(currentUser.RequireAccountId(), request.PatientId, Purpose, request.Id, request.FeeDue, $"处方费 Prescription fee {request.Reference}"),
                cancellationToken);
            request.AttachPayment(payment.Id);
            audit.Record("renewal.payment_started", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, $"payment={payment.Id}");
            return new RenewalPaymentStarted(payment.Id, payment.Amount);
        }
    }
}

public sealed record RenewalPaymentStarted(Guid PaymentId, decimal Amount);

/// <summary>A prescription fee was paid: the request is ready to dispense (and the patient gets a pickup code).</summary>
public sealed class RenewalPaymentHandler(IAppDbContext db, IPickupCodes pickupCodes, IRenewalNotifier notifier, IPayments payments, IAuditLog audit, TimeProvider clock)
    : INotificationHandler<PaymentSucceeded>
{
    public async ValueTask Handle(PaymentSucceeded notification, CancellationToken cancellationToken)
    {
        if (notification.Purpose != StartRenewalPayment.Purpose)
        {
            return;
        }

        var request = await db.RenewalRequests.WithEverything().SingleOrDefaultAsync(r => r.Id == notification.ReferenceId, cancellationToken);
        if (request is null || (request.PaidAt is not null && request.PaymentId == notification.PaymentId))
        {
            return;
        }

        if (!request.AwaitsPayment)
        {
            // Note: paid twice (two tabs, a card payment that went through after all) or after the request moved on:
            // the money goes back at once; the refund notice tells the patient.
            await payments.RefundAsync(notification.PaymentId, $"Prescription fee {request.Reference} was already paid or is no longer due.", cancellationToken);
            audit.Record("renewal.payment_refunded", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, $"payment={notification.PaymentId}");
            return;
        }

        if (request.MarkPaid(notification.PaymentId, pickupCodes.Next(), clock.GetUtcNow()))
        {
            audit.Record("renewal.paid", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, $"payment={notification.PaymentId}");
            await notifier.PatientAsync(request, RenewalNotices.Paid, cancellationToken);
            notifier.PushToPharmacists(request);
        }
    }
}
