using InternetHospital.Application.Common.Icd10;
using InternetHospital.Application.His;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Domain rule 1 for video visits: allowed as follow-up of a condition already diagnosed in person (the HIS has
/// it within the look-back window, among the department's conditions), or as a family-doctor contract service.
/// Anything else needs proof the doctor accepts, or an in-person visit.
/// </summary>
public interface IFollowUpPolicy
{
    Task<FollowUpDecision> EvaluateAsync(Guid patientId, Doctor doctor, CancellationToken cancellationToken);

    /// <summary>
    /// For a video booking or waitlist: 422 <c>doctor_not_eligible_for_video</c> if the doctor may not see patients on
    /// video, else the decision, with the read of the patient's HIS diagnoses audited.
    /// </summary>
    Task<FollowUpDecision> EvaluateForVideoAsync(Guid patientId, Doctor doctor, CancellationToken cancellationToken);
}

/// <param name="Basis"><see cref="FollowUpBasis.NotRequired"/> means no basis was found: a video visit needs proof.</param>
public sealed record FollowUpDecision(FollowUpBasis Basis, QualifyingDiagnosis? Diagnosis, bool HisStale, DateOnly LookBackStart)
{
    public bool Allowed => Basis != FollowUpBasis.NotRequired;
}

/// <param name="Code">The ICD-10 code: for staff screens only, a patient does not know it.</param>
/// <param name="Description">The HIS's text as recorded (may mix languages).</param>
/// <param name="NameZh">The condition's name for a Chinese reader (高血压…).</param>
/// <param name="NameEn">The condition's name for an English reader.</param>
public sealed record QualifyingDiagnosis(string Code, string Description, DateOnly DiagnosedOn, string? DepartmentCode, string NameZh, string NameEn)
{
    /// <summary>
    /// Names from the bundled ICD-10 list (the code, else its category, "I10.x" → "I10"), as the note's ICD-10 search
    /// shows them; a code the list lacks keeps the HIS's text, split where it gives the Chinese name before the English.
    /// </summary>
    public static QualifyingDiagnosis Of(string code, string description, DateOnly diagnosedOn, string? departmentCode)
    {
        var entry = Icd10Catalog.Instance.Find(code) ?? Icd10Catalog.Instance.Find(code.Split('.')[0]);
        if (entry is not null)
        {
            return new QualifyingDiagnosis(code, description, diagnosedOn, departmentCode, entry.TitleZh, entry.TitleEn);
        }

        var latinAt = description.IndexOfAny([.. "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"]);
        latinAt = latinAt < 0 ? description.Length : latinAt;
        var zh = description[..latinAt].Trim();
        var en = description[latinAt..].Trim();
        return new QualifyingDiagnosis(code, description, diagnosedOn, departmentCode, zh.Length > 0 ? zh : description, en.Length > 0 ? en : description);
    }
}

internal sealed class FollowUpPolicy(
    IAppDbContext db,
    IAuditLog audit,
    IHisReader his,
    ICareRelationships care,
    IOptions<BookingOptions> options,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock) : IFollowUpPolicy
{
    public async Task<FollowUpDecision> EvaluateAsync(Guid patientId, Doctor doctor, CancellationToken cancellationToken)
    {
        var today = SlotClock.Today(clock, hospital.Value);
        var lookBackStart = options.Value.LookBackStart(today);
        if (await care.IsFamilyDoctorOfAsync(doctor.Id, patientId, cancellationToken))
        {
            return new FollowUpDecision(FollowUpBasis.FamilyDoctor, null, false, lookBackStart);
        }

        var hisPatientId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.HisPatientId).SingleOrDefaultAsync(cancellationToken);
        if (hisPatientId is null)
        {
            return new FollowUpDecision(FollowUpBasis.NotRequired, null, false, lookBackStart);
        }

        var department = await db.Departments.Where(d => d.Id == doctor.DepartmentId).Select(d => d.Code).SingleAsync(cancellationToken);
        var conditions = await db.DepartmentConditions.AsNoTracking().SingleOrDefaultAsync(c => c.DepartmentId == doctor.DepartmentId, cancellationToken);
        var diagnoses = await his.GetDiagnosesAsync(hisPatientId, cancellationToken);
        var found = FindQualifying(diagnoses.Value, conditions, department, lookBackStart);
        return new FollowUpDecision(found is null ? FollowUpBasis.NotRequired : FollowUpBasis.HisDiagnosis, found, diagnoses.IsStale, lookBackStart);
    }

    public async Task<FollowUpDecision> EvaluateForVideoAsync(Guid patientId, Doctor doctor, CancellationToken cancellationToken)
    {
        if (!doctor.CanSeeOnVideo(SlotClock.Today(clock, hospital.Value)))
        {
            throw new DomainRuleException("doctor_not_eligible_for_video", "This doctor does not offer video visits.");
        }

        var decision = await EvaluateAsync(patientId, doctor, cancellationToken);
        audit.Record("his.diagnoses.read", "FollowUpEligibility", doctor.Id.ToString(), patientId, decision.Basis.ToString());
        return decision;
    }

    /// <summary>
    /// The most recent in-person diagnosis on or after <paramref name="lookBackStart"/> among the department's
    /// conditions; a department without configured conditions accepts diagnoses made in that department.
    /// </summary>
    internal static QualifyingDiagnosis? FindQualifying(IEnumerable<HisDiagnosis> diagnoses, DepartmentConditions? conditions, string departmentCode, DateOnly lookBackStart) =>
        diagnoses
            .Where(d => d.InPerson && d.DiagnosedOn >= lookBackStart)
            .Where(d => conditions is { Ranges.Length: > 0 }
                ? conditions.Covers(d.Icd10Code)
                : string.Equals(d.DepartmentCode, departmentCode, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => d.DiagnosedOn)
            .Select(d => QualifyingDiagnosis.Of(d.Icd10Code, d.Description, d.DiagnosedOn, d.DepartmentCode))
            .FirstOrDefault();
}
