using InternetHospital.Application.His;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <remarks>The SPA reads the drug line's fields flat on the item (this is its contract), so the view spells them out.</remarks>
public sealed record RenewalItemView(
    Guid Id,
    Guid DrugId,
    string DrugCode,
    string DrugName,
    string DrugNameEn,
    string Strength,
    decimal DoseAmount,
    string DoseUnit,
    string Frequency,
    string Route,
    int DaysSupply,
    MedicationSource Source,
    string? SourcePrescriber,
    DateOnly? LastDispensedOn)
{
    public static RenewalItemView From(RenewalItem i) => new(
        i.Id, i.DrugId, i.Line.DrugCode, i.Line.DrugName, i.Line.DrugNameEn, i.Line.Strength, i.Line.DoseAmount, i.Line.DoseUnit, i.Line.Frequency, i.Line.Route,
        i.DaysSupply, i.Source, i.SourcePrescriber, i.LastDispensedOn);
}

public sealed record PrescriptionLineView(
    Guid ItemId,
    Guid DrugId,
    string DrugCode,
    string DrugName,
    string DrugNameEn,
    string Strength,
    decimal DoseAmount,
    string DoseUnit,
    string Frequency,
    string Route,
    int DaysSupply,
    int Quantity)
{
    public static PrescriptionLineView From(PrescriptionItem l) => new(
        l.RenewalItemId, l.DrugId, l.Line.DrugCode, l.Line.DrugName, l.Line.DrugNameEn, l.Line.Strength, l.Line.DoseAmount, l.Line.DoseUnit, l.Line.Frequency, l.Line.Route,
        l.DaysSupply, l.Quantity);
}

/// <summary>A signed prescription: who signed, when, and the content hash (and whether the content still matches it).</summary>
public sealed record PrescriptionView(
    Guid Id,
    int Number,
    Guid DoctorId,
    string DoctorName,
    DateTimeOffset SignedAt,
    string ContentHash,
    bool Intact,
    bool Superseded,
    string? Note,
    IReadOnlyList<PrescriptionLineView> Lines)
{
    public static PrescriptionView From(Prescription p) => new(
        p.Id, p.Number, p.DoctorId, p.DoctorName, p.SignedAt, p.ContentHash, p.IsIntact(), p.Superseded, p.Note,
        p.Lines.Select(PrescriptionLineView.From).ToList());
}

public sealed record CheckAnswersView(bool NewSymptoms, bool SideEffects, bool HospitalStay, bool Pregnancy, string? Details)
{
    public static CheckAnswersView From(RenewalRequest r) => new(r.NewSymptoms, r.SideEffects, r.HospitalStay, r.Pregnancy, r.PatientNote);
}

/// <summary>Who asked for the patient (a guardian or proxy) as the doctor and pharmacist see it: "Attending: 周敏 (guardian)".</summary>
public sealed record RenewalAttendingView(string Name, string Relation, bool GuardianPresent)
{
    public static RenewalAttendingView? From(RenewalRequest r) =>
        r.AttendingName is null || r.AttendingRelation is null ? null : new RenewalAttendingView(r.AttendingName, r.AttendingRelation, r.GuardianPresent);
}

public sealed record DeliveryView(string? Address, string? Carrier, string? TrackingNumber, DeliveryStatus? Status);

public sealed record RenewalEventView(int Sequence, DateTimeOffset At, RenewalStatus Status, string? Note);

public sealed record RenewalItemBrief(string DrugName, string DrugNameEn, string Strength, int DaysSupply);

/// <summary>A line of a list of requests.</summary>
public sealed record RenewalSummary(
    Guid Id,
    string Reference,
    Guid PatientId,
    string? PatientName,
    RenewalStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    Fulfilment Fulfilment,
    bool IsFlagged,
    bool AwaitsPayment,
    bool ReadyToCollect,
    IReadOnlyList<RenewalItemBrief> Items,
    string? RoutingReason = null)
{
    public static RenewalSummary From(RenewalRequest r, string? patientName = null, RoutingReason? routing = null) => new(
        r.Id, r.Reference, r.PatientId, patientName, r.Status, r.SubmittedAt, r.UpdatedAt, r.Fulfilment, r.IsFlagged, r.AwaitsPayment,
        r.Fulfilment == Fulfilment.Pickup && (r.IsReadyToDispense || r.Status == RenewalStatus.Dispensed),
        r.Items.Select(i => new RenewalItemBrief(i.Line.DrugName, i.Line.DrugNameEn, i.Line.Strength, i.DaysSupply)).ToList(),
        routing?.ToString() ?? (r.OpenToAllDoctors ? "OpenToAll" : null));
}

/// <summary>What the patient sees of their request. The pickup code only once the medicine may be collected.</summary>
public sealed record PatientRenewalView(
    Guid Id,
    string Reference,
    Guid PatientId,
    RenewalStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    Fulfilment Fulfilment,
    CheckAnswersView Answers,
    IReadOnlyList<string> Flags,
    IReadOnlyList<RenewalItemView> Items,
    PrescriptionView? Prescription,
    string? DoctorReason,
    Guid? VisitDoctorId,
    decimal FeeDue,
    string Currency,
    Guid? PaymentId,
    DateTimeOffset? PaidAt,
    bool AwaitsPayment,
    bool CanCancel,
    bool ReadyToCollect,
    string? PickupCode,
    DeliveryView? Delivery,
    IReadOnlyList<RenewalEventView> History)
{
    /// <param name="currency">The hospital's payment currency (fees are set and charged in it).</param>
    public static PatientRenewalView From(RenewalRequest r, string currency)
    {
        var prescription = r.CurrentPrescription;
        var pharmacistApproved = MedicationHistoryLoader.Prescribed.Contains(r.Status);
        var readyToCollect = r.Fulfilment == Fulfilment.Pickup && (r.IsReadyToDispense || r.Status == RenewalStatus.Dispensed);
        return new PatientRenewalView(
            r.Id, r.Reference, r.PatientId, r.Status, r.SubmittedAt, r.UpdatedAt, r.Fulfilment, CheckAnswersView.From(r), r.Flags,
            r.Items.Select(RenewalItemView.From).ToList(),

            // Note: the patient sees the prescription once the pharmacist approved it (it does not take effect before: rule 7).
            pharmacistApproved && prescription is not null ? PrescriptionView.From(prescription) : null,
            r.Status is RenewalStatus.DoctorRejected or RenewalStatus.VisitRequired ? r.DoctorReason : null,
            r.Status == RenewalStatus.VisitRequired ? r.DecidedByDoctorId : null,
            r.FeeDue,
            currency,
            r.PaymentId,
            r.PaidAt,
            r.AwaitsPayment,
            r.Status == RenewalStatus.Submitted,
            readyToCollect,
            readyToCollect ? r.PickupCode : null,
            r.Fulfilment == Fulfilment.Delivery ? new DeliveryView(r.DeliveryAddress, r.Carrier, r.TrackingNumber, r.DeliveryStatus) : null,

            // Note: staff notes (a pharmacist's justification or reason) are for the care team; the patient sees the steps.
            r.Events.OrderBy(e => e.Sequence).Select(e => new RenewalEventView(e.Sequence, e.At, e.Status, null)).ToList());
    }
}

public sealed record PatientBrief(Guid Id, string Name, int Age, Sex Sex, string MaskedIdNumber)
{
    public static PatientBrief From(MedicationHistory history) =>
        new(history.Patient.Id, history.Patient.FullName, history.PatientAge, history.Patient.Sex, history.Patient.IdNumberMasked);
}

public sealed record AllergyView(string Substance, string Reaction, string Severity, DateOnly? RecordedOn)
{
    public static AllergyView From(HisAllergy a) => new(a.Substance, a.Reaction, a.Severity, a.RecordedOn);
}

/// <summary>A medicine on record as staff and the patient see it.</summary>
public sealed record MedicationView(
    MedicationSource Source,
    string Code,
    Guid? DrugId,
    string Name,
    string? NameEn,
    string Strength,
    string Dose,
    string Frequency,
    string Route,
    string? Prescriber,
    DateOnly StartedOn,
    DateOnly? LastDispensedOn,
    int? DaysSupply,
    bool Active,
    string? AtcCode,
    bool SpecialControl)
{
    public static MedicationView From(PatientMedication m) => new(
        m.Source, m.Code, m.Drug?.Id, m.Name, m.NameEn, m.Strength, m.Dose, m.Frequency, m.Route, m.Prescriber, m.StartedOn, m.LastDispensedOn,
        m.DaysSupply, m.Active, m.Drug?.AtcCode, m.Drug?.IsSpecialControl ?? false);
}

/// <summary>The catalogue's limits for a line, so the doctor's form can warn before signing.</summary>
public sealed record DrugLimits(int MaxDaysSupply, decimal MinDailyDose, decimal MaxDailyDose, string DoseUnit, decimal StrengthValue, string Form, string FormEn)
{
    public static DrugLimits For(Drug drug, int longPrescriptionLimit) => new(
        RenewalEligibility.MaxDaysSupply(drug, longPrescriptionLimit), drug.MinDailyDose, drug.MaxDailyDose, drug.DoseUnit, drug.StrengthValue, drug.Form, drug.FormEn);
}

public sealed record ReviewView(
    Guid Id,
    Guid PrescriptionId,
    string PharmacistName,
    DateTimeOffset At,
    bool Approved,
    string? Justification,
    string? Reason,
    FindingSeverity? HighestSeverity)
{
    public static ReviewView From(PharmacistReview r) => new(r.Id, r.PrescriptionId, r.PharmacistName, r.At, r.Approved, r.Justification, r.Reason, r.HighestSeverity);
}
