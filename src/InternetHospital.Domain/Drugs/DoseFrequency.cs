using System.Globalization;

namespace InternetHospital.Domain.Drugs;

/// <summary>
/// The frequency codes Chinese prescriptions use (qd, bid, ...) and how many administrations per day each means,
/// so a daily dose can be checked against the catalogue.
/// </summary>
public static class DoseFrequency
{
    private static readonly Dictionary<string, decimal> PerDay = new(StringComparer.OrdinalIgnoreCase)
    {
        ["qd"] = 1m,
        ["qn"] = 1m,
        ["qm"] = 1m,
        ["bid"] = 2m,
        ["tid"] = 3m,
        ["qid"] = 4m,
        ["q12h"] = 2m,
        ["q8h"] = 3m,
        ["q6h"] = 4m,
        ["qod"] = 0.5m,
        ["qw"] = 1m / 7m,
    };

    public static IReadOnlyCollection<string> Codes => PerDay.Keys;

    public static bool IsKnown(string? code) => code is not null && PerDay.ContainsKey(code);

    public static decimal TimesPerDay(string code) =>
        PerDay.TryGetValue(code, out var times) ? times : throw new ArgumentException($"Unknown dose frequency '{code}'.", nameof(code));

    public static string Normalise(string code) => code.Trim().ToLowerInvariant();

    /// <summary>The amount in a dose written as text (<c>5 mg</c>, <c>0.4mg</c>, <c>20 U</c>), or null if none can be read.</summary>
    public static decimal? ParseAmount(string? dose)
    {
        if (string.IsNullOrWhiteSpace(dose))
        {
            return null;
        }

        var text = dose.Trim();
        var end = 0;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return end > 0 && decimal.TryParse(text[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? amount
            : null;
    }
}
