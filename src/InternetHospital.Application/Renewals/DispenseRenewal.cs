using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

public enum DispensingStep
{
    /// <summary>Prepared for collection, or handed to the courier (carrier and tracking number needed).</summary>
    Dispense = 1,
    InTransit = 2,
    OutForDelivery = 3,

    /// <summary>The patient collected at the window (the pickup code, or the pharmacist's own scan of their health code, is needed).</summary>
    PickedUp = 4,
    Delivered = 5,
}

/// <summary>
/// The pharmacy's steps after approval (domain rule 10: nothing is supplied before approval and, where a fee applies,
/// payment): dispense, track a delivery, hand over against the pickup code (or a pickup scan of the patient's health code
/// that this pharmacist made in the last few minutes, where the patient prefers it), or confirm delivery.
/// </summary>
public sealed record RecordDispensing(Guid RenewalId, DispensingStep Step, string? Carrier, string? TrackingNumber, string? PickupCode, Guid? HealthCodeScanId = null) : ICommand<PharmacistDecision>
{
    public sealed class Validator : AbstractValidator<RecordDispensing>
    {
        public Validator()
        {
            RuleFor(x => x.Step).IsInEnum();
            RuleFor(x => x.Carrier).MaximumLength(60);
            RuleFor(x => x.TrackingNumber).MaximumLength(60);
            RuleFor(x => x.PickupCode).NotEmpty().When(x => x.Step == DispensingStep.PickedUp && x.HealthCodeScanId is null).WithLocalizedMessage("pickup_code_required");
            RuleFor(x => x.PickupCode).MaximumLength(20);
        }
    }

    public sealed class Handler(IAppDbContext db, IRenewalAccess access, IAuditLog audit, IRenewalNotifier notifier, TimeProvider clock)
        : ICommandHandler<RecordDispensing, PharmacistDecision>
    {
        public async ValueTask<PharmacistDecision> Handle(RecordDispensing command, CancellationToken cancellationToken)
        {
            var duty = await access.RequireOnDutyAsync(cancellationToken);
            var request = await access.ForPharmacistAsync(command.RenewalId, cancellationToken);
            var now = clock.GetUtcNow();
            var pharmacist = duty.PharmacistAccountId;
            string notice;
            switch (command.Step)
            {
                case DispensingStep.Dispense:
                    request.Dispense(pharmacist, command.Carrier, command.TrackingNumber, now);
                    notice = request.Fulfilment == Fulfilment.Delivery ? RenewalNotices.Shipped : RenewalNotices.Dispensed;
                    break;
                case DispensingStep.InTransit:
                    request.UpdateDelivery(DeliveryStatus.InTransit, pharmacist, now);
                    notice = RenewalNotices.DeliveryUpdated;
                    break;
                case DispensingStep.OutForDelivery:
                    request.UpdateDelivery(DeliveryStatus.OutForDelivery, pharmacist, now);
                    notice = RenewalNotices.DeliveryUpdated;
                    break;
                case DispensingStep.PickedUp when command.HealthCodeScanId is { } scanId:
                    // Note: the scan stands in for the pickup code only for this pharmacist, this patient and a short while.
                    var scan = await db.HealthCodeScans.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scanId, cancellationToken);
                    if (scan is null || scan.PatientId != request.PatientId || !scan.Authorises(pharmacist, HealthCodePurpose.Pickup, now))
                    {
                        throw new DomainRuleException("health_code_scan_not_valid", "Scan the patient's health code for pickup again.");
                    }

                    request.MarkPickedUp(pharmacist, now);
                    notice = RenewalNotices.PickedUp;
                    break;
                case DispensingStep.PickedUp:
                    request.MarkPickedUp(command.PickupCode!, pharmacist, now);
                    notice = RenewalNotices.PickedUp;
                    break;
                default:
                    request.MarkDelivered(pharmacist, now);
                    notice = RenewalNotices.Delivered;
                    break;
            }

            audit.Record($"renewal.{command.Step.ToString().ToLowerInvariant()}", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, request.Status.ToString());
            await notifier.PatientAsync(request, notice, cancellationToken);
            notifier.PushToPharmacists(request);
            return new PharmacistDecision(request.Id, request.Reference, request.Status, request.FeeDue, request.AwaitsPayment, request.IsReadyToDispense);
        }
    }
}
