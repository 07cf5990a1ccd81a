using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace InternetHospital.Infrastructure.Imaging;

/// <summary>
/// Just enough of DICOM Part 10 (PS3.10 7.1) to index a file: the 128-byte preamble, "DICM", the file meta group
/// (always explicit VR little endian) and the top-level elements of the data set in explicit or implicit VR little
/// endian. Sequences are skipped, not read. Native pixel data is located (offset and length) so the demo archive can
/// render it; compressed (encapsulated) pixel data is only noted. Anything else (big endian, deflate) indexes the
/// meta group only. Malformed input throws <see cref="FormatException"/>.
/// </summary>
internal sealed class DicomFile
{
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    public const uint MediaStorageSopInstanceUidTag = 0x00020003;
    public const uint TransferSyntaxUidTag = 0x00020010;
    public const uint SopInstanceUidTag = 0x00080018;
    public const uint StudyDateTag = 0x00080020;
    public const uint AccessionNumberTag = 0x00080050;
    public const uint ModalityTag = 0x00080060;
    public const uint StudyDescriptionTag = 0x00081030;
    public const uint SeriesDescriptionTag = 0x0008103E;
    public const uint PatientNameTag = 0x00100010;
    public const uint PatientIdTag = 0x00100020;
    public const uint StudyInstanceUidTag = 0x0020000D;
    public const uint SeriesInstanceUidTag = 0x0020000E;
    public const uint SeriesNumberTag = 0x00200011;
    public const uint InstanceNumberTag = 0x00200013;
    public const uint SamplesPerPixelTag = 0x00280002;
    public const uint PhotometricInterpretationTag = 0x00280004;
    public const uint NumberOfFramesTag = 0x00280008;
    public const uint RowsTag = 0x00280010;
    public const uint ColumnsTag = 0x00280011;
    public const uint BitsAllocatedTag = 0x00280100;
    public const uint PixelRepresentationTag = 0x00280103;
    public const uint WindowCenterTag = 0x00281050;
    public const uint WindowWidthTag = 0x00281051;
    public const uint RescaleInterceptTag = 0x00281052;
    public const uint RescaleSlopeTag = 0x00281053;
    public const uint PixelDataTag = 0x7FE00010;

    private static readonly HashSet<string> LongExplicitVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private readonly Dictionary<uint, ReadOnlyMemory<byte>> elements;

    private DicomFile(byte[] bytes, Dictionary<uint, ReadOnlyMemory<byte>> elements, string? transferSyntax, bool pixelDataEncapsulated)
    {
        Bytes = bytes;
        this.elements = elements;
        TransferSyntaxUid = transferSyntax;
        PixelDataEncapsulated = pixelDataEncapsulated;
    }

    public byte[] Bytes { get; }

    public string? TransferSyntaxUid { get; }

    public bool PixelDataEncapsulated { get; }

    public ReadOnlyMemory<byte>? PixelData => elements.TryGetValue(PixelDataTag, out var v) ? v : null;

    public string? SopInstanceUid => String(SopInstanceUidTag) ?? String(MediaStorageSopInstanceUidTag);

    /// <summary>Whether the bytes start like a DICOM Part 10 file (preamble and "DICM").</summary>
    public static bool LooksLikePart10(ReadOnlySpan<byte> bytes) => bytes.Length >= 132 && bytes.Slice(128, 4).SequenceEqual("DICM"u8);

    public static DicomFile Read(byte[] bytes)
    {
        if (!LooksLikePart10(bytes))
        {
            throw new FormatException("Not a DICOM Part 10 file (no DICM prefix).");
        }

        var elements = new Dictionary<uint, ReadOnlyMemory<byte>>();
        var position = 132;
        var encapsulated = false;

        // The file meta group is explicit VR little endian whatever the data set uses.
        while (position + 4 <= bytes.Length && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(position)) == 0x0002)
        {
            position = ReadElement(bytes, position, explicitVr: true, elements, ref encapsulated);
        }

        var transferSyntax = elements.TryGetValue(TransferSyntaxUidTag, out var ts) ? Text(ts.Span) : null;
        var explicitVr = transferSyntax switch
        {
            ExplicitVrLittleEndian => true,
            ImplicitVrLittleEndian => false,
            null => false,

            // Note: every compressed transfer syntax keeps the data set itself explicit VR little endian; only big
            // endian (1.2.840.10008.1.2.2) and deflate (1.2.840.10008.1.2.1.99) do not, and those are indexed by meta only.
            "1.2.840.10008.1.2.2" or "1.2.840.10008.1.2.1.99" => (bool?)null,
            _ => true,
        };
        if (explicitVr is { } isExplicit)
        {
            while (position + 8 <= bytes.Length)
            {
                position = ReadElement(bytes, position, isExplicit, elements, ref encapsulated);
            }
        }

        return new DicomFile(bytes, elements, transferSyntax, encapsulated);
    }

    public string? String(uint tag)
    {
        if (!elements.TryGetValue(tag, out var value))
        {
            return null;
        }

        var text = Text(value.Span);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>The first of several values (DICOM separates them with a backslash).</summary>
    public string? First(uint tag) => String(tag)?.Split('\\')[0].Trim() is { Length: > 0 } first ? first : null;

    public int? Int(uint tag) => int.TryParse(First(tag), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    public double? Decimal(uint tag) => double.TryParse(First(tag), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public ushort? UnsignedShort(uint tag) =>
        elements.TryGetValue(tag, out var v) && v.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(v.Span) : null;

    public DateOnly? Date(uint tag) =>
        String(tag)?.Replace(".", string.Empty, StringComparison.Ordinal) is { Length: 8 } text
        && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public string? PersonName(uint tag) =>
        String(tag)?.Split('=')[0] is { Length: > 0 } alphabetic
            ? string.Join(' ', alphabetic.Split('^', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : null;

    private static int ReadElement(byte[] bytes, int position, bool explicitVr, Dictionary<uint, ReadOnlyMemory<byte>> elements, ref bool encapsulated)
    {
        var span = bytes.AsSpan();
        var group = BinaryPrimitives.ReadUInt16LittleEndian(span[position..]);
        var element = BinaryPrimitives.ReadUInt16LittleEndian(span[(position + 2)..]);
        var tag = ((uint)group << 16) | element;
        string? vr = null;
        uint length;
        int valueStart;
        if (explicitVr && group != 0xFFFE)
        {
            Need(bytes, position + 8);
            vr = Encoding.ASCII.GetString(span.Slice(position + 4, 2));
            if (LongExplicitVrs.Contains(vr))
            {
                Need(bytes, position + 12);
                length = BinaryPrimitives.ReadUInt32LittleEndian(span[(position + 8)..]);
                valueStart = position + 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(span[(position + 6)..]);
                valueStart = position + 8;
            }
        }
        else
        {
            Need(bytes, position + 8);
            length = BinaryPrimitives.ReadUInt32LittleEndian(span[(position + 4)..]);
            valueStart = position + 8;
        }

        if (length == uint.MaxValue)
        {
            // Undefined length: a sequence, or encapsulated pixel data; both end with a sequence delimitation item.
            if (tag == PixelDataTag)
            {
                encapsulated = true;
            }

            return SkipUndefinedLength(bytes, valueStart);
        }

        if (valueStart + (long)length > bytes.Length)
        {
            throw new FormatException($"Element ({group:X4},{element:X4}) runs past the end of the file.");
        }

        if (vr != "SQ")
        {
            elements[tag] = bytes.AsMemory(valueStart, (int)length);
        }

        return valueStart + (int)length;
    }

    /// <summary>Walks items (each of defined or undefined length) up to the sequence delimitation item (FFFE,E0DD).</summary>
    private static int SkipUndefinedLength(byte[] bytes, int position)
    {
        var span = bytes.AsSpan();
        while (true)
        {
            Need(bytes, position + 8);
            var group = BinaryPrimitives.ReadUInt16LittleEndian(span[position..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(span[(position + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(span[(position + 4)..]);
            position += 8;
            if (group != 0xFFFE)
            {
                throw new FormatException("Expected an item in an undefined-length element.");
            }

            if (element == 0xE0DD)
            {
                return position;
            }

            if (length == uint.MaxValue)
            {
                position = SkipItemOfUndefinedLength(bytes, position);
            }
            else
            {
                if (position + (long)length > bytes.Length)
                {
                    throw new FormatException("An item runs past the end of the file.");
                }

                position += (int)length;
            }
        }
    }

    /// <summary>
    /// An item of undefined length: its elements, up to (FFFE,E00D). Nested data sets are read as explicit VR when the
    /// bytes at a VR position are two upper-case letters (nested sequences in implicit VR files are rare; a file whose
    /// nesting cannot be walked is refused, not guessed).
    /// </summary>
    private static int SkipItemOfUndefinedLength(byte[] bytes, int position)
    {
        var span = bytes.AsSpan();
        var ignored = new Dictionary<uint, ReadOnlyMemory<byte>>();
        var encapsulated = false;
        while (true)
        {
            Need(bytes, position + 8);
            var group = BinaryPrimitives.ReadUInt16LittleEndian(span[position..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(span[(position + 2)..]);
            if (group == 0xFFFE && element == 0xE00D)
            {
                return position + 8;
            }

            var explicitVr = char.IsAsciiLetterUpper((char)span[position + 4]) && char.IsAsciiLetterUpper((char)span[position + 5]);
            position = ReadElement(bytes, position, explicitVr, ignored, ref encapsulated);
        }
    }

    private static void Need(byte[] bytes, long end)
    {
        if (end > bytes.Length)
        {
            throw new FormatException("The file ends inside an element header.");
        }
    }

    private static string Text(ReadOnlySpan<byte> value) =>

        // Note: UIDs are padded with NUL, text with spaces. Character sets other than the default decode as UTF-8,
        // which is right for ISO_IR 192 and close enough for an index (the PACS keeps the original).
        Encoding.UTF8.GetString(value).TrimEnd('\0', ' ').Trim();
}
