using System.Globalization;

namespace InternetHospital.Domain.Drugs;

public enum FindingSeverity
{
    Info = 1,
    Warning = 2,

    /// <summary>The pharmacist may approve only with a written justification.</summary>
    Severe = 3,
}

public enum FindingKind
{
    Interaction = 1,
    DuplicateTherapy = 2,
    DoseRange = 3,
    Allergy = 4,
    Age = 5,

    /// <summary>Another medicine the catalogue does not know, so nothing could be checked against it.</summary>
    NotChecked = 6,
}

/// <summary>
/// One result of the automated checks shown to the pharmacist. Texts are built by the client from the kind and the
/// parameters; interaction advice comes from the interaction table in both languages.
/// </summary>
public sealed record CheckFinding(
    FindingKind Kind,
    FindingSeverity Severity,
    string DrugCode,
    string DrugName,
    string DrugNameEn,
    string? OtherName,
    string? OtherNameEn,
    IReadOnlyDictionary<string, string> Parameters,
    string? Advice = null,
    string? AdviceEn = null);

/// <summary>A line of the prescription under review: the catalogue entry and the prescribed daily dose.</summary>
public sealed record CheckedLine(Drug Drug, decimal DailyDose);

/// <summary>Another medicine the patient takes (from the HIS or this system); <see cref="Drug"/> is null when the catalogue does not know it.</summary>
public sealed record OtherMedication(Drug? Drug, string Name, string Source);

/// <summary>
/// The automated checks of a prescription before a pharmacist approves it (处方审核): interactions with each other and
/// with the patient's other active medicines, duplicate therapy in one ATC class, daily dose outside the usual range,
/// an allergy on record, and age limits. Pure: everything it needs is passed in.
/// </summary>
public static class PrescriptionChecks
{
    public static IReadOnlyList<CheckFinding> Run(
        IReadOnlyList<CheckedLine> lines,
        IReadOnlyList<OtherMedication> otherMedications,
        IReadOnlyList<string> allergies,
        int patientAge,
        IReadOnlyList<DrugInteraction> interactions)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(otherMedications);
        ArgumentNullException.ThrowIfNull(allergies);
        ArgumentNullException.ThrowIfNull(interactions);

        var findings = new List<CheckFinding>();
        var prescribedIds = lines.Select(l => l.Drug.Id).ToHashSet();

        // Note: the medicine being renewed is usually also on the HIS list; that is the same therapy, not a duplicate.
        var others = otherMedications.Where(o => o.Drug is null || !prescribedIds.Contains(o.Drug.Id)).ToList();

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var drug = line.Drug;

            foreach (var other in others.Where(o => o.Drug is not null))
            {
                Compare(findings, drug, other.Drug!, interactions, other.Source);
            }

            // Lines of the same prescription are checked against each other once.
            foreach (var later in lines.Skip(i + 1))
            {
                Compare(findings, drug, later.Drug, interactions, "prescription");
            }

            CheckDose(findings, line);
            foreach (var allergy in allergies.Where(drug.MatchesAllergy))
            {
                findings.Add(Finding(FindingKind.Allergy, FindingSeverity.Severe, drug, null, new() { ["allergy"] = allergy }));
            }

            CheckAge(findings, drug, patientAge);
        }

        foreach (var unknown in others.Where(o => o.Drug is null))
        {
            findings.Add(new CheckFinding(
                FindingKind.NotChecked, FindingSeverity.Info, string.Empty, string.Empty, string.Empty, unknown.Name, unknown.Name,
                new Dictionary<string, string> { ["source"] = unknown.Source }));
        }

        return findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Kind).ToList();
    }

    public static FindingSeverity SeverityOf(InteractionSeverity severity) => severity switch
    {
        InteractionSeverity.Minor => FindingSeverity.Info,
        InteractionSeverity.Moderate => FindingSeverity.Warning,
        _ => FindingSeverity.Severe,
    };

    private static void Compare(List<CheckFinding> findings, Drug drug, Drug other, IReadOnlyList<DrugInteraction> interactions, string source)
    {
        foreach (var interaction in interactions.Where(x => x.Involves(drug.AtcCode, other.AtcCode)))
        {
            findings.Add(Finding(
                FindingKind.Interaction,
                SeverityOf(interaction.Severity),
                drug,
                other,
                new() { ["interactionSeverity"] = interaction.Severity.ToString(), ["source"] = source },
                interaction.Advice,
                interaction.AdviceEn));
        }

        if (drug.Id != other.Id && drug.TherapeuticClass == other.TherapeuticClass)
        {
            findings.Add(Finding(FindingKind.DuplicateTherapy, FindingSeverity.Warning, drug, other, new() { ["atcClass"] = drug.TherapeuticClass, ["source"] = source }));
        }
    }

    private static void CheckDose(List<CheckFinding> findings, CheckedLine line)
    {
        var drug = line.Drug;
        if (line.DailyDose >= drug.MinDailyDose && line.DailyDose <= drug.MaxDailyDose)
        {
            return;
        }

        // Note: above the maximum is a potential overdose (severe); below the usual range is worth a look (warning).
        var severity = line.DailyDose > drug.MaxDailyDose ? FindingSeverity.Severe : FindingSeverity.Warning;
        findings.Add(Finding(FindingKind.DoseRange, severity, drug, null, new()
        {
            ["dailyDose"] = Format(line.DailyDose),
            ["min"] = Format(drug.MinDailyDose),
            ["max"] = Format(drug.MaxDailyDose),
            ["unit"] = drug.DoseUnit,
            ["direction"] = line.DailyDose > drug.MaxDailyDose ? "above" : "below",
        }));
    }

    private static void CheckAge(List<CheckFinding> findings, Drug drug, int age)
    {
        if (drug.MinAge is { } min && age < min)
        {
            findings.Add(Finding(FindingKind.Age, FindingSeverity.Severe, drug, null, new() { ["age"] = Format(age), ["minAge"] = Format(min), ["direction"] = "below" }));
        }

        if (drug.MaxAge is { } max && age >= max)
        {
            findings.Add(Finding(FindingKind.Age, FindingSeverity.Warning, drug, null, new() { ["age"] = Format(age), ["maxAge"] = Format(max), ["direction"] = "above" }));
        }
    }

    private static CheckFinding Finding(FindingKind kind, FindingSeverity severity, Drug drug, Drug? other, Dictionary<string, string> parameters, string? advice = null, string? adviceEn = null) =>
        new(kind, severity, drug.Code, drug.GenericName, drug.GenericNameEn, other?.GenericName, other?.GenericNameEn, parameters, advice, adviceEn);

    private static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
