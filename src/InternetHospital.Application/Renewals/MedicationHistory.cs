using InternetHospital.Application.His;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// A patient's medicines as renewals see them: the HIS list (the system of record, with its "as of" time) merged with
/// the prescriptions approved in this portal, each matched to the drug catalogue where possible, and the allergies on
/// record. Eligibility, the pharmacist's checks, routing and "My medications" all read from here.
/// </summary>
public interface IMedicationHistory
{
    Task<MedicationHistory> LoadAsync(Guid patientId, CancellationToken cancellationToken);

    /// <summary>The catalogue entry a HIS drug code means (the mapping table first, then the catalogue's own codes).</summary>
    Task<Drug?> FindByHisCodeAsync(string hisCode, CancellationToken cancellationToken);
}

/// <param name="RenewalRequestId">For a portal prescription: the request it came from.</param>
/// <param name="PrescriberDoctorId">For a portal prescription: the doctor who signed it.</param>
public sealed record PatientMedication(
    MedicationSource Source,
    string Code,
    Drug? Drug,
    string Name,
    string? NameEn,
    string Strength,
    string Dose,
    decimal? DoseAmount,
    string Frequency,
    string Route,
    string? Prescriber,
    DateOnly StartedOn,
    DateOnly? LastDispensedOn,
    int? DaysSupply,
    bool Active,
    Guid? RenewalRequestId = null,
    Guid? PrescriberDoctorId = null);

public sealed record MedicationHistory(
    Patient Patient,
    DateOnly Today,
    IReadOnlyList<PatientMedication> Medications,
    IReadOnlyList<HisAllergy> Allergies,
    bool HisLinked,
    DateTimeOffset? HisAsOf,
    bool HisStale,
    IReadOnlySet<Guid> DrugsWithOpenRequest)
{
    public int PatientAge => Patient.AgeOn(Today);

    public bool WasPrescribed(Guid drugId) => Medications.Any(m => m.Drug?.Id == drugId);

    /// <summary>The most recent record of a drug (active first), the one a renewal repeats.</summary>
    public PatientMedication? LatestOf(Guid drugId) => Medications
        .Where(m => m.Drug?.Id == drugId)
        .OrderByDescending(m => m.Active)
        .ThenByDescending(m => m.LastDispensedOn ?? m.StartedOn)
        .FirstOrDefault();

    /// <summary>Active medicines other than those given, for interaction and duplicate checks.</summary>
    public IReadOnlyList<OtherMedication> OtherActive(Guid? excludingRequestId) => Medications
        .Where(m => m.Active && (excludingRequestId is null || m.RenewalRequestId != excludingRequestId))
        .Select(m => new OtherMedication(m.Drug, m.NameEn is null ? m.Name : $"{m.Name} {m.NameEn}", m.Source == MedicationSource.His ? "his" : "portal"))
        .ToList();
}

internal sealed class MedicationHistoryLoader(IAppDbContext db, IHisReader his, IOptions<HospitalOptions> hospital, TimeProvider clock) : IMedicationHistory
{
    /// <summary>States in which a portal prescription counts as given to the patient (a pharmacist approved it).</summary>
    internal static readonly RenewalStatus[] Prescribed =
        [RenewalStatus.PharmacistApproved, RenewalStatus.Paid, RenewalStatus.Dispensed, RenewalStatus.PickedUp, RenewalStatus.Delivered];

    public async Task<MedicationHistory> LoadAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, hospital.Value.TimeZoneInfo).DateTime);

        var medications = new List<PatientMedication>();
        IReadOnlyList<HisAllergy> allergies = [];
        DateTimeOffset? asOf = null;
        var stale = false;
        if (patient.HisPatientId is { } hisId)
        {
            var hisMedications = await his.GetMedicationsAsync(hisId, cancellationToken);
            var hisAllergies = await his.GetAllergiesAsync(hisId, cancellationToken);
            allergies = hisAllergies.Value;
            asOf = hisMedications.AsOf < hisAllergies.AsOf ? hisMedications.AsOf : hisAllergies.AsOf;
            stale = hisMedications.IsStale || hisAllergies.IsStale;
            var drugs = await ResolveAsync(hisMedications.Value.Select(m => m.DrugCode).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            medications.AddRange(hisMedications.Value.Select(m =>
            {
                var drug = drugs.GetValueOrDefault(m.DrugCode);
                return new PatientMedication(
                    MedicationSource.His, m.DrugCode, drug, drug?.GenericName ?? m.DrugName, drug?.GenericNameEn, m.Strength, m.Dose,
                    DoseFrequency.ParseAmount(m.Dose), m.Frequency, m.Route, m.Prescriber, m.StartedOn, m.LastDispensedOn, m.DaysSupply, m.Active);
            }));
        }

        var prescribed = await db.RenewalRequests.AsNoTracking()
            .Where(r => r.PatientId == patientId && Prescribed.Contains(r.Status))
            .Include(r => r.Prescriptions).ThenInclude(p => p.Lines)
            .Include(r => r.Reviews)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var prescribedDrugIds = prescribed.SelectMany(r => r.Prescriptions).SelectMany(p => p.Lines).Select(l => l.DrugId).Distinct().ToList();
        var catalogue = await db.Drugs.AsNoTracking().Where(d => prescribedDrugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        foreach (var request in prescribed)
        {
            var prescription = request.CurrentPrescription!;
            var approvedAt = request.Reviews.Where(r => r.Approved).Select(r => r.At).DefaultIfEmpty(prescription.SignedAt).Max();
            var start = ToHospitalDate(request.DispensedAt ?? approvedAt);
            foreach (var line in prescription.Lines)
            {
                medications.Add(new PatientMedication(
                    MedicationSource.Portal, line.Line.DrugCode, catalogue.GetValueOrDefault(line.DrugId), line.Line.DrugName, line.Line.DrugNameEn, line.Line.Strength,
                    line.Line.DoseText(), line.Line.DoseAmount, line.Line.Frequency, line.Line.Route, prescription.DoctorName,
                    ToHospitalDate(prescription.SignedAt), request.DispensedAt is { } dispensed ? ToHospitalDate(dispensed) : null, line.DaysSupply,
                    Active: start.AddDays(line.DaysSupply) >= today, request.Id, prescription.DoctorId));
            }
        }

        var open = await db.RenewalRequests.AsNoTracking()
            .Where(r => r.PatientId == patientId)
            .SelectMany(r => r.Items)
            .Where(i => i.IsOpen)
            .Select(i => i.DrugId)
            .ToListAsync(cancellationToken);

        return new MedicationHistory(
            patient,
            today,
            medications.OrderByDescending(m => m.Active).ThenByDescending(m => m.LastDispensedOn ?? m.StartedOn).ToList(),
            allergies,
            patient.HisPatientId is not null,
            asOf,
            stale,
            open.ToHashSet());

        DateOnly ToHospitalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, hospital.Value.TimeZoneInfo).DateTime);
    }

    public async Task<Drug?> FindByHisCodeAsync(string hisCode, CancellationToken cancellationToken) =>
        (await ResolveAsync([hisCode], cancellationToken)).GetValueOrDefault(hisCode);

    private async Task<Dictionary<string, Drug>> ResolveAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var mapped = await (
            from mapping in db.DrugCodeMappings.AsNoTracking()
            join drug in db.Drugs.AsNoTracking() on mapping.DrugId equals drug.Id
            where codes.Contains(mapping.HisCode)
            select new { mapping.HisCode, drug })
            .ToListAsync(cancellationToken);
        var result = mapped.ToDictionary(m => m.HisCode, m => m.drug, StringComparer.Ordinal);
        var unmapped = codes.Where(c => !result.ContainsKey(c)).ToList();
        if (unmapped.Count > 0)
        {
            // Note: a HIS that already uses the catalogue's codes needs no mapping rows.
            foreach (var drug in await db.Drugs.AsNoTracking().Where(d => unmapped.Contains(d.Code)).ToListAsync(cancellationToken))
            {
                result[drug.Code] = drug;
            }
        }

        return result;
    }
}
