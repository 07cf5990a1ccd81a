using InternetHospital.Application.His;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>Writes a patient's record as a FHIR R4 Bundle (JSON). Infrastructure implements it with the FHIR SDK.</summary>
public interface IRecordBundleWriter
{
    string Write(PatientRecord record);
}

/// <summary>Everything "my record" holds, gathered by <see cref="ExportMyRecord"/>.</summary>
public sealed record PatientRecord(
    Guid PatientId,
    string FullName,
    DateOnly DateOfBirth,
    string Sex,
    string? HisPatientId,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<HisDiagnosis> Diagnoses,
    IReadOnlyList<HisMedication> Medications,
    IReadOnlyList<HisAllergy> Allergies,
    IReadOnlyList<HisEncounter> HisEncounters,
    IReadOnlyList<RecordVisit> Visits,
    IReadOnlyList<LabReport> LabReports)
{
    /// <summary>The patient's imaging studies (hospital and shared), written as ImagingStudy resources naming the PACS's UIDs.</summary>
    public IReadOnlyList<RecordImagingStudy> ImagingStudies { get; init; } = [];
}

/// <summary>An imaging study as "my record" lists it: the reference to the images in the PACS, not the images.</summary>
public sealed record RecordImagingStudy(string StudyInstanceUid, DateOnly? StudyDate, string? Description, string? Modalities, string? AccessionNumber, int SeriesCount, int InstanceCount);

/// <summary>An online visit with its signed note (the hash is what the doctor's signature covers).</summary>
public sealed record RecordVisit(
    Guid VisitId,
    DateTimeOffset Start,
    DateTimeOffset? End,
    string DoctorName,
    string ChiefComplaint,
    string History,
    string Assessment,
    string Plan,
    string FollowUpAdvice,
    IReadOnlyList<(string Icd10Code, string Description)> Diagnoses,
    string SignedByName,
    DateTimeOffset SignedAt,
    string ContentHash);
