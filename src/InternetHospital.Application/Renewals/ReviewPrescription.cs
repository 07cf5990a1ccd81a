using InternetHospital.Application.His;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

public enum ReviewOutcome
{
    Approve = 1,

    /// <summary>Back to the doctor with a reason.</summary>
    Reject = 2,
}

/// <summary>
/// The pharmacist on duty approves a signed prescription (domain rule 7), or sends it back to the doctor with a reason.
/// The automated checks are run again at the decision and kept with it; a severe finding needs a written justification.
/// On approval the fee in force is fixed, the HIS is told (outbox, same transaction), and without a fee the patient
/// gets a pickup code at once.
/// </summary>
public sealed record ReviewPrescription(Guid RenewalId, ReviewOutcome Outcome, string? Text) : ICommand<PharmacistDecision>
{
    public sealed class Validator : AbstractValidator<ReviewPrescription>
    {
        public Validator()
        {
            RuleFor(x => x.Outcome).IsInEnum();
            RuleFor(x => x.Text).NotEmpty().When(x => x.Outcome == ReviewOutcome.Reject).WithLocalizedMessage("rejection_reason_required");
            RuleFor(x => x.Text).MaximumLength(1000);
        }
    }

    public sealed class Handler(
        IPendingRenewalCounts pendingRenewals,
        IRenewalAccess access,
        IPrescriptionCheckRunner checks,
        IAppDbContext db,
        IHisOutbox his,
        IPickupCodes pickupCodes,
        IAuditLog audit,
        IRenewalNotifier notifier,
        TimeProvider clock) : ICommandHandler<ReviewPrescription, PharmacistDecision>
    {
        public async ValueTask<PharmacistDecision> Handle(ReviewPrescription command, CancellationToken cancellationToken)
        {
            var duty = await access.RequireOnDutyAsync(cancellationToken);
            var request = await access.ForPharmacistAsync(command.RenewalId, cancellationToken);
            var result = await checks.RunAsync(request, cancellationToken);
            var now = clock.GetUtcNow();
            if (command.Outcome == ReviewOutcome.Approve)
            {
                var settings = await db.RenewalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RenewalSettings.SingletonId, cancellationToken);
                var review = request.ApproveByPharmacist(duty.PharmacistAccountId, duty.PharmacistName, result.Findings, command.Text, settings?.Fee ?? 0m, pickupCodes.Next(), now);
                var prescription = request.CurrentPrescription!;
                his.Enqueue(request.PatientId, new PrescriptionApprovedMessage(
                    prescription.Id,
                    request.PatientId,
                    prescription.DoctorId,
                    duty.PharmacistAccountId,
                    now,
                    prescription.Lines.Select(l => PrescriptionLine.From(l.Line, l.Quantity, l.DaysSupply)).ToList()));
                audit.Record("prescription.approved", nameof(RenewalRequest), request.Id.ToString(), request.PatientId,
                    $"prescription={prescription.Id};review={review.Id};highest={review.HighestSeverity?.ToString() ?? "none"};justified={review.Justification is not null}");
                await notifier.PatientAsync(request, request.AwaitsPayment ? RenewalNotices.PaymentDue : RenewalNotices.PharmacistApproved, cancellationToken);
            }
            else
            {
                var review = request.RejectByPharmacist(duty.PharmacistAccountId, duty.PharmacistName, result.Findings, command.Text!, now);
                audit.Record("prescription.rejected", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, $"prescription={review.PrescriptionId};review={review.Id}");
                await notifier.PatientAsync(request, RenewalNotices.PharmacistRejected, cancellationToken);
                var prescriber = await db.Doctors.AsNoTracking().Where(d => d.Id == request.CurrentPrescription!.DoctorId).Select(d => d.AccountId).SingleAsync(cancellationToken);
                await notifier.AccountAsync(prescriber, request, RenewalNotices.ReturnedToDoctor, $"/doctor/renewals/{request.Id}", cancellationToken);
                notifier.PushTo([prescriber], request);
            }

            notifier.PushToPharmacists(request);
            await pendingRenewals.PublishAsync(request.PatientId, cancellationToken);
            return new PharmacistDecision(request.Id, request.Reference, request.Status, request.FeeDue, request.AwaitsPayment, request.IsReadyToDispense);
        }
    }
}

public sealed record PharmacistDecision(Guid Id, string Reference, RenewalStatus Status, decimal FeeDue, bool AwaitsPayment, bool ReadyToDispense);
