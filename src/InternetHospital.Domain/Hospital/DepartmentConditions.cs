using System.Text.RegularExpressions;

namespace InternetHospital.Domain.Hospital;

/// <summary>
/// The conditions a department follows up online (domain rule 1): ICD-10 categories such as <c>I10-I15</c>,
/// <c>I48</c> or <c>E78</c>. A video visit with the department needs an in-person diagnosis of one of them.
/// Hospitals configure these; the demo seeds a sensible set per department.
/// </summary>
public sealed class DepartmentConditions
{
    private DepartmentConditions()
    {
        Ranges = [];
    }

    public Guid DepartmentId { get; private set; }

    /// <summary>The ranges as written (<c>I10-I15</c>, <c>E78</c>), each valid per <see cref="Icd10Range"/>.</summary>
    public string[] Ranges { get; private set; }

    public static DepartmentConditions Create(Guid departmentId, IEnumerable<string> ranges)
    {
        var conditions = new DepartmentConditions { DepartmentId = departmentId };
        conditions.Replace(ranges);
        return conditions;
    }

    public void Replace(IEnumerable<string> ranges)
    {
        Ranges = ranges.Select(r => Icd10Range.Parse(r).ToString()).Distinct(StringComparer.Ordinal).ToArray();
    }

    public bool Covers(string icd10Code) => Ranges.Any(r => Icd10Range.Parse(r).Contains(icd10Code));
}

/// <summary>
/// An inclusive range of ICD-10 categories (letter + two digits), e.g. <c>I20-I25</c>; a single category is a range
/// of one. A code matches by its category: <c>I25.10</c> is in <c>I20-I25</c>.
/// </summary>
public readonly partial record struct Icd10Range(string From, string To)
{
    public static Icd10Range Parse(string text)
    {
        if (!TryParse(text, out var range))
        {
            throw new Common.DomainRuleException("invalid_icd10_range", $"'{text}' is not an ICD-10 category or range such as I10 or I20-I25.");
        }

        return range;
    }

    public static bool TryParse(string? text, out Icd10Range range)
    {
        range = default;
        var match = text is null ? null : Pattern().Match(text.Trim().ToUpperInvariant());
        if (match is not { Success: true })
        {
            return false;
        }

        var from = match.Groups["from"].Value;
        var to = match.Groups["to"].Success ? match.Groups["to"].Value : from;
        if (from[0] != to[0] || string.CompareOrdinal(from, to) > 0)
        {
            return false;
        }

        range = new Icd10Range(from, to);
        return true;
    }

    public bool Contains(string? icd10Code)
    {
        if (string.IsNullOrWhiteSpace(icd10Code) || icd10Code.Trim().Length < 3)
        {
            return false;
        }

        var category = icd10Code.Trim()[..3].ToUpperInvariant();
        return string.CompareOrdinal(category, From) >= 0 && string.CompareOrdinal(category, To) <= 0;
    }

    public override string ToString() => From == To ? From : $"{From}-{To}";

    [GeneratedRegex("^(?<from>[A-Z][0-9]{2})(?:-(?<to>[A-Z][0-9]{2}))?$")]
    private static partial Regex Pattern();
}
