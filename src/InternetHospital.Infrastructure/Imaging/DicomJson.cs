using System.Globalization;
using System.Text.Json;
using InternetHospital.Application.Imaging;

namespace InternetHospital.Infrastructure.Imaging;

/// <summary>
/// Reads QIDO-RS answers (DICOM JSON, PS3.18 F.2): an array of objects keyed by tag ("0020000D") whose values are
/// <c>{"vr": "UI", "Value": [...]}</c>. Numbers (IS, US) may come as JSON numbers or strings depending on the PACS;
/// person names as <c>{"Alphabetic": "..."}</c>. Anything missing or malformed is read as absent, never guessed.
/// </summary>
internal static class DicomJson
{
    public const string StudyInstanceUid = "0020000D";
    public const string SeriesInstanceUid = "0020000E";
    public const string SopInstanceUid = "00080018";
    public const string PatientId = "00100020";
    public const string PatientName = "00100010";
    public const string StudyDate = "00080020";
    public const string StudyDescription = "00081030";
    public const string ModalitiesInStudy = "00080061";
    public const string AccessionNumber = "00080050";
    public const string StudySeriesCount = "00201206";
    public const string StudyInstanceCount = "00201208";
    public const string Modality = "00080060";
    public const string SeriesDescription = "0008103E";
    public const string SeriesNumber = "00200011";
    public const string SeriesInstanceCount = "00201209";
    public const string InstanceNumber = "00200013";
    public const string NumberOfFrames = "00280008";
    public const string FailedSopSequence = "00081198";
    public const string ReferencedSopSequence = "00081199";
    public const string ReferencedSopInstanceUid = "00081155";
    public const string RetrieveUrl = "00081190";

    public static IReadOnlyList<ArchivedStudy> Studies(JsonElement root) =>
        Objects(root).Select(Study).OfType<ArchivedStudy>().ToList();

    public static IReadOnlyList<ArchivedSeries> Series(JsonElement root) =>
        Objects(root)
            .Select(o => String(o, SeriesInstanceUid) is { } uid
                ? new ArchivedSeries(uid, String(o, Modality), String(o, SeriesDescription), Int(o, SeriesNumber), Int(o, SeriesInstanceCount) ?? 0)
                : null)
            .OfType<ArchivedSeries>()
            .OrderBy(s => s.Number ?? int.MaxValue).ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<ArchivedInstance> Instances(JsonElement root) =>
        Objects(root)
            .Select(o => String(o, SopInstanceUid) is { } uid ? new ArchivedInstance(uid, Int(o, InstanceNumber), Math.Max(1, Int(o, NumberOfFrames) ?? 1)) : null)
            .OfType<ArchivedInstance>()
            .OrderBy(i => i.Number ?? int.MaxValue).ThenBy(i => i.SopInstanceUid, StringComparer.Ordinal)
            .ToList();

    public static ArchivedStudy? Study(JsonElement o)
    {
        if (String(o, StudyInstanceUid) is not { } uid)
        {
            return null;
        }

        var modalities = Strings(o, ModalitiesInStudy);
        return new ArchivedStudy(
            uid,
            String(o, PatientId) ?? string.Empty,
            Name(o, PatientName),
            Date(o, StudyDate),
            String(o, StudyDescription),
            modalities.Count == 0 ? null : string.Join(',', modalities),
            String(o, AccessionNumber),
            Int(o, StudySeriesCount) ?? 0,
            Int(o, StudyInstanceCount) ?? 0);
    }

    /// <summary>The STOW-RS answer: the SOP instances stored (with their retrieve URLs) and how many failed.</summary>
    public static (IReadOnlyList<(string SopInstanceUid, string? RetrieveUrl)> Stored, int Failed) StoreResult(JsonElement root)
    {
        var stored = new List<(string, string?)>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (stored, 0);
        }

        foreach (var item in Items(root, ReferencedSopSequence))
        {
            if (String(item, ReferencedSopInstanceUid) is { } sop)
            {
                stored.Add((sop, String(item, RetrieveUrl)));
            }
        }

        return (stored, Items(root, FailedSopSequence).Count());
    }

    public static IEnumerable<JsonElement> Objects(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];

    public static string? String(JsonElement o, string tag) => Strings(o, tag).FirstOrDefault();

    public static IReadOnlyList<string> Strings(JsonElement o, string tag)
    {
        if (!Values(o, tag, out var values))
        {
            return [];
        }

        var list = new List<string>();
        foreach (var v in values.EnumerateArray())
        {
            var text = v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                list.Add(text.Trim());
            }
        }

        return list;
    }

    public static int? Int(JsonElement o, string tag)
    {
        if (!Values(o, tag, out var values) || values.GetArrayLength() == 0)
        {
            return null;
        }

        var v = values[0];
        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(v.GetString()?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>A DA value (YYYYMMDD); the old ACR-NEMA form with dots is accepted too.</summary>
    public static DateOnly? Date(JsonElement o, string tag) =>
        String(o, tag)?.Replace(".", string.Empty, StringComparison.Ordinal) is { Length: 8 } text
        && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>A PN value: the alphabetic form, else the ideographic one (Chinese names may come only that way); carets become spaces.</summary>
    public static string? Name(JsonElement o, string tag)
    {
        if (!Values(o, tag, out var values) || values.GetArrayLength() == 0)
        {
            return null;
        }

        var v = values[0];
        var text = v.ValueKind switch
        {
            JsonValueKind.Object => (v.TryGetProperty("Alphabetic", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null)
                ?? (v.TryGetProperty("Ideographic", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null),
            JsonValueKind.String => v.GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split('^', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IEnumerable<JsonElement> Items(JsonElement o, string tag) =>
        Values(o, tag, out var values) ? values.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];

    private static bool Values(JsonElement o, string tag, out JsonElement values)
    {
        values = default;
        if (o.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        // Note: tags are hex; PACSes differ in letter case ("0020000D" vs "0020000d").
        foreach (var property in o.EnumerateObject())
        {
            if (string.Equals(property.Name, tag, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.Array)
                {
                    values = v;
                    return true;
                }

                return false;
            }
        }

        return false;
    }
}
