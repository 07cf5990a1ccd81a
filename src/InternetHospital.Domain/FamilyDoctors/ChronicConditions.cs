namespace InternetHospital.Domain.FamilyDoctors;

/// <summary>
/// The chronic conditions a family-doctor panel is organised by (the national basic public health service lists
/// hypertension and type 2 diabetes first). Codes are stable; the SPA translates them.
/// </summary>
public static class ChronicConditions
{
    public const string Hypertension = "hypertension";
    public const string Diabetes = "diabetes";
    public const string CoronaryHeartDisease = "coronary_heart_disease";
    public const string Stroke = "stroke";
    public const string Copd = "copd";
    public const string Dyslipidaemia = "dyslipidaemia";
    public const string ChronicKidneyDisease = "chronic_kidney_disease";

    public static IReadOnlyList<string> All { get; } =
        [Hypertension, Diabetes, CoronaryHeartDisease, Stroke, Copd, Dyslipidaemia, ChronicKidneyDisease];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>The panel condition an ICD-10 diagnosis belongs to, or null when it is not one the panel tracks.</summary>
    public static string? FromIcd10(string icd10)
    {
        var code = icd10.Trim().ToUpperInvariant();
        if (code.Length < 3 || !char.IsLetter(code[0]) || !int.TryParse(code.AsSpan(1, 2), out var number))
        {
            return null;
        }

        return code[0] switch
        {
            'I' when number is >= 10 and <= 15 => Hypertension,
            'I' when number is >= 20 and <= 25 => CoronaryHeartDisease,
            'I' when number is >= 60 and <= 69 => Stroke,
            'E' when number is >= 10 and <= 14 => Diabetes,
            'E' when number == 78 => Dyslipidaemia,
            'J' when number == 44 => Copd,
            'N' when number == 18 => ChronicKidneyDisease,
            _ => null,
        };
    }
}
