namespace InternetHospital.Application.His;

/// <summary>
/// The read side of the hospital information system (HIS), the system of record for diagnoses, medications,
/// allergies and encounters. Adapters (embedded demo, FHIR R4, ...) implement it; features never talk to a HIS
/// directly. Every answer says how fresh it is, because a HIS that is down is answered from the last copy.
/// </summary>
public interface IHisReader
{
    /// <summary>Finds HIS patients by a resident ID number or medical record number (identity matching).</summary>
    Task<IReadOnlyList<HisPatient>> FindPatientsAsync(HisPatientQuery query, CancellationToken cancellationToken);

    Task<HisSnapshot<IReadOnlyList<HisDiagnosis>>> GetDiagnosesAsync(string hisPatientId, CancellationToken cancellationToken);

    Task<HisSnapshot<IReadOnlyList<HisMedication>>> GetMedicationsAsync(string hisPatientId, CancellationToken cancellationToken);

    Task<HisSnapshot<IReadOnlyList<HisAllergy>>> GetAllergiesAsync(string hisPatientId, CancellationToken cancellationToken);

    Task<HisSnapshot<IReadOnlyList<HisEncounter>>> GetEncountersAsync(string hisPatientId, CancellationToken cancellationToken);

    /// <summary>Laboratory reports (FHIR DiagnosticReport with its Observations), newest first.</summary>
    Task<HisSnapshot<IReadOnlyList<HisLabReport>>> GetLabReportsAsync(string hisPatientId, CancellationToken cancellationToken);

    /// <summary>Radiology reports (FHIR DiagnosticReport of category RAD), linked to their study by study UID or accession number.</summary>
    Task<HisSnapshot<IReadOnlyList<HisImagingReport>>> GetImagingReportsAsync(string hisPatientId, CancellationToken cancellationToken);
}

/// <summary>What the HIS said and when: <see cref="IsStale"/> means the HIS could not be reached and this is the last known copy.</summary>
public sealed record HisSnapshot<T>(T Value, DateTimeOffset AsOf, bool IsStale = false);

public sealed record HisPatientQuery(string? ResidentIdNumber = null, string? MedicalRecordNumber = null);

public sealed record HisPatient(string HisPatientId, string MedicalRecordNumber, string FullName, DateOnly DateOfBirth, string Sex);

/// <summary>A diagnosis on record. <see cref="InPerson"/> is what the online follow-up rule looks for (domain rule 1).</summary>
public sealed record HisDiagnosis(
    string Icd10Code,
    string Description,
    DateOnly DiagnosedOn,
    bool InPerson,
    string? DepartmentCode,
    string? Practitioner);

public sealed record HisMedication(
    string DrugCode,
    string DrugName,
    string Strength,
    string Dose,
    string Frequency,
    string Route,
    string? Prescriber,
    DateOnly StartedOn,
    DateOnly? LastDispensedOn,
    int? DaysSupply,
    bool Active);

public sealed record HisAllergy(string Substance, string Reaction, string Severity, DateOnly? RecordedOn);

public sealed record HisEncounter(string EncounterId, DateTimeOffset Start, string Kind, string? DepartmentCode, string? Practitioner, string? Summary);

/// <summary>
/// A laboratory report as the HIS issued it. <paramref name="ReportId"/> is the HIS's own id (FHIR DiagnosticReport id,
/// HL7 v2 OBR-3 filler order number): a corrected report comes again under the same id and replaces the first.
/// </summary>
/// <param name="CodeSystem"><c>LN</c> for LOINC, anything else is the HIS's local code system.</param>
/// <param name="Status"><c>final</c>, <c>corrected</c> or <c>preliminary</c>.</param>
/// <param name="OrderingDoctorLicence">The ordering doctor's licence number (what identifies a doctor across systems).</param>
public sealed record HisLabReport(
    string ReportId,
    string Code,
    string? CodeSystem,
    string Name,
    string Status,
    DateTimeOffset IssuedAt,
    string? OrderingDoctorLicence,
    string? OrderingDoctorName,
    IReadOnlyList<HisLabObservation> Observations);

/// <summary>
/// A radiologist's report on an imaging study. <paramref name="StudyInstanceUid"/> (FHIR DiagnosticReport.imagingStudy's
/// ImagingStudy identifier) or <paramref name="AccessionNumber"/> (DiagnosticReport.identifier of type ACSN, the
/// number the PACS holds too) ties it to the study in the PACS.
/// </summary>
public sealed record HisImagingReport(
    string ReportId,
    string? StudyInstanceUid,
    string? AccessionNumber,
    string Conclusion,
    DateTimeOffset IssuedAt,
    string? Author,
    string Status);

/// <summary>One result value. <paramref name="Flag"/> is the HL7 abnormal flag (L, H, LL, HH, A, AA, N) or null.</summary>
public sealed record HisLabObservation(
    string Code,
    string? CodeSystem,
    string Name,
    decimal? Value,
    string? ValueText,
    string? Unit,
    decimal? Low,
    decimal? High,
    string? RangeText,
    string? Flag,
    DateTimeOffset? ObservedAt);

/// <summary>
/// The HIS could not be reached and there is no copy recent enough to serve (HTTP 503, code <c>his_unavailable</c>).
/// Features that can do without HIS data catch it; the others let the page say "try again later".
/// </summary>
public sealed class HisUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
