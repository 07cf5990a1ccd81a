using InternetHospital.Application.His;

namespace InternetHospital.Infrastructure.His.Demo;

/// <summary>The embedded demo HIS (the default): answers from <see cref="DemoHisData"/>, always fresh, never down.</summary>
internal sealed class DemoHisReader(DemoHisData data, TimeProvider clock) : IHisReader
{
    public Task<IReadOnlyList<HisPatient>> FindPatientsAsync(HisPatientQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<HisPatient> found = data.Patients
            .Where(p => (query.ResidentIdNumber is { } id && string.Equals(p.ResidentId, id.Trim(), StringComparison.OrdinalIgnoreCase))
                || (query.MedicalRecordNumber is { } mrn && string.Equals(p.Patient.MedicalRecordNumber, mrn.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Patient)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<HisSnapshot<IReadOnlyList<HisDiagnosis>>> GetDiagnosesAsync(string hisPatientId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshot(data.Diagnoses, hisPatientId));

    public Task<HisSnapshot<IReadOnlyList<HisMedication>>> GetMedicationsAsync(string hisPatientId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshot(data.Medications, hisPatientId));

    public Task<HisSnapshot<IReadOnlyList<HisAllergy>>> GetAllergiesAsync(string hisPatientId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshot(data.Allergies, hisPatientId));

    public Task<HisSnapshot<IReadOnlyList<HisEncounter>>> GetEncountersAsync(string hisPatientId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshot(data.Encounters, hisPatientId));

    public Task<HisSnapshot<IReadOnlyList<HisLabReport>>> GetLabReportsAsync(string hisPatientId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshot(data.LabReports, hisPatientId));

    public Task<HisSnapshot<IReadOnlyList<HisImagingReport>>> GetImagingReportsAsync(string hisPatientId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshot(data.ImagingReports, hisPatientId));

    private HisSnapshot<IReadOnlyList<T>> Snapshot<T>(Dictionary<string, IReadOnlyList<T>> source, string hisPatientId) =>
        new(source.TryGetValue(hisPatientId, out var values) ? values : [], clock.GetUtcNow());
}
