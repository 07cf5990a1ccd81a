using InternetHospital.Application.Payments;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// A signed prescription as the pharmacist reviews it: the lines, the automated findings with their severity, the
/// patient's allergies and other active medicines, and earlier reviews. The pickup code is never shown to staff.
/// </summary>
public sealed record GetRenewalForPharmacist(Guid RenewalId) : IQuery<PharmacistRenewalView>
{
    public sealed class Handler(
        IRenewalAccess access, IPrescriptionCheckRunner checks, IAuditLog audit, IOptions<PaymentOptions> payments)
        : IQueryHandler<GetRenewalForPharmacist, PharmacistRenewalView>
    {
        public async ValueTask<PharmacistRenewalView> Handle(GetRenewalForPharmacist query, CancellationToken cancellationToken)
        {
            var request = await access.ForPharmacistAsync(query.RenewalId, cancellationToken);
            var result = await checks.RunAsync(request, cancellationToken);
            audit.Record("renewal.read", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, "pharmacist");
            var history = result.History;
            return new PharmacistRenewalView(
                request.Id,
                request.Reference,
                PatientBrief.From(history),
                RenewalAttendingView.From(request),
                request.Status,
                request.SubmittedAt,
                request.Fulfilment,
                request.Fulfilment == Fulfilment.Delivery ? new DeliveryView(request.DeliveryAddress, request.Carrier, request.TrackingNumber, request.DeliveryStatus) : null,
                CheckAnswersView.From(request),
                request.Flags,
                PrescriptionView.From(request.CurrentPrescription!),
                result.Findings,
                result.NeedsJustification,
                history.Allergies.Select(AllergyView.From).ToList(),
                history.Medications.Where(m => m.Active && m.RenewalRequestId != request.Id).Select(MedicationView.From).ToList(),
                request.Reviews.OrderBy(r => r.At).Select(ReviewView.From).ToList(),
                request.FeeDue,
                payments.Value.Currency,
                request.AwaitsPayment,
                request.IsReadyToDispense,
                request.Events.OrderBy(e => e.Sequence).Select(e => new RenewalEventView(e.Sequence, e.At, e.Status, e.Note)).ToList());
        }
    }
}

public sealed record PharmacistRenewalView(
    Guid Id,
    string Reference,
    PatientBrief Patient,
    RenewalAttendingView? Attending,
    RenewalStatus Status,
    DateTimeOffset SubmittedAt,
    Fulfilment Fulfilment,
    DeliveryView? Delivery,
    CheckAnswersView Answers,
    IReadOnlyList<string> Flags,
    PrescriptionView Prescription,
    IReadOnlyList<CheckFinding> Findings,
    bool NeedsJustification,
    IReadOnlyList<AllergyView> Allergies,
    IReadOnlyList<MedicationView> OtherMedications,
    IReadOnlyList<ReviewView> Reviews,
    decimal FeeDue,
    string Currency,
    bool AwaitsPayment,
    bool ReadyToDispense,
    IReadOnlyList<RenewalEventView> History);
