using InternetHospital.Application.His;
using InternetHospital.Infrastructure.Seeding;

namespace InternetHospital.Infrastructure.His.Demo;

/// <summary>
/// What the embedded demo HIS knows. Dates are relative to "today" so that the demo history always falls inside
/// the hospital's look-back window: 张伟 has hypertension diagnosed in person in cardiology two months ago and
/// takes amlodipine; 王秀英 has no history at all. 张伟 is also on a short course of clarithromycin from respiratory
/// medicine (he is allergic to penicillin), which interacts with amlodipine, and alprazolam, a special-control drug that
/// cannot be renewed online: together they show the renewal rules and the pharmacist's checks on real data.
/// </summary>
internal sealed class DemoHisData
{
    public DemoHisData(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var zhang = DemoPatients.ZhangWei;
        var wang = DemoPatients.WangXiuying;

        Patients =
        [
            new DemoHisPatient(new HisPatient(zhang.HisPatientId, zhang.MedicalRecordNumber, zhang.Account.FullName, zhang.DateOfBirth, zhang.Sex.ToString()), zhang.ResidentId),
            new DemoHisPatient(new HisPatient(wang.HisPatientId, wang.MedicalRecordNumber, wang.Account.FullName, wang.DateOfBirth, wang.Sex.ToString()), wang.ResidentId),
        ];

        Diagnoses[zhang.HisPatientId] =
        [
            new HisDiagnosis("I10", "原发性高血压 Essential (primary) hypertension", today.AddMonths(-2), InPerson: true, "CARD", "李伟"),
            new HisDiagnosis("E78.5", "高脂血症 Hyperlipidaemia, unspecified", today.AddMonths(-14), InPerson: true, "CARD", "李伟"),
        ];
        Medications[zhang.HisPatientId] =
        [
            new HisMedication("C08CA01-5", "氨氯地平 Amlodipine", "5 mg", "5 mg", "qd", "oral", "李伟", today.AddYears(-2), today.AddDays(-25), 28, Active: true),
            new HisMedication("C10AA05-20", "阿托伐他汀 Atorvastatin", "20 mg", "20 mg", "qn", "oral", "李伟", today.AddMonths(-14), today.AddDays(-25), 28, Active: true),
            new HisMedication("A02BC01-20", "奥美拉唑 Omeprazole", "20 mg", "20 mg", "qd", "oral", "李伟", today.AddMonths(-8), today.AddMonths(-7), 14, Active: false),
            new HisMedication("J01FA09-250", "克拉霉素 Clarithromycin", "250 mg", "500 mg", "bid", "oral", "吴刚", today.AddDays(-3), today.AddDays(-3), 7, Active: true),
            new HisMedication("N05BA12-0.4", "阿普唑仑 Alprazolam", "0.4 mg", "0.4 mg", "qn", "oral", "徐静", today.AddMonths(-3), today.AddDays(-20), 14, Active: true),
        ];
        Allergies[zhang.HisPatientId] = [new HisAllergy("青霉素 Penicillin", "皮疹 Rash", "moderate", today.AddYears(-10))];
        Encounters[zhang.HisPatientId] =
        [
            new HisEncounter("E-" + zhang.HisPatientId + "-1", new DateTimeOffset(today.AddMonths(-2).ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero), "outpatient", "CARD", "李伟", "高血压复诊，血压控制可 Hypertension review, controlled"),
        ];

        Diagnoses[wang.HisPatientId] = [];
        Medications[wang.HisPatientId] = [];
        Allergies[wang.HisPatientId] = [];
        Encounters[wang.HisPatientId] = [];
    }

    public IReadOnlyList<DemoHisPatient> Patients { get; }
    public Dictionary<string, IReadOnlyList<HisDiagnosis>> Diagnoses { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyList<HisMedication>> Medications { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyList<HisAllergy>> Allergies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyList<HisEncounter>> Encounters { get; } = new(StringComparer.Ordinal);
}

internal sealed record DemoHisPatient(HisPatient Patient, string ResidentId);
