using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using InternetHospital.Application.His;
using InternetHospital.Infrastructure.His.Delivery;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace InternetHospital.Infrastructure.His.Fhir;

/// <summary>
/// Reads a patient's record from a FHIR R4 server: Patient (by identifier, searched with POST so that an identity
/// number never appears in a URL or an access log), Condition (+ its Encounter, to tell in-person diagnoses),
/// MedicationRequest (+ MedicationDispense) and MedicationStatement, AllergyIntolerance, Encounter. Always live: the
/// caching and the stale fallback are <see cref="CachingHisReader"/>'s job.
/// </summary>
internal sealed class FhirHisReader : IHisReader
{
    public const string HttpClientName = "his-fhir-reader";

    private readonly IHttpClientFactory httpClients;
    private readonly HisOptions options;
    private readonly FhirReadMapper mapper;
    private readonly ResiliencePipeline retry;

    public FhirHisReader(IHttpClientFactory httpClients, IOptions<HisOptions> options)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        mapper = new FhirReadMapper(options.Value.Identifiers);
        retry = options.Value.FhirReader.Attempts <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.Value.FhirReader.Attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                ShouldHandle = new PredicateBuilder().Handle<HisDeliveryException>(e => e.Failure == HisFailure.Unreachable),
            }).Build();
    }

    public async Task<IReadOnlyList<HisPatient>> FindPatientsAsync(HisPatientQuery query, CancellationToken cancellationToken)
    {
        var ids = options.Identifiers;
        var criteria = query.ResidentIdNumber is { Length: > 0 } resident
            ? $"{ids.ResidentIdSystem}|{resident.Trim().ToUpperInvariant()}"
            : query.MedicalRecordNumber is { Length: > 0 } mrn
                ? $"{ids.MedicalRecordNumberSystem}|{mrn.Trim()}"
                : throw new ArgumentException("Give a resident ID number or a medical record number.", nameof(query));
        var bundle = await SearchAsync(client => client.SearchUsingPostAsync<Patient>(new SearchParams().Where("identifier=" + criteria), cancellationToken), cancellationToken);
        return Resources<Patient>(bundle).Select(mapper.Patient).ToList();
    }

    public async Task<HisSnapshot<IReadOnlyList<HisDiagnosis>>> GetDiagnosesAsync(string hisPatientId, CancellationToken cancellationToken)
    {
        var bundle = await SearchAsync(client => client.SearchAsync<Condition>(ForPatient(hisPatientId).Add("_include", "Condition:encounter"), cancellationToken), cancellationToken);
        var encounters = Resources<Encounter>(bundle).Where(e => e.Id is not null).ToDictionary(e => "Encounter/" + e.Id, StringComparer.Ordinal);
        return Snapshot<IReadOnlyList<HisDiagnosis>>(Resources<Condition>(bundle).Select(c => mapper.Diagnosis(c, encounters)).OrderByDescending(d => d.DiagnosedOn).ToList());
    }

    public async Task<HisSnapshot<IReadOnlyList<HisMedication>>> GetMedicationsAsync(string hisPatientId, CancellationToken cancellationToken)
    {
        var requests = await SearchAsync(client => client.SearchAsync<MedicationRequest>(ForPatient(hisPatientId).Add("_revinclude", "MedicationDispense:prescription"), cancellationToken), cancellationToken);
        var statements = await SearchAsync(client => client.SearchAsync<MedicationStatement>(ForPatient(hisPatientId), cancellationToken), cancellationToken);
        var dispenses = Resources<MedicationDispense>(requests).ToList();
        var orders = Resources<MedicationRequest>(requests).ToList();
        var orderRefs = orders.Select(o => "MedicationRequest/" + o.Id).ToHashSet(StringComparer.Ordinal);
        var medications = orders.Select(o => mapper.Medication(o, dispenses))
            .Concat(Resources<MedicationStatement>(statements)
                .Where(s => !s.DerivedFrom.Any(d => d.Reference is { } r && orderRefs.Contains(r)))
                .Select(mapper.Medication))
            .OrderByDescending(m => m.Active).ThenByDescending(m => m.StartedOn)
            .ToList();
        return Snapshot<IReadOnlyList<HisMedication>>(medications);
    }

    public async Task<HisSnapshot<IReadOnlyList<HisAllergy>>> GetAllergiesAsync(string hisPatientId, CancellationToken cancellationToken)
    {
        var bundle = await SearchAsync(client => client.SearchAsync<AllergyIntolerance>(ForPatient(hisPatientId), cancellationToken), cancellationToken);
        return Snapshot<IReadOnlyList<HisAllergy>>(Resources<AllergyIntolerance>(bundle).Select(FhirReadMapper.Allergy).ToList());
    }

    public async Task<HisSnapshot<IReadOnlyList<HisEncounter>>> GetEncountersAsync(string hisPatientId, CancellationToken cancellationToken)
    {
        var query = ForPatient(hisPatientId).OrderBy("date", SortOrder.Descending).LimitTo(options.FhirReader.EncounterCount);
        var bundle = await SearchAsync(client => client.SearchAsync<Encounter>(query, cancellationToken), cancellationToken);
        return Snapshot<IReadOnlyList<HisEncounter>>(Resources<Encounter>(bundle).Select(FhirReadMapper.Encounter).OrderByDescending(e => e.Start).ToList());
    }

    public async Task<HisSnapshot<IReadOnlyList<HisLabReport>>> GetLabReportsAsync(string hisPatientId, CancellationToken cancellationToken)
    {
        // Laboratory reports only (category LAB); their values come in the same answer through _include.
        var query = ForPatient(hisPatientId).Where("category=LAB").Add("_include", "DiagnosticReport:result").OrderBy("date", SortOrder.Descending);
        var bundle = await SearchAsync(client => client.SearchAsync<DiagnosticReport>(query, cancellationToken), cancellationToken);
        var observations = Resources<Observation>(bundle).Where(o => o.Id is not null).ToDictionary(o => "Observation/" + o.Id, StringComparer.Ordinal);
        return Snapshot<IReadOnlyList<HisLabReport>>(Resources<DiagnosticReport>(bundle)
            .Where(r => r.Status is not (DiagnosticReport.DiagnosticReportStatus.EnteredInError or DiagnosticReport.DiagnosticReportStatus.Cancelled or DiagnosticReport.DiagnosticReportStatus.Registered))
            .Select(r => mapper.LabReport(r, observations))
            .OrderByDescending(r => r.IssuedAt)
            .ToList());
    }

    public async Task<HisSnapshot<IReadOnlyList<HisImagingReport>>> GetImagingReportsAsync(string hisPatientId, CancellationToken cancellationToken)
    {
        // Radiology reports (category RAD, HL7 v2 table 0074); the study is named by its UID or accession number.
        var query = ForPatient(hisPatientId).Where("category=RAD").OrderBy("date", SortOrder.Descending);
        var bundle = await SearchAsync(client => client.SearchAsync<DiagnosticReport>(query, cancellationToken), cancellationToken);
        return Snapshot<IReadOnlyList<HisImagingReport>>(Resources<DiagnosticReport>(bundle)
            .Where(r => r.Status is not (DiagnosticReport.DiagnosticReportStatus.EnteredInError or DiagnosticReport.DiagnosticReportStatus.Cancelled or DiagnosticReport.DiagnosticReportStatus.Registered))
            .Select(FhirReadMapper.ImagingReport)
            .OfType<HisImagingReport>()
            .OrderByDescending(r => r.IssuedAt)
            .ToList());
    }

    private static SearchParams ForPatient(string hisPatientId) => new SearchParams().Where("patient=" + hisPatientId).LimitTo(200);

    private static IEnumerable<T> Resources<T>(Bundle? bundle) where T : Resource =>
        bundle?.Entry.Select(e => e.Resource).OfType<T>() ?? [];

    // Note: the snapshot's time is stamped by the cache (it owns the clock); a live read is fresh by definition.
    private static HisSnapshot<T> Snapshot<T>(T value) => new(value, DateTimeOffset.MinValue);

    private async Task<Bundle?> SearchAsync(Func<FhirClient, Task<Bundle?>> search, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.ExecuteAsync(
                async _ =>
                {
                    using var client = FhirClients.Create(httpClients.CreateClient(HttpClientName), options.FhirReader.BaseUrl!);
                    return await FhirClients.CallAsync(() => search(client));
                },
                cancellationToken);
        }
        catch (HisDeliveryException exception)
        {
            throw new HisUnavailableException("The HIS could not be read: " + exception.Message, exception);
        }
    }
}
