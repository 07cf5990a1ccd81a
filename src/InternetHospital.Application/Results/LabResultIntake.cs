using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

public enum LabIntakeOutcome
{
    Stored = 1,
    Corrected = 2,

    /// <summary>Already known (the same message again, or the same report unchanged): nothing changed.</summary>
    Unchanged = 3,
}

/// <summary>
/// Stores a report the HIS issued, whichever way it came (read through the port or sent over MLLP): once per report
/// id, a correction replacing it, with the release rule applied and a critical value announced once. Changes join the
/// caller's unit of work.
/// </summary>
public sealed class LabResultIntake(
    IAppDbContext db,
    IOptions<ResultsOptions> options,
    INotifier notifier,
    IFamilyAccess family,
    TimeProvider clock)
{
    public async Task<LabIntakeOutcome> StoreAsync(string hisPatientId, HisLabReport report, string? messageControlId, CancellationToken cancellationToken)
    {
        if (messageControlId is not null && await db.LabReports.AnyAsync(r => r.MessageControlId == messageControlId, cancellationToken))
        {
            return LabIntakeOutcome.Unchanged;
        }

        var content = Content(report);
        var sensitive = IsSensitive(report, options.Value.SensitiveCodes);
        var delay = options.Value.SensitiveReleaseDelay;
        var existing = await db.LabReports.Include(r => r.Observations).SingleOrDefaultAsync(r => r.SourceId == report.ReportId, cancellationToken);
        LabReport stored;
        LabIntakeOutcome outcome;
        if (existing is null)
        {
            stored = LabReport.Receive(hisPatientId, content, sensitive, delay, messageControlId, clock.GetUtcNow());
            db.LabReports.Add(stored);
            outcome = LabIntakeOutcome.Stored;
        }
        else if (existing.HisPatientId != hisPatientId)
        {
            // Note: a report id the HIS already gave to another patient is refused, never moved: showing one person's
            // result to another is the worst thing this feature could do. The HIS must sort it out.
            throw new LabReportConflictException($"Report '{report.ReportId}' belongs to another patient.");
        }
        else if (existing.IssuedAt == content.IssuedAt && existing.Status == content.Status && existing.Observations.Count == content.Observations.Count && messageControlId is null)
        {
            return LabIntakeOutcome.Unchanged;
        }
        else
        {
            existing.Correct(content, sensitive, delay, messageControlId);
            stored = existing;
            outcome = LabIntakeOutcome.Corrected;
        }

        if (stored.HasCritical && stored.CriticalNotifiedAt is null)
        {
            await AnnounceCriticalAsync(stored, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Tells the patient to contact the hospital and alerts their family-doctor team (domain rule 25). Neither text
    /// names the test or the value (e-mail is not a secure channel, and the report may not be released yet). A report
    /// for a patient not linked yet is announced when it is next stored after the link.
    /// </summary>
    private async Task AnnounceCriticalAsync(LabReport report, CancellationToken cancellationToken)
    {
        var patientId = await db.Patients.Where(p => p.HisPatientId == report.HisPatientId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (patientId is not { } id)
        {
            return;
        }

        await notifier.NotifyPatientAsync(new PatientNotice(id, PatientScope.Results, null, ResultNotifications.CriticalForPatient, new Dictionary<string, string>(), ResultNotifications.PatientLink), cancellationToken);

        if (await family.ActiveContractAsync(id, cancellationToken) is { } contract)
        {
            await notifier.NotifyAllAsync(await family.TeamAccountsAsync(contract.TeamId, cancellationToken), ResultNotifications.CriticalForTeam, $"/panel/patients/{id}", cancellationToken);
        }

        report.MarkCriticalNotified(clock.GetUtcNow());
    }

    public static LabReportContent Content(HisLabReport report) => new(
        report.ReportId,
        report.Code,
        report.CodeSystem,
        report.Name,
        report.Status,
        report.IssuedAt,
        report.OrderingDoctorLicence,
        report.OrderingDoctorName,
        report.Observations.Select(o => new LabObservationContent(o.Code, o.CodeSystem, o.Name, o.Value, o.ValueText, o.Unit, o.Low, o.High, o.RangeText, Flag(o.Flag), o.ObservedAt)).ToList());

    public static bool IsSensitive(HisLabReport report, IReadOnlyCollection<string> sensitiveCodes)
    {
        bool Listed(string code, string? system) =>
            sensitiveCodes.Contains(code, StringComparer.OrdinalIgnoreCase)
            || (LabCatalogue.LoincOf(code, system) is { } loinc && sensitiveCodes.Contains(loinc, StringComparer.OrdinalIgnoreCase));

        return Listed(report.Code, report.CodeSystem) || report.Observations.Any(o => Listed(o.Code, o.CodeSystem));
    }

    /// <summary>HL7 v2 abnormal flags (OBX-8), which FHIR's v3 ObservationInterpretation shares.</summary>
    public static LabFlag Flag(string? flag) => flag?.Trim().ToUpperInvariant() switch
    {
        null or "" or "N" => LabFlag.Normal,
        "L" => LabFlag.Low,
        "H" => LabFlag.High,
        "LL" or "<" => LabFlag.CriticalLow,
        "HH" or ">" => LabFlag.CriticalHigh,
        "AA" => LabFlag.Critical,
        _ => LabFlag.Abnormal,
    };
}

/// <summary>The HIS sent a report under an id that is another patient's report.</summary>
public sealed class LabReportConflictException(string message) : Exception(message);

internal static class LabReportQueries
{
    /// <summary>What the patient may see now: every ordinary report, and sensitive ones once released.</summary>
    public static IQueryable<LabReport> VisibleTo(this IQueryable<LabReport> reports, string hisPatientId, DateTimeOffset now) =>
        reports.Where(r => r.HisPatientId == hisPatientId && (!r.Sensitive || r.ReleasedAt != null || r.ReleaseDueAt <= now));

    public static async Task<Patient> PatientAsync(this IAppDbContext db, Guid patientId, CancellationToken cancellationToken) =>
        await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
        ?? throw new Common.Exceptions.NotFoundException("Patient", patientId);
}
