using System.Text;

namespace InternetHospital.Infrastructure.His.Hl7v2;

/// <summary>
/// An HL7 v2 message as segments of fields. Values are held unescaped: <see cref="Encode"/> escapes them and
/// <see cref="Parse"/> unescapes them. Deliberately small and strict: it knows exactly the segments this portal
/// sends and receives (see <see cref="SupportedSegments"/>) and refuses anything it does not understand, because a
/// message half-understood is worse than one refused.
/// </summary>
internal sealed class Hl7Message
{
    /// <summary>The segments of ADT^A04 (with PV2 for emergency visits), ADT^A40 (MRG), SIU^S12/S13/S14/S15, RDE^O11, MDM^T02, ORU^R01 and ACK.</summary>
    public static readonly IReadOnlySet<string> SupportedSegments = new HashSet<string>(StringComparer.Ordinal)
    {
        "MSH", "EVN", "PID", "PV1", "PV2", "MRG", "SCH", "RGS", "AIS", "AIP", "ORC", "RXE", "RXR", "TXA", "OBR", "OBX", "MSA", "ERR",
    };

    public const char SegmentTerminator = '\r';

    private readonly List<Hl7Segment> segments = [];

    public Hl7Message(Hl7Delimiters? delimiters = null)
    {
        Delimiters = delimiters ?? Hl7Delimiters.Standard;
    }

    public Hl7Delimiters Delimiters { get; }

    public IReadOnlyList<Hl7Segment> Segments => segments;

    /// <summary>MSH-9 as "TYPE^EVENT" (e.g. <c>ADT^A04</c>).</summary>
    public string MessageType => Header.Get(9) + (Header.Get(9, 2) is { Length: > 0 } trigger ? "^" + trigger : string.Empty);

    /// <summary>MSH-10, the message control id: what an ACK refers to and what the receiver de-duplicates on.</summary>
    public string ControlId => Header.Get(10);

    public Hl7Segment Header => segments.Count > 0 && segments[0].Id == "MSH"
        ? segments[0]
        : throw new Hl7FormatException("The message has no MSH segment.");

    public Hl7Segment Add(string id)
    {
        if (!SupportedSegments.Contains(id))
        {
            throw new Hl7FormatException($"Segment {id} is not supported.");
        }

        if (segments.Count == 0 && id != "MSH")
        {
            throw new Hl7FormatException("A message starts with MSH.");
        }

        var segment = new Hl7Segment(id);
        segments.Add(segment);
        return segment;
    }

    public Hl7Segment? Find(string id) => segments.FirstOrDefault(s => s.Id == id);

    public IEnumerable<Hl7Segment> All(string id) => segments.Where(s => s.Id == id);

    public string Encode()
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            segment.EncodeTo(text, Delimiters);
            text.Append(SegmentTerminator);
        }

        return text.ToString();
    }

    public override string ToString() => Encode();

    /// <summary>Reads a message; throws <see cref="Hl7FormatException"/> for anything that is not exactly right.</summary>
    public static Hl7Message Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            throw new Hl7FormatException("Segments end with a carriage return only; the message contains a line feed.");
        }

        if (!text.StartsWith("MSH", StringComparison.Ordinal) || text.Length < 8)
        {
            throw new Hl7FormatException("A message starts with an MSH segment and its delimiters.");
        }

        var delimiters = Hl7Delimiters.FromHeader(text[3], text.AsSpan(4, 4));
        if (text.Length > 8 && text[8] != delimiters.Field && text[8] != SegmentTerminator)
        {
            throw new Hl7FormatException("MSH-2 holds exactly four encoding characters.");
        }

        var body = text.EndsWith(SegmentTerminator) ? text[..^1] : text;
        var message = new Hl7Message(delimiters);
        var number = 0;
        foreach (var line in body.Split(SegmentTerminator))
        {
            number++;
            if (line.Length == 0)
            {
                throw new Hl7FormatException($"Segment {number} is empty.");
            }

            message.segments.Add(Hl7Segment.Parse(line, delimiters, number == 1));
        }

        return message;
    }
}

/// <summary>The five delimiters from MSH-1 and MSH-2; the standard set is <c>|^~\&amp;</c>.</summary>
internal sealed record Hl7Delimiters(char Field, char Component, char Repetition, char EscapeCharacter, char Subcomponent)
{
    public static readonly Hl7Delimiters Standard = new('|', '^', '~', '\\', '&');

    public string EncodingCharacters => string.Concat(Component, Repetition, EscapeCharacter, Subcomponent);

    public static Hl7Delimiters FromHeader(char field, ReadOnlySpan<char> encoding)
    {
        var delimiters = new Hl7Delimiters(field, encoding[0], encoding[1], encoding[2], encoding[3]);
        var all = new[] { field, encoding[0], encoding[1], encoding[2], encoding[3] };
        if (all.Distinct().Count() != all.Length || all.Any(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c)))
        {
            throw new Hl7FormatException("MSH-1 and MSH-2 must be five distinct delimiter characters.");
        }

        return delimiters;
    }

    /// <summary>Escapes a value: each delimiter becomes its escape sequence (\F\ \S\ \T\ \R\ \E\).</summary>
    public string Escape(string value)
    {
        if (value.IndexOfAny([Field, Component, Repetition, EscapeCharacter, Subcomponent]) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            var code = c == Field ? 'F' : c == Component ? 'S' : c == Subcomponent ? 'T' : c == Repetition ? 'R' : c == EscapeCharacter ? 'E' : '\0';
            if (code == '\0')
            {
                text.Append(c);
            }
            else
            {
                text.Append(EscapeCharacter).Append(code).Append(EscapeCharacter);
            }
        }

        return text.ToString();
    }

    public string Unescape(string value)
    {
        var start = value.IndexOf(EscapeCharacter, StringComparison.Ordinal);
        if (start < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        text.Append(value, 0, start);
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (c != EscapeCharacter)
            {
                text.Append(c);
                continue;
            }

            var end = value.IndexOf(EscapeCharacter, i + 1);
            if (end != i + 2)
            {
                throw new Hl7FormatException($"Unsupported or unterminated escape sequence at position {i} (only \\F\\ \\S\\ \\T\\ \\R\\ \\E\\ are understood).");
            }

            text.Append(value[i + 1] switch
            {
                'F' => Field,
                'S' => Component,
                'T' => Subcomponent,
                'R' => Repetition,
                'E' => EscapeCharacter,
                _ => throw new Hl7FormatException($"Unsupported escape sequence \\{value[i + 1]}\\ at position {i}."),
            });
            i = end;
        }

        return text.ToString();
    }
}

/// <summary>A message that is not HL7 v2 as this codec understands it.</summary>
internal sealed class Hl7FormatException(string message) : Exception(message);
