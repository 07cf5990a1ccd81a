using InternetHospital.Application.His;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// Everything the team needs on one page about a signed patient: who they are (ID masked), their conditions,
/// allergies, medications and recent visits from the HIS (with how fresh that is), home readings, follow-up plans,
/// open alerts and the contract. Only a member of the team whose contract is in force may read it; every read is
/// audit-logged.
/// </summary>
public sealed partial record GetFamilyPatientSummary(Guid PatientId) : IQuery<FamilyPatientSummary>
{
    public const int ReadingDays = 90;

    public sealed partial class Handler(
        IAppDbContext db,
        IFamilyAccess access,
        IHisReader his,
        IAuditLog audit,
        InstitutionReads reads,
        TimeProvider clock,
        ILogger<GetFamilyPatientSummary> logger) : IQueryHandler<GetFamilyPatientSummary, FamilyPatientSummary>
    {
        public async ValueTask<FamilyPatientSummary> Handle(GetFamilyPatientSummary query, CancellationToken cancellationToken)
        {
            var (_, contract) = await access.RequireCaringDoctorAsync(query.PatientId, cancellationToken);
            var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var today = access.Today();
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == query.PatientId, cancellationToken);
            var profile = await db.CareProfiles.AsNoTracking().Include(p => p.Conditions).SingleOrDefaultAsync(p => p.PatientId == query.PatientId, cancellationToken);
            var contracts = await ContractViews.LoadAsync(db, db.FamilyContracts.Where(c => c.PatientId == query.PatientId && teams.Contains(c.TeamId)), now, cancellationToken);
            var alerts = await db.MeasurementAlerts.AsNoTracking()
                .Where(a => a.PatientId == query.PatientId && a.TeamId == contract.TeamId && a.AcknowledgedAt == null)
                .OrderByDescending(a => a.RaisedAt)
                .Select(a => new PatientAlertView(a.Id, a.MeasurementId, a.RaisedAt))
                .ToListAsync(cancellationToken);

            var summary = new FamilyPatientSummary(
                new PatientDemographics(
                    patient.Id,
                    patient.FullName,
                    patient.Sex,
                    patient.DateOfBirth,
                    patient.AgeOn(today),
                    patient.IdNumberMasked,
                    MaskMobile(patient.Mobile),
                    patient.HisPatientId is not null),
                profile?.RiskLevel ?? RiskLevel.Low,
                profile?.ConditionCodes.Order(StringComparer.Ordinal).ToList() ?? [],
                profile?.PendingRenewalRequests ?? 0,
                await ReadAsync(patient.HisPatientId, his.GetDiagnosesAsync, cancellationToken),
                await ReadAsync(patient.HisPatientId, his.GetAllergiesAsync, cancellationToken),
                await ReadAsync(patient.HisPatientId, his.GetMedicationsAsync, cancellationToken),
                await ReadAsync(patient.HisPatientId, his.GetEncountersAsync, cancellationToken),
                new MeasurementHistory(await HomeMeasurements.RecentAsync(db, query.PatientId, now.AddDays(-ReadingDays), cancellationToken), MeasurementTargets.Current),
                alerts,
                await FollowUpViews.ForPatientAsync(db, query.PatientId, today, cancellationToken),
                contracts.First(c => c.Id == contract.Id),
                contracts.Where(c => c.Id != contract.Id).ToList());

            audit.Record("family.summary.read", nameof(Patient), patient.Id.ToString(), patient.Id);

            // Note: the summary carries the HIS record (diagnoses, medications), which the lead hospital holds.
            await reads.RecordAsync("family.summary.read", nameof(Patient), patient.Id.ToString(), patient.Id, await reads.SharedRecordHolderAsync(cancellationToken), cancellationToken);
            return summary;
        }

        /// <summary>One HIS section. When the HIS cannot answer at all, the page still shows everything else and says so.</summary>
        private async Task<HisSection<T>> ReadAsync<T>(string? hisPatientId, Func<string, CancellationToken, Task<HisSnapshot<IReadOnlyList<T>>>> read, CancellationToken cancellationToken)
        {
            if (hisPatientId is null)
            {
                return new HisSection<T>(HisSectionState.NotLinked, [], null, false);
            }

            try
            {
                var snapshot = await read(hisPatientId, cancellationToken);
                return new HisSection<T>(HisSectionState.Available, snapshot.Value, snapshot.AsOf, snapshot.IsStale);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHisUnavailable(logger, exception);
                return new HisSection<T>(HisSectionState.Unavailable, [], null, true);
            }
        }

        private static string MaskMobile(string mobile) =>
            mobile.Length >= 7 ? string.Concat(mobile.AsSpan(0, 3), new string('*', mobile.Length - 7), mobile.AsSpan(mobile.Length - 4)) : new string('*', mobile.Length);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The HIS could not answer for a family-doctor patient summary")]
        private static partial void LogHisUnavailable(ILogger logger, Exception exception);
    }
}

public enum HisSectionState
{
    Available = 1,

    /// <summary>The patient's record has not been matched to the HIS yet.</summary>
    NotLinked = 2,

    /// <summary>The HIS could not be reached and there is no copy.</summary>
    Unavailable = 3,
}

/// <param name="AsOf">When the HIS said this (shown on the page).</param>
/// <param name="IsStale">The HIS could not be reached; this is the last copy.</param>
public sealed record HisSection<T>(HisSectionState State, IReadOnlyList<T> Items, DateTimeOffset? AsOf, bool IsStale);

public sealed record PatientDemographics(
    Guid Id,
    string Name,
    Sex Sex,
    DateOnly DateOfBirth,
    int Age,
    string MaskedIdNumber,
    string MaskedMobile,
    bool LinkedToHis);

public sealed record PatientAlertView(Guid Id, Guid MeasurementId, DateTimeOffset RaisedAt);

public sealed record FamilyPatientSummary(
    PatientDemographics Patient,
    RiskLevel Risk,
    IReadOnlyList<string> Conditions,
    int PendingRenewalRequests,
    HisSection<HisDiagnosis> Diagnoses,
    HisSection<HisAllergy> Allergies,
    HisSection<HisMedication> Medications,
    HisSection<HisEncounter> Encounters,
    MeasurementHistory Readings,
    IReadOnlyList<PatientAlertView> OpenAlerts,
    IReadOnlyList<FollowUpPlanView> FollowUpPlans,
    ContractView Contract,
    IReadOnlyList<ContractView> PastContracts);
