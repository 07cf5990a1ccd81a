using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.His;

/// <summary>
/// The write side of the HIS: features hand it what the HIS must learn (an appointment booked, an encounter
/// completed, a prescription approved). The message joins the current unit of work, so it is saved in the same
/// transaction as the change that caused it and delivered later, exactly once, even if the HIS is down.
/// </summary>
public interface IHisOutbox
{
    void Enqueue(Guid patientId, HisMessage message);
}

/// <summary>Something the HIS must be told. Each kind is a record below; adapters map them to FHIR resources or HL7 v2 messages.</summary>
public abstract record HisMessage
{
    /// <summary>A stable name of the message kind, stored with it (e.g. <c>appointment.booked</c>).</summary>
    public abstract string Kind { get; }
}

public sealed record PatientRegisteredMessage(Guid PatientId, string FullName, DateOnly DateOfBirth, string Sex, string Mobile) : HisMessage
{
    public override string Kind => "patient.registered";
}

public sealed record AppointmentBookedMessage(Guid AppointmentId, Guid PatientId, Guid DoctorId, string DepartmentCode, DateTimeOffset Start, DateTimeOffset End, string VisitType) : HisMessage
{
    public override string Kind => "appointment.booked";
}

public sealed record AppointmentRescheduledMessage(Guid AppointmentId, Guid PatientId, Guid DoctorId, DateTimeOffset Start, DateTimeOffset End) : HisMessage
{
    public override string Kind => "appointment.rescheduled";
}

/// <summary>
/// The appointment changed in a way other than its time (another doctor took it over, another department or visit
/// type): the message carries the appointment as it now is, and <paramref name="Change"/> says in words what changed.
/// A change of time is <see cref="AppointmentRescheduledMessage"/>.
/// </summary>
public sealed record AppointmentModifiedMessage(
    Guid AppointmentId,
    Guid PatientId,
    Guid DoctorId,
    string DepartmentCode,
    DateTimeOffset Start,
    DateTimeOffset End,
    string VisitType,
    string Change) : HisMessage
{
    public override string Kind => "appointment.modified";
}

public sealed record AppointmentCancelledMessage(Guid AppointmentId, Guid PatientId, string Reason) : HisMessage
{
    public override string Kind => "appointment.cancelled";
}

public sealed record EncounterCompletedMessage(
    Guid EncounterId,
    Guid AppointmentId,
    Guid PatientId,
    Guid DoctorId,
    DateTimeOffset CompletedAt,
    IReadOnlyList<EncounterDiagnosis> Diagnoses,
    string Note,
    string NoteHash) : HisMessage
{
    public override string Kind => "encounter.completed";
}

public sealed record EncounterDiagnosis(string Icd10Code, string Description);

public sealed record PrescriptionApprovedMessage(
    Guid PrescriptionId,
    Guid PatientId,
    Guid DoctorId,
    Guid PharmacistAccountId,
    DateTimeOffset ApprovedAt,
    IReadOnlyList<PrescriptionLine> Lines) : HisMessage
{
    public override string Kind => "prescription.approved";
}

/// <summary>
/// A home reading the patient (or someone acting for them) entered: what was measured, when, and how the portal judged
/// it against the targets (<paramref name="Flag"/>: Normal, OutOfTarget or Dangerous). Patient-reported, not a device
/// feed. <paramref name="Measured"/> is BloodPressure, HeartRate, BloodGlucose or Weight; only its values are set.
/// </summary>
public sealed record HomeMeasurementRecordedMessage(
    Guid MeasurementId,
    Guid PatientId,
    string Measured,
    int? Systolic,
    int? Diastolic,
    int? HeartRate,
    decimal? GlucoseMmolPerLitre,
    string? GlucoseTiming,
    decimal? WeightKg,
    DateTimeOffset MeasuredAt,
    string Flag) : HisMessage
{
    public override string Kind => "measurement.recorded";
}

/// <summary>One line of an approved prescription as the HIS receives it (its wire format: both names in one, the dose as text).</summary>
public sealed record PrescriptionLine(string DrugCode, string DrugName, string Strength, string Dose, string Frequency, string Route, int Quantity, int DaysSupply)
{
    public static PrescriptionLine From(DrugLine line, int quantity, int daysSupply) => new(
        line.DrugCode, $"{line.DrugName} {line.DrugNameEn}", line.Strength, line.DoseText(), line.Frequency, line.Route, quantity, daysSupply);
}

/// <summary>
/// The emergency department accepted an ambulance case: register the patient for an emergency visit before arrival
/// (HL7 ADT^A04 with patient class E; FHIR Encounter with class EMER), so the wristband and first orders are ready at
/// the door. <paramref name="PatientId"/> is null for a patient not yet identified: the HIS gets a temporary identity
/// keyed by the case (sex and estimated age only), merged later by <see cref="EmergencyPatientIdentifiedMessage"/>.
/// Emergency messages are queued under the case id, so the registration and the merge reach the HIS in that order.
/// </summary>
public sealed record EmergencyRegisteredMessage(
    Guid CaseId,
    Guid? PatientId,
    string FacilityCode,
    int? TriageLevel,
    string Pathway,
    string? ChiefComplaint,
    DateTimeOffset? ExpectedArrival,
    string? UnknownSex,
    int? EstimatedAge,
    DateTimeOffset AcceptedAt) : HisMessage
{
    public override string Kind => "emergency.registered";
}

/// <summary>
/// An emergency patient registered as unknown was identified: the HIS merges the temporary identity into the record
/// (HL7 ADT^A40 with the temporary id in MRG; FHIR: the emergency Encounter again with the real subject, and the
/// temporary Patient deactivated and linked as replaced-by). Carries the registration's facts so the Encounter can be
/// written whole.
/// </summary>
public sealed record EmergencyPatientIdentifiedMessage(
    Guid CaseId,
    Guid PatientId,
    string FacilityCode,
    int? TriageLevel,
    string Pathway,
    DateTimeOffset AcceptedAt,
    DateTimeOffset IdentifiedAt) : HisMessage
{
    public override string Kind => "emergency.identified";
}
