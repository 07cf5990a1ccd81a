using System.Text;
using System.Text.RegularExpressions;

namespace InternetHospital.Infrastructure.His.Hl7v2;

/// <summary>
/// One segment. Field numbers are the standard's (PID-5 is field 5); a field holds repetitions of components of
/// subcomponents, all 1-based. For MSH, fields 1 and 2 are the delimiters themselves and are written by the message.
/// </summary>
internal sealed partial class Hl7Segment
{
    // fields[n] = repetitions -> components -> subcomponents (unescaped values). Index 0 is unused.
    private readonly List<string[][][]?> fields = [null];

    public Hl7Segment(string id)
    {
        if (!SegmentId().IsMatch(id))
        {
            throw new Hl7FormatException($"'{id}' is not a segment id (three upper-case letters or digits).");
        }

        Id = id;
        if (IsHeader)
        {
            fields.Add(null);
            fields.Add(null);
        }
    }

    public string Id { get; }

    public int FieldCount => fields.Count - 1;

    private bool IsHeader => Id == "MSH";

    /// <summary>A value (empty when absent).</summary>
    public string Get(int field, int component = 1, int subcomponent = 1, int repetition = 1)
    {
        if (field < 1 || field >= fields.Count || fields[field] is not { } repetitions || repetition > repetitions.Length)
        {
            return string.Empty;
        }

        var components = repetitions[repetition - 1];
        if (component > components.Length)
        {
            return string.Empty;
        }

        var subcomponents = components[component - 1];
        return subcomponent > subcomponents.Length ? string.Empty : subcomponents[subcomponent - 1];
    }

    /// <summary>How many repetitions a field has (0 when empty).</summary>
    public int Repetitions(int field) => field < fields.Count && fields[field] is { } repetitions ? repetitions.Length : 0;

    /// <summary>Sets a field to one repetition of these components (null or empty components stay empty).</summary>
    public Hl7Segment Set(int field, params string?[] components) => SetRepetitions(field, [components]);

    /// <summary>Sets a field to several repetitions.</summary>
    public Hl7Segment SetRepetitions(int field, IEnumerable<string?[]> repetitions)
    {
        if (IsHeader && field <= 2)
        {
            throw new ArgumentOutOfRangeException(nameof(field), "MSH-1 and MSH-2 are the delimiters.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(field, 1);
        while (fields.Count <= field)
        {
            fields.Add(null);
        }

        var value = repetitions.Select(components => components.Select(c => new[] { c ?? string.Empty }).ToArray()).ToArray();
        fields[field] = value.Length == 0 || value.All(IsEmpty) ? null : value;
        return this;
    }

    /// <summary>Sets one component to subcomponents (for composite types such as a CQ quantity inside a field).</summary>
    public Hl7Segment SetSubcomponents(int field, int component, params string?[] subcomponents)
    {
        var components = Enumerable.Range(1, Math.Max(component, ComponentCount(field)))
            .Select(c => c == component ? subcomponents.Select(s => s ?? string.Empty).ToArray() : [Get(field, c)])
            .ToArray();
        Set(field, "placeholder");
        fields[field] = IsEmpty(components) ? null : [components];
        return this;
    }

    private int ComponentCount(int field) => field < fields.Count && fields[field] is { Length: > 0 } r ? r[0].Length : 0;

    private static bool IsEmpty(string[][] components) => components.All(c => c.All(string.IsNullOrEmpty));

    public void EncodeTo(StringBuilder text, Hl7Delimiters d)
    {
        text.Append(Id);
        var first = 1;
        if (IsHeader)
        {
            text.Append(d.Field).Append(d.EncodingCharacters);
            first = 3;
        }

        // Trailing empty fields are left out, as the standard allows.
        var last = fields.Count - 1;
        while (last >= first && fields[last] is null)
        {
            last--;
        }

        for (var i = first; i <= last; i++)
        {
            text.Append(d.Field);
            if (fields[i] is not { } repetitions)
            {
                continue;
            }

            for (var r = 0; r < repetitions.Length; r++)
            {
                if (r > 0)
                {
                    text.Append(d.Repetition);
                }

                var components = repetitions[r];
                var lastComponent = components.Length - 1;
                while (lastComponent > 0 && components[lastComponent].All(string.IsNullOrEmpty))
                {
                    lastComponent--;
                }

                for (var c = 0; c <= lastComponent; c++)
                {
                    if (c > 0)
                    {
                        text.Append(d.Component);
                    }

                    var subcomponents = components[c];
                    var lastSub = subcomponents.Length - 1;
                    while (lastSub > 0 && subcomponents[lastSub].Length == 0)
                    {
                        lastSub--;
                    }

                    for (var s = 0; s <= lastSub; s++)
                    {
                        if (s > 0)
                        {
                            text.Append(d.Subcomponent);
                        }

                        text.Append(d.Escape(subcomponents[s]));
                    }
                }
            }
        }
    }

    public static Hl7Segment Parse(string line, Hl7Delimiters d, bool isFirst)
    {
        var id = line.Length >= 3 ? line[..3] : line;
        if (!Hl7Message.SupportedSegments.Contains(id))
        {
            throw new Hl7FormatException($"Segment '{id}' is not supported.");
        }

        if (isFirst != (id == "MSH"))
        {
            throw new Hl7FormatException(isFirst ? "A message starts with MSH." : "MSH may only be the first segment.");
        }

        if (line.Length > 3 && line[3] != d.Field)
        {
            throw new Hl7FormatException($"Segment {id} does not continue with the field separator.");
        }

        var segment = new Hl7Segment(id);
        var rest = line.Length > 4 ? line[4..] : string.Empty;
        var values = line.Length > 3 ? rest.Split(d.Field) : [];
        var firstField = 1;
        if (segment.IsHeader)
        {
            // values[0] is MSH-2, the encoding characters, already read by the message.
            values = values.Skip(1).ToArray();
            firstField = 3;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var field = firstField + i;
            while (segment.fields.Count <= field)
            {
                segment.fields.Add(null);
            }

            if (values[i].Length == 0)
            {
                continue;
            }

            segment.fields[field] = values[i].Split(d.Repetition)
                .Select(rep => rep.Split(d.Component).Select(comp => comp.Split(d.Subcomponent).Select(d.Unescape).ToArray()).ToArray())
                .ToArray();
        }

        return segment;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]{2}$")]
    private static partial Regex SegmentId();
}
