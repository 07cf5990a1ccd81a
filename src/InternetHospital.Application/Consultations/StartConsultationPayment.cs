using InternetHospital.Application.Payments;
using InternetHospital.Domain.Consultations;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Consultations;

/// <summary>
/// The patient's side pays a consultation fee through the portal's payment port (only when the institution pair has a
/// fee; inside the consortium it is free by default). The specialist schedules once it is paid
/// (<see cref="ConsultationPaymentHandler"/>).
/// </summary>
public sealed record StartConsultationPayment(Guid PatientId, Guid ConsultationId) : ICommand<ConsultationPaymentStarted>
{
    public const string Purpose = "consultation";

    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, ICurrentUser currentUser, IPayments payments, IAuditLog audit)
        : ICommandHandler<StartConsultationPayment, ConsultationPaymentStarted>
    {
        public async ValueTask<ConsultationPaymentStarted> Handle(StartConsultationPayment command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Payments, cancellationToken);
            var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == command.ConsultationId && c.PatientId == command.PatientId, cancellationToken)
                ?? throw new NotFoundException("Consultation", command.ConsultationId);

            // Note: a payment already under way is resumed rather than a second one started.
            if (consultation.PaymentId is { } existing && consultation.AwaitsPayment
                && await db.Payments.AnyAsync(p => p.Id == existing && p.Status == PaymentStatus.Pending, cancellationToken))
            {
                return new ConsultationPaymentStarted(existing, consultation.Fee);
            }

            if (!consultation.AwaitsPayment || !consultation.IsOpen)
            {
                throw new DomainConflictException("payment_not_pending", "No fee is due for this consultation.");
            }

            var payment = await payments.StartAsync(
                new NewPayment(currentUser.RequireAccountId(), consultation.PatientId, Purpose, consultation.Id, consultation.Fee, "远程会诊费 Remote consultation fee"),
                cancellationToken);
            consultation.AttachPayment(payment.Id);
            audit.Record("consultation.payment_started", nameof(Consultation), consultation.Id.ToString(), consultation.PatientId, $"payment={payment.Id}");
            return new ConsultationPaymentStarted(payment.Id, payment.Amount);
        }
    }
}

public sealed record ConsultationPaymentStarted(Guid PaymentId, decimal Amount);

/// <summary>A consultation fee was paid: the specialist may schedule it now.</summary>
public sealed class ConsultationPaymentHandler(IAppDbContext db, IAuditLog audit, TimeProvider clock) : INotificationHandler<PaymentSucceeded>
{
    public async ValueTask Handle(PaymentSucceeded notification, CancellationToken cancellationToken)
    {
        if (notification.Purpose != StartConsultationPayment.Purpose)
        {
            return;
        }

        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == notification.ReferenceId, cancellationToken);
        if (consultation is null || consultation.FeePaid)
        {
            return;
        }

        consultation.MarkPaid(clock.GetUtcNow());
        audit.Record("consultation.paid", nameof(Consultation), consultation.Id.ToString(), consultation.PatientId, $"payment={notification.PaymentId}");
    }
}
