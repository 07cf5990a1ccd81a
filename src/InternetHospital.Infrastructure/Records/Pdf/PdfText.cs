using System.Globalization;
using System.Text;

namespace InternetHospital.Infrastructure.Records.Pdf;

/// <summary>Text for <see cref="PdfDocument"/>: splitting into font runs, measuring, wrapping, PDF string syntax.</summary>
internal static class PdfText
{
    // Helvetica's advance widths (Adobe's AFM, 1/1000 em) for ' ' .. '~'; used for wrapping only: the reader places glyphs itself.
    private static readonly short[] Helvetica =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static bool IsLatin(char c) => c is >= ' ' and <= '~';

    /// <summary>The text as runs for one font each: printable ASCII (Helvetica) or anything else (the CJK font).</summary>
    public static IEnumerable<(bool Latin, string Text)> Runs(string text)
    {
        var clean = Clean(text);
        var start = 0;
        for (var i = 1; i <= clean.Length; i++)
        {
            if (i == clean.Length || IsLatin(clean[i]) != IsLatin(clean[start]))
            {
                yield return (IsLatin(clean[start]), clean[start..i]);
                start = i;
            }
        }
    }

    /// <summary>Control characters become spaces; characters outside the BMP (which UCS-2 cannot name) become '?'.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append('?');
                i++;
            }
            else
            {
                builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Width in points at <paramref name="size"/>; bold Latin is a little wider.</summary>
    public static float Width(string text, float size, bool bold = false)
    {
        var units = 0f;
        foreach (var c in text)
        {
            units += IsLatin(c) ? Helvetica[c - ' '] * (bold ? 1.08f : 1f) : 1000f;
        }

        return units * size / 1000f;
    }

    /// <summary>
    /// Lines no wider than <paramref name="width"/>: Latin breaks at spaces (a word too long for a line is cut), Chinese
    /// between any two characters; line breaks in the text are kept.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, float width, float size, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var unit in Units(paragraph))
            {
                var candidate = line.Length == 0 ? unit.TrimStart() : line + unit;
                if (Width(candidate, size, bold) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                }

                line.Clear();
                foreach (var c in unit.TrimStart())
                {
                    if (line.Length > 0 && Width(line.ToString() + c, size, bold) > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(c);
                }
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>What may not be split: a Latin word with the spaces before it, or one Chinese character.</summary>
    private static IEnumerable<string> Units(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var wordGoesOn = i + 1 < text.Length && IsLatin(text[i + 1]) && text[i + 1] != ' ' && (c == ' ' || IsLatin(c));
            if (!wordGoesOn)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
    }

    /// <summary>A literal string of printable ASCII (what the writer uses for names and tags).</summary>
    public static string Literal(string ascii) =>
        "(" + string.Concat(ascii.Where(IsLatin).Select(c => c is '(' or ')' or '\\' ? "\\" + c : c.ToString())) + ")";

    /// <summary>A text string in UTF-16BE with its byte order mark (document information, any language).</summary>
    public static string Unicode(string text) =>
        "<FEFF" + string.Concat(Clean(text).Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + ">";

    /// <summary>
    /// The ToUnicode CMap of the CJK font: its codes are UCS-2 already, so each code maps to itself. Ranges are written
    /// only for the code pages the document uses (a range may not cross a 256-code boundary).
    /// </summary>
    public static byte[] ToUnicodeMap(IReadOnlyCollection<int> highBytes)
    {
        var map = new StringBuilder();
        map.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in highBytes.Order().Chunk(100))
        {
            map.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfrange\n");
            foreach (var high in chunk)
            {
                map.Append(CultureInfo.InvariantCulture, $"<{high:X2}00> <{high:X2}FF> <{high:X2}00>\n");
            }

            map.Append("endbfrange\n");
        }

        map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return Encoding.ASCII.GetBytes(map.ToString());
    }
}
