using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Renewals;

public enum RenewalStatus
{
    Submitted = 1,
    DoctorApproved = 2,
    DoctorRejected = 3,
    VisitRequired = 4,
    PharmacistApproved = 5,

    /// <summary>Sent back to the doctor with a reason; the doctor corrects (signs anew), rejects or asks for a visit.</summary>
    PharmacistRejected = 6,
    Paid = 7,
    Dispensed = 8,
    PickedUp = 9,
    Delivered = 10,
    Cancelled = 11,
}

public enum Fulfilment
{
    Pickup = 1,
    Delivery = 2,
}

public enum DeliveryStatus
{
    Shipped = 1,
    InTransit = 2,
    OutForDelivery = 3,
    Delivered = 4,
}

public enum MedicationSource
{
    /// <summary>The hospital's record (HIS).</summary>
    His = 1,

    /// <summary>A prescription made in this portal.</summary>
    Portal = 2,
}

/// <summary>Why a doctor sees a request: the patient's family doctor, the doctor who prescribed the medicine, or nobody in particular.</summary>
public enum RoutingReason
{
    FamilyDoctor = 1,
    OriginalPrescriber = 2,
}

/// <summary>The patient's answers to the short check before a renewal. Any "yes" flags the request for the doctor.</summary>
public sealed record RenewalCheckAnswers(bool NewSymptoms, bool SideEffects, bool HospitalStay, bool Pregnancy, string? Details)
{
    public IReadOnlyList<string> Flags =>
    [
        .. NewSymptoms ? ["new_symptoms"] : Array.Empty<string>(),
        .. SideEffects ? ["side_effects"] : Array.Empty<string>(),
        .. HospitalStay ? ["hospital_stay"] : Array.Empty<string>(),
        .. Pregnancy ? ["pregnancy"] : Array.Empty<string>(),
    ];
}

/// <summary>A medicine the patient asks to renew, as it was last prescribed.</summary>
public sealed record NewRenewalItem(
    Guid DrugId,
    DrugLine Line,
    int DaysSupply,
    MedicationSource Source,
    string? SourcePrescriber,
    DateOnly? LastDispensedOn);

/// <summary>The doctor's decision for one item: the dose, frequency and days supply to prescribe (possibly changed).</summary>
public sealed record PrescribedLine(Guid ItemId, decimal DoseAmount, string Frequency, int DaysSupply, int Quantity);

/// <summary>Who signs: a doctor, acting through their own account.</summary>
public sealed record Signer(Guid DoctorId, Guid AccountId, string Name);

/// <summary>
/// A patient's request to renew regular medicines, through its whole life: the doctor's signed prescription, the
/// pharmacist's review, payment, dispensing and hand-over (domain rules 6, 7, 10, 11). Every transition is a method
/// that checks the current state and is kept as an event; nothing else changes the state.
/// </summary>
public sealed class RenewalRequest
{
    private readonly List<RenewalItem> items = [];
    private readonly List<RenewalRouting> routing = [];
    private readonly List<Prescription> prescriptions = [];
    private readonly List<PharmacistReview> reviews = [];
    private readonly List<RenewalEvent> events = [];

    private RenewalRequest()
    {
        Reference = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>A short reference people can read out (the tail of the id).</summary>
    public string Reference { get; private set; }

    public Guid PatientId { get; private set; }
    public Guid RequestedByAccountId { get; private set; }

    /// <summary>The guardian's or proxy's name when someone other than the patient asked (staff see who acts for the patient).</summary>
    public string? AttendingName { get; private set; }

    /// <summary>How that person is related to the patient: <c>guardian</c>, <c>parent</c>, <c>spouse</c>, ...</summary>
    public string? AttendingRelation { get; private set; }

    /// <summary>The guardian confirmed they are present (domain rule 4: a child under 6 renews only with a guardian).</summary>
    public bool GuardianPresent { get; private set; }

    public RenewalStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Fulfilment Fulfilment { get; private set; }
    public string? DeliveryAddress { get; private set; }

    public bool NewSymptoms { get; private set; }
    public bool SideEffects { get; private set; }
    public bool HospitalStay { get; private set; }
    public bool Pregnancy { get; private set; }
    public string? PatientNote { get; private set; }

    /// <summary>An answer of the check needs a doctor's eyes.</summary>
    public bool IsFlagged { get; private set; }

    /// <summary>No family doctor or prescriber could be found: any doctor may take the request.</summary>
    public bool OpenToAllDoctors { get; private set; }

    /// <summary>The doctor who last decided (approved, rejected or asked for a visit).</summary>
    public Guid? DecidedByDoctorId { get; private set; }

    public DateTimeOffset? DoctorDecidedAt { get; private set; }

    /// <summary>The doctor's reason for a rejection or a visit.</summary>
    public string? DoctorReason { get; private set; }

    /// <summary>The reason the pharmacist sent it back, while it is back with the doctor.</summary>
    public string? PharmacistReason { get; private set; }

    public decimal FeeDue { get; private set; }
    public Guid? PaymentId { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The code the patient shows at the pharmacy window (as a QR code), once the medicine may be collected.</summary>
    public string? PickupCode { get; private set; }

    public DateTimeOffset? DispensedAt { get; private set; }
    public Guid? DispensedByAccountId { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DeliveryStatus? DeliveryStatus { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Optimistic concurrency: two people acting on the same request at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<RenewalItem> Items => items;
    public IReadOnlyList<RenewalRouting> Routing => routing;
    public IReadOnlyList<Prescription> Prescriptions => prescriptions;
    public IReadOnlyList<PharmacistReview> Reviews => reviews;
    public IReadOnlyList<RenewalEvent> Events => events;

    /// <summary>The prescription in force: the latest one the doctor signed.</summary>
    public Prescription? CurrentPrescription => prescriptions.Where(p => !p.Superseded).MaxBy(p => p.Number);

    public IReadOnlyList<string> Flags => new RenewalCheckAnswers(NewSymptoms, SideEffects, HospitalStay, Pregnancy, PatientNote).Flags;

    /// <summary>Still in progress: the same medicine cannot be asked for again meanwhile.</summary>
    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Approved by the pharmacist and paid where a fee applies: the pharmacy may dispense.</summary>
    public bool IsReadyToDispense => Status == RenewalStatus.Paid || (Status == RenewalStatus.PharmacistApproved && FeeDue == 0);

    public bool AwaitsPayment => Status == RenewalStatus.PharmacistApproved && FeeDue > 0;

    public static bool IsOpenStatus(RenewalStatus status) =>
        status is not (RenewalStatus.DoctorRejected or RenewalStatus.VisitRequired or RenewalStatus.PickedUp or RenewalStatus.Delivered or RenewalStatus.Cancelled);

    public static RenewalRequest Submit(
        Guid patientId,
        Guid requestedByAccountId,
        IReadOnlyList<NewRenewalItem> newItems,
        Fulfilment fulfilment,
        string? deliveryAddress,
        RenewalCheckAnswers answers,
        IReadOnlyList<(Guid DoctorId, RoutingReason Reason)> routedTo,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newItems);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(routedTo);
        if (newItems.Count == 0)
        {
            throw new DomainRuleException("no_items", "A renewal request needs at least one medicine.");
        }

        if (newItems.Select(i => i.DrugId).Distinct().Count() != newItems.Count)
        {
            throw new DomainRuleException("duplicate_items", "Each medicine can be asked for once per request.");
        }

        if (fulfilment == Fulfilment.Delivery && string.IsNullOrWhiteSpace(deliveryAddress))
        {
            throw new DomainRuleException("delivery_address_required", "Delivery needs an address.");
        }

        var id = NewId.Next();
        var request = new RenewalRequest
        {
            Id = id,
            Reference = id.ToString("N")[^8..].ToUpperInvariant(),
            PatientId = patientId,
            RequestedByAccountId = requestedByAccountId,
            Status = RenewalStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
            Fulfilment = fulfilment,
            DeliveryAddress = fulfilment == Fulfilment.Delivery ? deliveryAddress!.Trim() : null,
            NewSymptoms = answers.NewSymptoms,
            SideEffects = answers.SideEffects,
            HospitalStay = answers.HospitalStay,
            Pregnancy = answers.Pregnancy,
            PatientNote = string.IsNullOrWhiteSpace(answers.Details) ? null : answers.Details.Trim(),
            IsFlagged = answers.Flags.Count > 0,
            OpenToAllDoctors = routedTo.Count == 0,
        };
        foreach (var item in newItems)
        {
            request.items.Add(new RenewalItem(request, item));
        }

        foreach (var (doctorId, reason) in routedTo.DistinctBy(r => r.DoctorId))
        {
            request.routing.Add(new RenewalRouting(NewId.Next(), id, doctorId, reason));
        }

        request.Record(now, requestedByAccountId, null);
        return request;
    }

    /// <summary>Records that a guardian or proxy asked for the patient (domain rules 4 and 24; traceability, rule 11).</summary>
    public void RecordAttendance(string name, string relation, bool guardianPresent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relation);
        AttendingName = name.Length > 100 ? name[..100] : name;
        AttendingRelation = relation;
        GuardianPresent = guardianPresent;
    }

    /// <summary>Whether the request is routed to this doctor (or open to every doctor).</summary>
    public bool IsRoutedTo(Guid doctorId) => OpenToAllDoctors || routing.Any(r => r.DoctorId == doctorId);

    public void Cancel(Guid accountId, DateTimeOffset now)
    {
        if (Status != RenewalStatus.Submitted)
        {
            throw new DomainConflictException("renewal_not_cancellable", "Only a request no doctor has decided on yet can be cancelled.");
        }

        MoveTo(RenewalStatus.Cancelled, now, accountId, null);
    }

    /// <summary>
    /// The doctor approves and signs a prescription (domain rule 6: personally). A prescription sent back by the
    /// pharmacist is superseded by the new one; signed prescriptions themselves never change.
    /// </summary>
    public Prescription ApproveByDoctor(Signer signer, IReadOnlyList<PrescribedLine> lines, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(lines);
        EnsureWithDoctor();
        if (lines.Count != items.Count || lines.Select(l => l.ItemId).Distinct().Count() != items.Count || lines.Any(l => items.All(i => i.Id != l.ItemId)))
        {
            throw new DomainRuleException("lines_must_match_items", "The prescription must have exactly one line for each medicine asked for.");
        }

        if (lines.Any(l => l.DoseAmount <= 0 || l.DaysSupply < 1 || l.Quantity < 1))
        {
            throw new DomainRuleException("invalid_line", "Dose, days supply and quantity must be positive.");
        }

        foreach (var previous in prescriptions)
        {
            previous.Supersede();
        }

        var prescription = Prescription.Sign(this, prescriptions.Count + 1, signer, lines.Select(l => (items.Single(i => i.Id == l.ItemId), l)).ToList(), note, now);
        prescriptions.Add(prescription);
        DecidedByDoctorId = signer.DoctorId;
        DoctorDecidedAt = now;
        DoctorReason = null;
        PharmacistReason = null;
        MoveTo(RenewalStatus.DoctorApproved, now, signer.AccountId, $"prescription {prescription.Number} signed");
        return prescription;
    }

    public void RejectByDoctor(Signer doctor, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(doctor);
        EnsureWithDoctor();
        RequireText(reason, "reason_required", "A rejection needs a reason.");
        DecidedByDoctorId = doctor.DoctorId;
        DoctorDecidedAt = now;
        DoctorReason = reason.Trim();
        MoveTo(RenewalStatus.DoctorRejected, now, doctor.AccountId, DoctorReason);
    }

    /// <summary>The doctor wants to see the patient on video first; the patient is offered booking with this doctor.</summary>
    public void RequireVisit(Signer doctor, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(doctor);
        EnsureWithDoctor();
        RequireText(reason, "reason_required", "Say why a visit is needed.");
        DecidedByDoctorId = doctor.DoctorId;
        DoctorDecidedAt = now;
        DoctorReason = reason.Trim();
        MoveTo(RenewalStatus.VisitRequired, now, doctor.AccountId, DoctorReason);
    }

    /// <summary>
    /// The pharmacist approves the signed prescription (domain rule 7). A severe finding of the automated checks can only
    /// be overridden with a written justification. The fee in force is fixed now; without one the medicine may be collected.
    /// </summary>
    public PharmacistReview ApproveByPharmacist(Guid pharmacistAccountId, string pharmacistName, IReadOnlyList<Drugs.CheckFinding> findings, string? justification, decimal fee, string pickupCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(findings);
        EnsureStatus(RenewalStatus.DoctorApproved, "renewal_not_awaiting_review", "Only a prescription the doctor signed and no pharmacist has decided on can be approved.");
        if (findings.Any(f => f.Severity == Drugs.FindingSeverity.Severe) && (justification is null || justification.Trim().Length < PharmacistReview.MinimumJustificationLength))
        {
            throw new DomainRuleException("justification_required", "A severe finding can only be approved with a written justification.");
        }

        if (fee < 0)
        {
            throw new DomainRuleException("invalid_amount", "A fee cannot be negative.");
        }

        var review = new PharmacistReview(NewId.Next(), Id, CurrentPrescription!.Id, pharmacistAccountId, pharmacistName, now, approved: true, justification?.Trim(), findings);
        reviews.Add(review);
        FeeDue = decimal.Round(fee, 2);
        if (FeeDue == 0)
        {
            IssuePickupCode(pickupCode);
        }

        MoveTo(RenewalStatus.PharmacistApproved, now, pharmacistAccountId, review.Justification);
        return review;
    }

    /// <summary>The pharmacist sends the prescription back to the doctor with a reason.</summary>
    public PharmacistReview RejectByPharmacist(Guid pharmacistAccountId, string pharmacistName, IReadOnlyList<Drugs.CheckFinding> findings, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(findings);
        EnsureStatus(RenewalStatus.DoctorApproved, "renewal_not_awaiting_review", "Only a prescription the doctor signed and no pharmacist has decided on can be rejected.");
        RequireText(reason, "reason_required", "A rejection needs a reason.");
        var review = new PharmacistReview(NewId.Next(), Id, CurrentPrescription!.Id, pharmacistAccountId, pharmacistName, now, approved: false, reason.Trim(), findings);
        reviews.Add(review);
        PharmacistReason = reason.Trim();
        MoveTo(RenewalStatus.PharmacistRejected, now, pharmacistAccountId, PharmacistReason);
        return review;
    }

    /// <summary>Links the payment the patient started for the fee.</summary>
    public void AttachPayment(Guid paymentId)
    {
        if (!AwaitsPayment)
        {
            throw new DomainConflictException("renewal_not_awaiting_payment", "Nothing is to be paid for this request now.");
        }

        PaymentId = paymentId;
    }

    /// <summary>Records the fee as paid. Returns false (and changes nothing) when it already was.</summary>
    public bool MarkPaid(Guid paymentId, string pickupCode, DateTimeOffset now)
    {
        if (Status == RenewalStatus.Paid || PaidAt is not null)
        {
            return false;
        }

        if (!AwaitsPayment)
        {
            throw new DomainConflictException("renewal_not_awaiting_payment", "Nothing is to be paid for this request now.");
        }

        PaymentId = paymentId;
        PaidAt = now;
        IssuePickupCode(pickupCode);
        MoveTo(RenewalStatus.Paid, now, null, null);
        return true;
    }

    /// <summary>The pharmacy dispenses: prepared for collection, or handed to the courier with a tracking number.</summary>
    public void Dispense(Guid pharmacistAccountId, string? carrier, string? trackingNumber, DateTimeOffset now)
    {
        if (AwaitsPayment)
        {
            throw new DomainConflictException("payment_required", "The fee must be paid before the medicine is dispensed.");
        }

        if (!IsReadyToDispense)
        {
            throw new DomainConflictException("renewal_not_ready_to_dispense", "Only an approved (and, where a fee applies, paid) prescription can be dispensed.");
        }

        if (Fulfilment == Fulfilment.Delivery)
        {
            RequireText(carrier, "carrier_required", "Delivery needs the courier's name.");
            RequireText(trackingNumber, "tracking_number_required", "Delivery needs a tracking number.");
            Carrier = carrier!.Trim();
            TrackingNumber = trackingNumber!.Trim();
            DeliveryStatus = Renewals.DeliveryStatus.Shipped;
        }

        DispensedAt = now;
        DispensedByAccountId = pharmacistAccountId;
        MoveTo(RenewalStatus.Dispensed, now, pharmacistAccountId, TrackingNumber);
    }

    /// <summary>Tracking of a delivery moves forward only: shipped, in transit, out for delivery.</summary>
    public void UpdateDelivery(DeliveryStatus status, Guid accountId, DateTimeOffset now)
    {
        if (Status != RenewalStatus.Dispensed || Fulfilment != Fulfilment.Delivery)
        {
            throw new DomainConflictException("renewal_not_in_delivery", "Only a dispensed delivery can be tracked.");
        }

        if (status is Renewals.DeliveryStatus.Shipped or Renewals.DeliveryStatus.Delivered || status <= DeliveryStatus)
        {
            throw new DomainConflictException("invalid_delivery_status", $"A delivery that is {DeliveryStatus} cannot become {status}.");
        }

        DeliveryStatus = status;
        UpdatedAt = now;
        Record(now, accountId, status.ToString());
    }

    /// <summary>The patient collects at the window, showing the pickup code.</summary>
    public void MarkPickedUp(string pickupCode, Guid pharmacistAccountId, DateTimeOffset now)
    {
        if (Status != RenewalStatus.Dispensed || Fulfilment != Fulfilment.Pickup)
        {
            throw new DomainConflictException("renewal_not_awaiting_pickup", "Only dispensed medicine awaiting collection can be picked up.");
        }

        if (!string.Equals(PickupCode, pickupCode?.Trim(), StringComparison.Ordinal))
        {
            throw new DomainRuleException("pickup_code_mismatch", "The pickup code does not match this prescription.");
        }

        CompletedAt = now;
        MoveTo(RenewalStatus.PickedUp, now, pharmacistAccountId, null);
    }

    /// <summary>Handed over to the patient identified by their health code (the caller checked the scan instead of the pickup code).</summary>
    public void MarkPickedUp(Guid pharmacistAccountId, DateTimeOffset now)
    {
        if (Status != RenewalStatus.Dispensed || Fulfilment != Fulfilment.Pickup)
        {
            throw new DomainConflictException("renewal_not_awaiting_pickup", "Only dispensed medicine awaiting collection can be picked up.");
        }

        CompletedAt = now;
        MoveTo(RenewalStatus.PickedUp, now, pharmacistAccountId, "health code");
    }

    public void MarkDelivered(Guid accountId, DateTimeOffset now)
    {
        if (Status != RenewalStatus.Dispensed || Fulfilment != Fulfilment.Delivery)
        {
            throw new DomainConflictException("renewal_not_in_delivery", "Only a dispensed delivery can be marked delivered.");
        }

        DeliveryStatus = Renewals.DeliveryStatus.Delivered;
        CompletedAt = now;
        MoveTo(RenewalStatus.Delivered, now, accountId, null);
    }

    private void IssuePickupCode(string pickupCode)
    {
        if (Fulfilment == Fulfilment.Pickup && PickupCode is null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(pickupCode);
            PickupCode = pickupCode;
        }
    }

    private void EnsureWithDoctor()
    {
        if (Status is not (RenewalStatus.Submitted or RenewalStatus.PharmacistRejected))
        {
            throw new DomainConflictException("renewal_not_awaiting_doctor", "Only a new request, or one the pharmacist sent back, waits for a doctor's decision.");
        }
    }

    private void EnsureStatus(RenewalStatus expected, string code, string message)
    {
        if (Status != expected)
        {
            throw new DomainConflictException(code, message);
        }
    }

    private static void RequireText(string? text, string code, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(code, message);
        }
    }

    private void MoveTo(RenewalStatus status, DateTimeOffset now, Guid? actorAccountId, string? note)
    {
        Status = status;
        UpdatedAt = now;
        if (!IsOpenStatus(status))
        {
            foreach (var item in items)
            {
                item.Close();
            }
        }

        Record(now, actorAccountId, note);
    }

    private void Record(DateTimeOffset now, Guid? actorAccountId, string? note)
    {
        Version++;
        events.Add(new RenewalEvent(NewId.Next(), Id, events.Count + 1, now, Status, actorAccountId, note));
    }
}

/// <summary>One medicine in a request, as it was last prescribed, with the days supply asked for.</summary>
public sealed class RenewalItem
{
    private RenewalItem()
    {
        Line = DrugLine.Empty;
    }

    internal RenewalItem(RenewalRequest request, NewRenewalItem item)
    {
        Id = NewId.Next();
        RenewalRequestId = request.Id;
        PatientId = request.PatientId;
        DrugId = item.DrugId;
        Line = item.Line;
        DaysSupply = item.DaysSupply;
        Source = item.Source;
        SourcePrescriber = item.SourcePrescriber;
        LastDispensedOn = item.LastDispensedOn;
        IsOpen = true;
    }

    public Guid Id { get; private set; }
    public Guid RenewalRequestId { get; private set; }

    /// <summary>Copied from the request so the database can refuse two open requests for the same medicine.</summary>
    public Guid PatientId { get; private set; }

    public Guid DrugId { get; private set; }

    /// <summary>The medicine as it was last prescribed.</summary>
    public DrugLine Line { get; private set; }

    public int DaysSupply { get; private set; }
    public MedicationSource Source { get; private set; }
    public string? SourcePrescriber { get; private set; }
    public DateOnly? LastDispensedOn { get; private set; }

    /// <summary>True while the request is in progress (backs "no open request for the same medicine" with a unique index).</summary>
    public bool IsOpen { get; private set; }

    internal void Close() => IsOpen = false;
}

public sealed class RenewalRouting
{
    private RenewalRouting()
    {
    }

    internal RenewalRouting(Guid id, Guid renewalRequestId, Guid doctorId, RoutingReason reason)
    {
        Id = id;
        RenewalRequestId = renewalRequestId;
        DoctorId = doctorId;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid RenewalRequestId { get; private set; }
    public Guid DoctorId { get; private set; }
    public RoutingReason Reason { get; private set; }
}

/// <summary>One step in a request's history (domain rule 11: who, when, what).</summary>
public sealed class RenewalEvent
{
    private RenewalEvent()
    {
    }

    internal RenewalEvent(Guid id, Guid renewalRequestId, int sequence, DateTimeOffset at, RenewalStatus status, Guid? actorAccountId, string? note)
    {
        Id = id;
        RenewalRequestId = renewalRequestId;
        Sequence = sequence;
        At = at;
        Status = status;
        ActorAccountId = actorAccountId;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid RenewalRequestId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public RenewalStatus Status { get; private set; }
    public Guid? ActorAccountId { get; private set; }
    public string? Note { get; private set; }
}
