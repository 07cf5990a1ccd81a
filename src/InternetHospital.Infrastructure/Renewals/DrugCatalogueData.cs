using InternetHospital.Domain.Drugs;

namespace InternetHospital.Infrastructure.Renewals;

/// <summary>
/// The bundled drug catalogue and interaction table (reference data, seeded in every environment). Doses are usual
/// adult daily ranges from the products' Chinese and international labels; interactions are well-known pairs.
/// A hospital replaces or extends this with its formulary.
/// </summary>
internal static class DrugCatalogueData
{
    private const string Tablet = "片";
    private const string TabletEn = "tablet";

    /// <summary>New instances at every call: each seeding unit of work tracks its own.</summary>
    public static IReadOnlyList<Drug> Drugs() =>
    [
        // Hypertension
        Drug.Create("C08CA01-5", "C08CA01", "氨氯地平", "Amlodipine", "5 mg", 5m, "mg", Tablet, TabletEn, 2.5m, 10m, 84),
        Drug.Create("C08CA01-10", "C08CA01", "氨氯地平", "Amlodipine", "10 mg", 10m, "mg", Tablet, TabletEn, 2.5m, 10m, 84),
        Drug.Create("C08CA05-30", "C08CA05", "硝苯地平控释片", "Nifedipine (controlled-release)", "30 mg", 30m, "mg", "控释片", "controlled-release tablet", 30m, 90m, 84),
        Drug.Create("C09CA01-50", "C09CA01", "氯沙坦钾", "Losartan potassium", "50 mg", 50m, "mg", Tablet, TabletEn, 25m, 100m, 84),
        Drug.Create("C09CA03-80", "C09CA03", "缬沙坦", "Valsartan", "80 mg", 80m, "mg", "胶囊", "capsule", 80m, 320m, 84),
        Drug.Create("C07AB02-47.5", "C07AB02", "琥珀酸美托洛尔缓释片", "Metoprolol succinate (extended-release)", "47.5 mg", 47.5m, "mg", "缓释片", "extended-release tablet", 23.75m, 190m, 84),
        Drug.Create("C03AA03-25", "C03AA03", "氢氯噻嗪", "Hydrochlorothiazide", "25 mg", 25m, "mg", Tablet, TabletEn, 12.5m, 50m, 84, allergyGroups: "sulfonamide;sulpha;sulfa;磺胺"),

        // Diabetes
        Drug.Create("A10BA02-500", "A10BA02", "二甲双胍", "Metformin", "500 mg", 500m, "mg", Tablet, TabletEn, 500m, 2000m, 84, minAge: 10),
        Drug.Create("A10BB09-30", "A10BB09", "格列齐特缓释片", "Gliclazide (modified-release)", "30 mg", 30m, "mg", "缓释片", "modified-release tablet", 30m, 120m, 84, allergyGroups: "sulfonylurea;sulfonamide;sulfa;磺胺;磺脲"),
        Drug.Create("A10BB01-2.5", "A10BB01", "格列本脲", "Glibenclamide", "2.5 mg", 2.5m, "mg", Tablet, TabletEn, 2.5m, 15m, 84, maxAge: 65, allergyGroups: "sulfonylurea;sulfonamide;sulfa;磺胺;磺脲"),
        Drug.Create("A10AE04-300", "A10AE04", "甘精胰岛素注射液", "Insulin glargine", "300 U/3 mL", 300m, "U", "预填充注射笔", "prefilled pen", 4m, 80m, 30),

        // Lipids
        Drug.Create("C10AA05-20", "C10AA05", "阿托伐他汀钙", "Atorvastatin", "20 mg", 20m, "mg", Tablet, TabletEn, 10m, 80m, 84, minAge: 10),
        Drug.Create("C10AA07-10", "C10AA07", "瑞舒伐他汀钙", "Rosuvastatin", "10 mg", 10m, "mg", Tablet, TabletEn, 5m, 20m, 84, minAge: 10),
        Drug.Create("C10AA01-20", "C10AA01", "辛伐他汀", "Simvastatin", "20 mg", 20m, "mg", Tablet, TabletEn, 10m, 40m, 84, minAge: 10),

        // Thyroid
        Drug.Create("H03AA01-50", "H03AA01", "左甲状腺素钠", "Levothyroxine sodium", "50 µg", 50m, "µg", Tablet, TabletEn, 25m, 200m, 84),

        // Antithrombotics
        Drug.Create("B01AC06-100", "B01AC06", "阿司匹林肠溶片", "Aspirin (enteric-coated)", "100 mg", 100m, "mg", "肠溶片", "enteric-coated tablet", 75m, 150m, 84, minAge: 16, allergyGroups: "aspirin;salicylate;NSAID;阿司匹林;水杨酸;非甾体"),
        Drug.Create("B01AC04-75", "B01AC04", "氯吡格雷", "Clopidogrel", "75 mg", 75m, "mg", Tablet, TabletEn, 75m, 75m, 84),
        Drug.Create("B01AA03-2.5", "B01AA03", "华法林钠", "Warfarin sodium", "2.5 mg", 2.5m, "mg", Tablet, TabletEn, 1m, 10m, 28),

        // Asthma (children from 2 years: the 4 mg chewable tablet)
        Drug.Create("R03DC03-4", "R03DC03", "孟鲁司特钠咀嚼片", "Montelukast sodium (chewable)", "4 mg", 4m, "mg", "咀嚼片", "chewable tablet", 4m, 10m, 84, minAge: 2),

        // Acid suppression
        Drug.Create("A02BC01-20", "A02BC01", "奥美拉唑", "Omeprazole", "20 mg", 20m, "mg", "肠溶胶囊", "gastro-resistant capsule", 20m, 40m, 56),

        // Anti-infectives (short courses)
        Drug.Create("J01FA09-250", "J01FA09", "克拉霉素", "Clarithromycin", "250 mg", 250m, "mg", Tablet, TabletEn, 500m, 1000m, 14, allergyGroups: "macrolide;大环内酯"),
        Drug.Create("J01CA04-500", "J01CA04", "阿莫西林", "Amoxicillin", "500 mg", 500m, "mg", "胶囊", "capsule", 1500m, 3000m, 14, allergyGroups: "penicillin;青霉素;β-lactam;beta-lactam;β-内酰胺"),

        // Special-control: never prescribed online (domain rule 8)
        Drug.Create("N05BA01-2.5", "N05BA01", "地西泮", "Diazepam", "2.5 mg", 2.5m, "mg", Tablet, TabletEn, 2.5m, 30m, 7, ControlCategory.Psychotropic, allergyGroups: "benzodiazepine;苯二氮"),
        Drug.Create("N05BA12-0.4", "N05BA12", "阿普唑仑", "Alprazolam", "0.4 mg", 0.4m, "mg", Tablet, TabletEn, 0.4m, 4m, 7, ControlCategory.Psychotropic, minAge: 18, allergyGroups: "benzodiazepine;苯二氮"),
        Drug.Create("N02AX02-50", "N02AX02", "曲马多", "Tramadol", "50 mg", 50m, "mg", "胶囊", "capsule", 50m, 400m, 7, ControlCategory.Psychotropic, minAge: 12, allergyGroups: "opioid;阿片"),
        Drug.Create("N02AA01-30", "N02AA01", "吗啡缓释片", "Morphine (sustained-release)", "30 mg", 30m, "mg", "缓释片", "sustained-release tablet", 30m, 200m, 7, ControlCategory.Narcotic, allergyGroups: "opioid;阿片"),
        Drug.Create("V10XA01-370", "V10XA01", "碘[¹³¹I]化钠口服溶液", "Sodium iodide (131I)", "370 MBq", 370m, "MBq", "口服溶液", "oral solution", 185m, 7400m, 1, ControlCategory.Radioactive),
    ];

    public static IReadOnlyList<DrugInteraction> Interactions() =>
    [
        DrugInteraction.Create("B01AC04", "A02BC01", InteractionSeverity.Major,
            "奥美拉唑抑制CYP2C19，使氯吡格雷活性代谢物减少、抗血小板作用减弱。避免合用，如需抑酸可改用泮托拉唑或H2受体拮抗剂。",
            "Omeprazole inhibits CYP2C19 and reduces clopidogrel's active metabolite and antiplatelet effect. Avoid the combination; use pantoprazole or an H2 blocker if acid suppression is needed."),
        DrugInteraction.Create("C10AA01", "J01FA09", InteractionSeverity.Contraindicated,
            "克拉霉素强效抑制CYP3A4，使辛伐他汀浓度显著升高，横纹肌溶解风险。禁止合用，抗生素疗程中暂停辛伐他汀。",
            "Clarithromycin strongly inhibits CYP3A4 and raises simvastatin levels: risk of rhabdomyolysis. Contraindicated; suspend simvastatin during the antibiotic course."),
        DrugInteraction.Create("B01AA03", "B01AC06", InteractionSeverity.Major,
            "华法林与阿司匹林合用显著增加出血风险。仅在有明确指征时合用，并密切监测INR和出血征象。",
            "Warfarin with aspirin markedly increases bleeding risk. Combine only with a clear indication and monitor INR and signs of bleeding closely."),
        DrugInteraction.Create("C08CA01", "J01FA09", InteractionSeverity.Major,
            "克拉霉素抑制CYP3A4，升高氨氯地平浓度，可致低血压和急性肾损伤（老年人尤甚）。考虑改用阿奇霉素，或监测血压。",
            "Clarithromycin inhibits CYP3A4 and raises amlodipine levels: hypotension and acute kidney injury, especially in older adults. Consider azithromycin instead, or monitor blood pressure."),
        DrugInteraction.Create("C08CA05", "J01FA09", InteractionSeverity.Major,
            "克拉霉素升高硝苯地平浓度，可致严重低血压。避免合用或密切监测血压。",
            "Clarithromycin raises nifedipine levels and can cause severe hypotension. Avoid, or monitor blood pressure closely."),
        DrugInteraction.Create("C10AA05", "J01FA09", InteractionSeverity.Major,
            "克拉霉素升高阿托伐他汀浓度，肌病风险增加。合用时阿托伐他汀每日不超过20 mg，或疗程中暂停。",
            "Clarithromycin raises atorvastatin levels and the risk of myopathy. Limit atorvastatin to 20 mg a day during the course, or suspend it."),
        DrugInteraction.Create("C08CA01", "C10AA01", InteractionSeverity.Moderate,
            "氨氯地平使辛伐他汀暴露增加，合用时辛伐他汀每日不超过20 mg。",
            "Amlodipine increases simvastatin exposure; limit simvastatin to 20 mg a day when combined."),
        DrugInteraction.Create("B01AC04", "B01AC06", InteractionSeverity.Moderate,
            "双联抗血小板治疗出血风险增加，需有明确指征（如支架术后）并评估疗程。",
            "Dual antiplatelet therapy increases bleeding risk; it needs a clear indication (e.g. after a stent) and a planned duration."),
        DrugInteraction.Create("B01AA03", "J01FA09", InteractionSeverity.Major,
            "克拉霉素可使INR升高、出血风险增加。合用期间加强INR监测。",
            "Clarithromycin can raise the INR and the risk of bleeding. Monitor the INR more often during the course."),
        DrugInteraction.Create("B01AA03", "A02BC01", InteractionSeverity.Moderate,
            "奥美拉唑可能升高华法林浓度，开始或停用时监测INR。",
            "Omeprazole may raise warfarin levels; check the INR when starting or stopping it."),
        DrugInteraction.Create("H03AA01", "A02BC01", InteractionSeverity.Minor,
            "质子泵抑制剂可能减少左甲状腺素吸收，必要时复查TSH。",
            "Proton-pump inhibitors may reduce levothyroxine absorption; recheck TSH if needed."),
        DrugInteraction.Create("C10AA07", "B01AC04", InteractionSeverity.Moderate,
            "氯吡格雷使瑞舒伐他汀暴露增加，合用时瑞舒伐他汀每日不超过20 mg。",
            "Clopidogrel increases rosuvastatin exposure; do not exceed 20 mg of rosuvastatin a day."),
        DrugInteraction.Create("A10BB09", "J01FA09", InteractionSeverity.Moderate,
            "克拉霉素可增强磺脲类降糖作用，注意低血糖。",
            "Clarithromycin can enhance the effect of sulfonylureas; watch for hypoglycaemia."),
        DrugInteraction.Create("N05BA12", "J01FA09", InteractionSeverity.Major,
            "克拉霉素抑制阿普唑仑代谢，镇静和呼吸抑制加重。",
            "Clarithromycin inhibits alprazolam metabolism: increased sedation and respiratory depression."),
    ];

    /// <summary>Codes the embedded demo HIS uses, and the catalogue entries they mean.</summary>
    public static IReadOnlyDictionary<string, string> DemoHisCodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["C08CA01-5"] = "C08CA01-5",
        ["C10AA05-20"] = "C10AA05-20",
        ["A02BC01-20"] = "A02BC01-20",
        ["J01FA09-250"] = "J01FA09-250",
        ["N05BA12-0.4"] = "N05BA12-0.4",
        ["R03DC03-4"] = "R03DC03-4",
    };
}
