using System.Globalization;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Results;

namespace InternetHospital.Infrastructure.Records.Pdf;

/// <summary>
/// Every word the record's PDF prints, in simplified Chinese and English (the reader's language, from the request),
/// and how dates, times and flags are written in each. Times are the hospital's local time.
/// </summary>
internal sealed class RecordPdfText(bool chinese, TimeZoneInfo zone)
{
    public bool Chinese => chinese;

    public string Language => chinese ? "zh-CN" : "en";

    private string T(string zh, string en) => chinese ? zh : en;

    public string Title => T("我的健康档案", "My health record");

    public string Generated(DateTimeOffset at, string hospital) =>
        T($"{hospital} · 生成于 {Time(at)}（依据《个人信息保护法》查阅权）", $"{hospital} · made on {Time(at)} (your right of access under the PIPL)");

    public string Page(int page, int of) => T($"第 {page} 页，共 {of} 页", $"Page {page} of {of}");

    public string Confidential => T("含个人健康信息，请妥善保管", "Contains personal health information: keep it safe");

    public string PatientSection => T("患者信息", "Patient");

    public string Name => T("姓名", "Name");

    public string DateOfBirth => T("出生日期", "Date of birth");

    public string SexLabel => T("性别", "Sex");

    public string HospitalNumber => T("医院患者号", "Hospital patient number");

    public string NotLinked => T("尚未与医院的病历关联：此处只有互联网医院的记录。", "Not linked to the hospital's records yet: only the online hospital's part is shown.");

    public string Sex(string sex) => sex switch
    {
        "Male" => T("男", "Male"),
        "Female" => T("女", "Female"),
        _ => T("未知", "Unknown"),
    };

    public string None => T("无记录", "None recorded");

    public string DiagnosesSection => T("诊断", "Diagnoses");

    public string Code => T("编码", "Code");

    public string Diagnosis => T("诊断", "Diagnosis");

    public string DateLabel => T("日期", "Date");

    public string Doctor => T("医生", "Doctor");

    public string Department => T("科室", "Department");

    public string InPerson(bool inPerson) => inPerson ? T("门诊/住院", "In person") : T("线上", "Online");

    public string Where => T("就诊方式", "Seen");

    public string MedicationsSection => T("用药", "Medications");

    public string Drug => T("药品", "Medicine");

    public string Dose => T("用法用量", "How to take it");

    public string Started => T("开始", "Started");

    public string Status => T("状态", "Status");

    public string Active(bool active) => active ? T("在用", "Taking") : T("已停用", "Stopped");

    public string AllergiesSection => T("过敏", "Allergies");

    public string Substance => T("过敏原", "Substance");

    public string Reaction => T("反应", "Reaction");

    public string Severity => T("严重程度", "Severity");

    public string EncountersSection => T("就诊记录（医院）", "Hospital visits");

    public string Kind => T("类型", "Type");

    public string Summary => T("摘要", "Summary");

    public string EncounterKind(string kind) => kind switch
    {
        "outpatient" => T("门诊", "Outpatient"),
        "inpatient" => T("住院", "Inpatient"),
        "emergency" => T("急诊", "Emergency"),
        "virtual" => T("线上", "Online"),
        "home" => T("家庭", "Home visit"),
        _ => kind,
    };

    public string VisitsSection => T("线上问诊记录（已签名）", "Online visits (signed notes)");

    public string VisitTitle(DateTimeOffset start, string doctor) => T($"{Time(start)} · {doctor} 医生", $"{Time(start)} · Dr {doctor}");

    public string ChiefComplaint => T("主诉", "Chief complaint");

    public string History => T("现病史", "History");

    public string Assessment => T("评估", "Assessment");

    public string Plan => T("处理", "Plan");

    public string FollowUp => T("随访建议", "Follow-up advice");

    public string Signed(string by, DateTimeOffset at) => T($"{by} 于 {Time(at)} 电子签名", $"Signed by {by} on {Time(at)}");

    public string Hash => T("内容摘要 (SHA-256)", "Content hash (SHA-256)");

    public string LabSection => T("检验报告", "Lab results");

    public string ReportTitle(string name, DateTimeOffset issued) => T($"{name} · {Time(issued)}", $"{name} · {Time(issued)}");

    public string OrderedBy(string doctor) => T($"开单医生：{doctor}", $"Ordered by {doctor}");

    public string ReportStatus(string status) => status switch
    {
        "corrected" => T("已更正", "Corrected"),
        "preliminary" => T("初步报告", "Preliminary"),
        _ => T("最终报告", "Final"),
    };

    public string Test => T("项目", "Test");

    public string Result => T("结果", "Result");

    public string Unit => T("单位", "Unit");

    public string Range => T("参考范围", "Reference range");

    public string FlagLabel => T("提示", "Flag");

    public string Flag(LabFlag flag) => flag switch
    {
        LabFlag.Low => T("偏低 ↓", "Low"),
        LabFlag.High => T("偏高 ↑", "High"),
        LabFlag.CriticalLow => T("危急 偏低", "Critical low"),
        LabFlag.CriticalHigh => T("危急 偏高", "Critical high"),
        LabFlag.Critical => T("危急", "Critical"),
        LabFlag.Abnormal => T("异常", "Abnormal"),
        _ => string.Empty,
    };

    public string ImagingSection => T("影像检查", "Imaging");

    public string Modality => T("检查类型", "Modality");

    public string StudyDescription => T("检查项目", "Study");

    public string AccessionNumber => T("检查号", "Accession no.");

    public string SeriesAndImages => T("序列 / 图像", "Series / images");

    /// <summary>A study's DICOM modalities (comma separated), the common ones named for a reader; any other keeps its code.</summary>
    public string Modalities(string? modalities) => modalities is null
        ? string.Empty
        : string.Join(", ", modalities.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m switch
        {
            "CT" => "CT",
            "MR" => T("磁共振 MR", "MRI"),
            "CR" or "DX" => T($"X线 {m}", $"X-ray ({m})"),
            "US" => T("超声 US", "Ultrasound"),
            "MG" => T("乳腺X线 MG", "Mammography"),
            "XA" => T("血管造影 XA", "Angiography"),
            "NM" => T("核医学 NM", "Nuclear medicine"),
            "PT" => "PET",
            _ => m,
        }));

    public string NameOf(string code, string? system, string original) =>
        LabCatalogue.Find(code, system) is { } test ? (chinese ? test.NameZh : test.NameEn) : original;

    public string Date(DateOnly date) => date.ToString(chinese ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.InvariantCulture);

    public string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(chinese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
