using System.Collections.Frozen;

namespace InternetHospital.Application.Results;

/// <summary>A test the portal can name in both languages, with a plain-language note where one helps.</summary>
public sealed record LabTest(string Loinc, string NameZh, string NameEn, string? NoteZh = null, string? NoteEn = null);

/// <summary>
/// The tests the portal knows: LOINC codes, and the local codes the hospital's HIS uses for them (mapped here, so a
/// trend joins values whichever way they arrived). A code not in the catalogue is shown with the HIS's own name.
/// </summary>
public static class LabCatalogue
{
    public const string LoincSystem = "LN";

    private static readonly LabTest[] Tests =
    [
        new("2345-7", "葡萄糖", "Glucose", "血液中的糖分。空腹时偏高可能提示糖尿病，请结合医生意见判断。", "Sugar in the blood. A high fasting value can be a sign of diabetes; your doctor will tell you what it means for you."),
        new("4548-4", "糖化血红蛋白", "Haemoglobin A1c", "反映近2–3个月的平均血糖水平。", "Shows your average blood sugar over the last 2–3 months."),
        new("2093-3", "总胆固醇", "Total cholesterol", "血液中胆固醇的总量。", "The total amount of cholesterol in your blood."),
        new("13457-7", "低密度脂蛋白胆固醇", "LDL cholesterol", "俗称“坏胆固醇”，偏高会增加心脑血管疾病风险。", "The \"bad\" cholesterol: a high value raises the risk of heart disease and stroke."),
        new("2085-9", "高密度脂蛋白胆固醇", "HDL cholesterol", "俗称“好胆固醇”，偏高通常是好事。", "The \"good\" cholesterol: a higher value is usually better."),
        new("2571-8", "甘油三酯", "Triglycerides", "血液中的一种脂肪，饮食和饮酒影响较大。", "A kind of fat in the blood; food and alcohol affect it a lot."),
        new("2160-0", "肌酐", "Creatinine", "反映肾脏功能；数值升高可能表示肾脏清除废物的能力下降。", "Shows how well your kidneys work; a high value can mean they clear waste less well."),
        new("2823-3", "钾", "Potassium", "维持心脏和肌肉正常工作的重要电解质，过高或过低都需要及时处理。", "A salt your heart and muscles need; too high or too low needs prompt care."),
        new("2951-2", "钠", "Sodium", "维持体内水分平衡的电解质。", "A salt that keeps your body's water in balance."),
        new("1742-6", "丙氨酸氨基转移酶", "ALT (liver enzyme)", "肝脏酶，升高可能提示肝脏受损。", "A liver enzyme; a high value can mean the liver is irritated or damaged."),
        new("718-7", "血红蛋白", "Haemoglobin", "红细胞中携带氧气的蛋白，偏低即贫血。", "The protein in red blood cells that carries oxygen; a low value means anaemia."),
        new("6690-2", "白细胞计数", "White blood cells", "抵抗感染的细胞数量。", "The cells that fight infection."),
        new("777-3", "血小板计数", "Platelets", "帮助止血的血细胞。", "Blood cells that help your blood clot."),
        new("56888-1", "HIV抗原抗体检测", "HIV antigen/antibody test"),
        new("24323-8", "肝肾功能及电解质", "Metabolic panel"),
        new("57698-3", "血脂四项", "Lipid panel"),
        new("58410-2", "血常规", "Complete blood count"),
    ];

    /// <summary>The HIS's local codes and the LOINC code each stands for.</summary>
    private static readonly FrozenDictionary<string, string> LocalCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["GLU"] = "2345-7",
        ["HBA1C"] = "4548-4",
        ["TC"] = "2093-3",
        ["LDL-C"] = "13457-7",
        ["HDL-C"] = "2085-9",
        ["TG"] = "2571-8",
        ["CREA"] = "2160-0",
        ["K"] = "2823-3",
        ["NA"] = "2951-2",
        ["ALT"] = "1742-6",
        ["HGB"] = "718-7",
        ["WBC"] = "6690-2",
        ["PLT"] = "777-3",
        ["HIV"] = "56888-1",
        ["LFT-RFT"] = "24323-8",
        ["LIPID"] = "57698-3",
        ["CBC"] = "58410-2",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, LabTest> ByLoinc = Tests.ToFrozenDictionary(t => t.Loinc, StringComparer.Ordinal);

    /// <summary>The LOINC code of a code as the HIS sent it (LOINC itself, or a mapped local code), or null.</summary>
    public static string? LoincOf(string code, string? system)
    {
        if (string.Equals(system, LoincSystem, StringComparison.OrdinalIgnoreCase) || string.Equals(system, "http://loinc.org", StringComparison.Ordinal))
        {
            return code;
        }

        return LocalCodes.TryGetValue(code, out var loinc) ? loinc : ByLoinc.ContainsKey(code) ? code : null;
    }

    public static LabTest? Find(string code, string? system) =>
        LoincOf(code, system) is { } loinc && ByLoinc.TryGetValue(loinc, out var test) ? test : null;

    /// <summary>The key a value's trend is gathered under: its LOINC code when known, else the code as sent.</summary>
    public static string TrendKey(string code, string? system) => LoincOf(code, system) ?? code;
}
