using System.Globalization;

namespace InternetHospital.Application.Common.Icd10;

/// <summary>
/// The bundled ICD-10 code list (Icd10/icd10.tsv, embedded): searched by code prefix or by words of either language's
/// title. Loaded once; a few hundred rows need no index.
/// </summary>
public sealed class Icd10Catalog
{
    private static readonly Lazy<Icd10Catalog> Bundled = new(Load);

    private Icd10Catalog(IReadOnlyList<Icd10Entry> entries)
    {
        Entries = entries;
    }

    public static Icd10Catalog Instance => Bundled.Value;

    public IReadOnlyList<Icd10Entry> Entries { get; }

    public Icd10Entry? Find(string code) =>
        Entries.FirstOrDefault(e => string.Equals(e.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Codes starting with the text first, then titles containing every word of it.</summary>
    public IReadOnlyList<Icd10Entry> Search(string text, int limit)
    {
        var query = text.Trim();
        if (query.Length == 0)
        {
            return [];
        }

        var byCode = Entries.Where(e => e.Code.StartsWith(query, StringComparison.OrdinalIgnoreCase) || e.Code.Replace(".", string.Empty, StringComparison.Ordinal).StartsWith(query, StringComparison.OrdinalIgnoreCase));
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var byTitle = Entries.Where(e => words.All(w =>
            compare.IndexOf(e.TitleZh, w, CompareOptions.IgnoreCase) >= 0 || compare.IndexOf(e.TitleEn, w, CompareOptions.IgnoreCase) >= 0));
        return byCode.Concat(byTitle).Distinct().Take(limit).ToList();
    }

    private static Icd10Catalog Load()
    {
        using var stream = typeof(Icd10Catalog).Assembly.GetManifestResourceStream("InternetHospital.Icd10.tsv")
            ?? throw new InvalidOperationException("The bundled ICD-10 list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<Icd10Entry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            entries.Add(new Icd10Entry(parts[0], parts[1], parts[2]));
        }

        return new Icd10Catalog(entries.OrderBy(e => e.Code, StringComparer.Ordinal).ToList());
    }
}

public sealed record Icd10Entry(string Code, string TitleZh, string TitleEn);
