namespace InternetHospital.Domain.Renewals;

/// <summary>
/// A medicine as it is prescribed: which drug (code and names in both languages), its strength, the amount per
/// administration, how often and by which route. A renewal request's item, a signed prescription's line and the HIS
/// order all carry these same facts, so they share this one value; the database keeps it in its owner's own columns.
/// </summary>
/// <param name="DoseAmount">Amount per administration, in <paramref name="DoseUnit"/>.</param>
public sealed record DrugLine(
    string DrugCode,
    string DrugName,
    string DrugNameEn,
    string Strength,
    decimal DoseAmount,
    string DoseUnit,
    string Frequency,
    string Route)
{
    public const int DrugCodeMaxLength = 32;
    public const int DrugNameMaxLength = 100;
    public const int StrengthMaxLength = 32;
    public const int DoseUnitMaxLength = 8;
    public const int FrequencyMaxLength = 8;
    public const int RouteMaxLength = 32;

    /// <summary>The dose as people write it ("5 mg", "0.5 tablet").</summary>
    public string DoseText() => $"{DoseAmount:0.####} {DoseUnit}";

    /// <summary>Stands in before EF Core sets the stored value (never seen outside materialisation).</summary>
    internal static DrugLine Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, 0m, string.Empty, string.Empty, string.Empty);
}
