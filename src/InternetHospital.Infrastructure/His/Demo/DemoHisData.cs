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

        LabReports[zhang.HisPatientId] = DemoLabReports(zhang.HisPatientId, today);

        Diagnoses[wang.HisPatientId] = [];
        Medications[wang.HisPatientId] = [];
        Allergies[wang.HisPatientId] = [];
        Encounters[wang.HisPatientId] = [];
        LabReports[wang.HisPatientId] = [];

        // Note: the demo archive's studies (scripts/make-demo-dicom.py) carry these accession numbers.
        ImagingReports[zhang.HisPatientId] =
        [
            new HisImagingReport("RAD-R-1", null, "RAD-H0000001-CT1", "右肺上叶见一小结节，约8毫米，边界清楚，建议6个月后复查CT。 Small well-defined nodule (about 8 mm) in the right upper lobe; follow-up CT in 6 months is advised.", new DateTimeOffset(2026, 10, 15, 6, 0, 0, TimeSpan.Zero), "周敏", "final"),
            new HisImagingReport("RAD-R-2", null, "RAD-H0000001-CR1", "心肺膈未见明显异常。 Heart, lungs and diaphragm: no abnormality seen.", new DateTimeOffset(2026, 6, 2, 5, 0, 0, TimeSpan.Zero), "周敏", "final"),
        ];
        ImagingReports[wang.HisPatientId] = [];
    }

    /// <summary>
    /// 张伟's lipids over a year of treatment (a trend going down), a recent metabolic panel, and an HIV screen that is
    /// sensitive: 李伟 (who ordered it) sees it waiting for release; the patient does not, until then. Some values
    /// carry LOINC codes and some the HIS's local codes, as real HIS data does.
    /// </summary>
    private static IReadOnlyList<HisLabReport> DemoLabReports(string hisPatientId, DateOnly today)
    {
        const string licence = "110440100012345";
        const string doctor = "李伟";
        DateTimeOffset At(int daysAgo) => new(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        static HisLabObservation Value(string code, string? system, string name, decimal value, string unit, decimal? low, decimal? high, string? flag = null) =>
            new(code, system, name, value, null, unit, low, high, null, flag, null);
        HisLabReport Lipids(string id, int daysAgo, decimal tc, decimal ldl, decimal hdl, decimal tg) => new(
            $"{hisPatientId}-{id}", "LIPID", "urn:his:lab", "血脂四项", "final", At(daysAgo), licence, doctor,
            [
                Value("TC", "urn:his:lab", "总胆固醇", tc, "mmol/L", null, 5.2m, tc > 5.2m ? "H" : null),
                Value("LDL-C", "urn:his:lab", "低密度脂蛋白胆固醇", ldl, "mmol/L", null, 3.4m, ldl > 3.4m ? "H" : null),
                Value("HDL-C", "urn:his:lab", "高密度脂蛋白胆固醇", hdl, "mmol/L", 1.0m, null, hdl < 1.0m ? "L" : null),
                Value("TG", "urn:his:lab", "甘油三酯", tg, "mmol/L", null, 1.7m, tg > 1.7m ? "H" : null),
            ]);

        return
        [
            new HisLabReport($"{hisPatientId}-L4", "56888-1", "LN", "HIV抗原抗体检测", "final", At(1), licence, doctor,
            [
                new HisLabObservation("56888-1", "LN", "HIV 1+2 抗原抗体", null, "阴性 Negative", null, null, null, "阴性 Negative", "N", null),
            ]),
            new HisLabReport($"{hisPatientId}-L3", "24323-8", "LN", "肝肾功能及电解质", "final", At(10), licence, doctor,
            [
                Value("2345-7", "LN", "葡萄糖", 6.8m, "mmol/L", 3.9m, 6.1m, "H"),
                Value("HBA1C", "urn:his:lab", "糖化血红蛋白", 6.2m, "%", 4.0m, 6.0m, "H"),
                Value("2160-0", "LN", "肌酐", 88m, "µmol/L", 57m, 111m),
                Value("K", "urn:his:lab", "钾", 3.9m, "mmol/L", 3.5m, 5.3m),
                Value("1742-6", "LN", "丙氨酸氨基转移酶", 32m, "U/L", 9m, 50m),
            ]),
            Lipids("L2", 10, 4.9m, 3.0m, 1.2m, 1.5m),
            Lipids("L1", 180, 5.6m, 3.7m, 1.1m, 1.8m),
            Lipids("L0", 390, 6.4m, 4.4m, 0.9m, 2.1m),
        ];
    }

    public IReadOnlyList<DemoHisPatient> Patients { get; }
    public Dictionary<string, IReadOnlyList<HisDiagnosis>> Diagnoses { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyList<HisMedication>> Medications { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyList<HisAllergy>> Allergies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyList<HisEncounter>> Encounters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyList<HisImagingReport>> ImagingReports { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<HisLabReport>> LabReports { get; } = new(StringComparer.Ordinal);
}

internal sealed record DemoHisPatient(HisPatient Patient, string ResidentId);
