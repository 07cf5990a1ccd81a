using System.Buffers.Binary;
using System.Text;

namespace InternetHospital.Application.Imaging;

/// <summary>What the portal reads from one DICOM Part-10 file: enough to check it, file it and match it to a patient.</summary>
public sealed record DicomHeader(
    string TransferSyntaxUid,
    string SopClassUid,
    string SopInstanceUid,
    string? StudyInstanceUid,
    string? SeriesInstanceUid,
    string? PatientId,
    string? PatientName,
    string? PatientBirthDate,
    string? StudyDescription,
    string? Modality)
{
    /// <summary>Media Storage Directory Storage: a CD's DICOMDIR, an index of the other files, never stored itself.</summary>
    public bool IsDirectory => SopClassUid == DicomPart10.MediaStorageDirectorySopClass;

    /// <summary>Where the top-level Patient ID element sits (offset and whole length), or where it would be inserted.</summary>
    internal PatientIdPlacement PatientIdAt { get; init; }

    internal bool ExplicitVr { get; init; }
}

internal readonly record struct PatientIdPlacement(int Offset, int Length, int GroupLengthOffset);

/// <summary>
/// A small, bounded reader of DICOM Part-10 files (PS3.10 §7): the 128-byte preamble, "DICM", the group 0002 file meta
/// information (always explicit VR little endian), then the dataset's first elements in explicit or implicit VR little
/// endian, up to the Series Instance UID. It never reads pixel data and never trusts a length without checking it
/// against the bytes it has, so a hostile file costs at most one pass over the prefix it was given. There is no DICOM
/// library on these machines; this reads only what the upload needs.
/// </summary>
public static class DicomPart10
{
    public const string MediaStorageDirectorySopClass = "1.2.840.10008.1.3.10";
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    private const string ExplicitVrBigEndian = "1.2.840.10008.1.2.2";
    private const string DeflatedExplicitVrLittleEndian = "1.2.840.10008.1.2.1.99";

    /// <summary>How much of a file is read for its header: the elements needed all sit in groups 0008 to 0020, near the start.</summary>
    public const int HeaderPrefixBytes = 1024 * 1024;

    private const int PreambleLength = 128;
    private const uint UndefinedLength = 0xFFFFFFFF;
    private const int MaxSequenceDepth = 16;
    private const uint LastTagNeeded = 0x0020000E;
    private const uint PixelData = 0x7FE00010;
    private const uint Item = 0xFFFEE000;
    private const uint ItemDelimitation = 0xFFFEE00D;
    private const uint SequenceDelimitation = 0xFFFEE0DD;
    private const uint PatientIdTag = 0x00100020;

    /// <summary>Whether the bytes start like a Part-10 file: a 128-byte preamble followed by "DICM".</summary>
    public static bool HasPart10Signature(ReadOnlySpan<byte> prefix) =>
        prefix.Length >= PreambleLength + 4 && prefix.Slice(PreambleLength, 4).SequenceEqual("DICM"u8);

    /// <summary>
    /// Reads the header from the start of a file (<paramref name="prefix"/>, at most <see cref="HeaderPrefixBytes"/>;
    /// <paramref name="complete"/> when it is the whole file). Null with a reason when it is not a DICOM file this
    /// portal can store.
    /// </summary>
    public static DicomHeader? TryRead(ReadOnlySpan<byte> prefix, bool complete, out string? reason)
    {
        reason = null;
        if (!HasPart10Signature(prefix))
        {
            reason = "no DICM signature after the 128-byte preamble";
            return null;
        }

        var position = PreambleLength + 4;
        var meta = new Dictionary<uint, string>();
        // Note: group 0002 is always explicit VR little endian, whatever the transfer syntax of the dataset.
        while (position + 8 <= prefix.Length && BinaryPrimitives.ReadUInt16LittleEndian(prefix[position..]) == 0x0002)
        {
            if (!TryReadElement(prefix, ref position, explicitVr: true, out var tag, out var value, out _, out _))
            {
                reason = "the file meta information is cut short";
                return null;
            }

            meta[tag] = Text(value, Encoding.ASCII);
        }

        if (!meta.TryGetValue(0x00020010, out var transferSyntax) || transferSyntax.Length == 0)
        {
            reason = "no transfer syntax in the file meta information";
            return null;
        }

        if (!meta.TryGetValue(0x00020003, out var mediaSopInstance) || mediaSopInstance.Length == 0)
        {
            reason = "no media storage SOP instance UID in the file meta information";
            return null;
        }

        meta.TryGetValue(0x00020002, out var sopClass);
        if (transferSyntax is ExplicitVrBigEndian or DeflatedExplicitVrLittleEndian)
        {
            reason = $"transfer syntax {transferSyntax} is not supported";
            return null;
        }

        var explicitVr = transferSyntax != ImplicitVrLittleEndian;
        var dataset = new Dictionary<uint, byte[]>();
        var placement = new PatientIdPlacement(-1, 0, -1);
        var insertAt = -1;
        var cutShort = false;
        while (position < prefix.Length)
        {
            var start = position;
            if (!TryReadElement(prefix, ref position, explicitVr, out var tag, out var value, out var undefinedLength, out var sequence))
            {
                cutShort = true;
                break;
            }

            if (tag == PixelData || tag > LastTagNeeded)
            {
                insertAt = insertAt < 0 && tag > PatientIdTag ? start : insertAt;
                break;
            }

            if (undefinedLength && !SkipSequence(prefix, ref position, explicitVr && !sequence.IsUnknown, depth: 0))
            {
                cutShort = true;
                break;
            }

            if (tag == PatientIdTag)
            {
                placement = placement with { Offset = start, Length = position - start };
            }
            else if (tag == 0x00100000)
            {
                placement = placement with { GroupLengthOffset = start };
            }
            else if (tag > PatientIdTag && insertAt < 0)
            {
                insertAt = start;
            }

            if (!undefinedLength && IsWanted(tag))
            {
                dataset[tag] = value.ToArray();
            }
        }

        if (cutShort && complete)
        {
            reason = "the dataset is cut short";
            return null;
        }

        var encoding = CharacterSet(dataset.TryGetValue(0x00080005, out var charset) ? Text(charset, Encoding.ASCII) : null);
        string? Value(uint tag, Encoding? textEncoding = null) =>
            dataset.TryGetValue(tag, out var bytes) ? Text(bytes, textEncoding ?? Encoding.ASCII) is { Length: > 0 } text ? text : null : null;

        var sopInstance = Value(0x00080018) ?? mediaSopInstance;
        var header = new DicomHeader(
            transferSyntax,
            sopClass ?? Value(0x00080016) ?? string.Empty,
            sopInstance,
            Value(0x0020000D),
            Value(0x0020000E),
            Value(PatientIdTag, encoding),
            Value(0x00100010, encoding),
            Value(0x00100030),
            Value(0x00081030, encoding),
            Value(0x00080060))
        {
            ExplicitVr = explicitVr,
            PatientIdAt = placement.Offset >= 0 ? placement : placement with { Offset = insertAt, Length = 0 },
        };

        if (!header.IsDirectory && (header.StudyInstanceUid is null || header.SeriesInstanceUid is null))
        {
            reason = cutShort ? "the study and series UIDs are not within the first megabyte" : "no study or series instance UID";
            return null;
        }

        return header;
    }

    /// <summary>
    /// The file with its top-level Patient ID replaced (import reconciliation, IHE IRWF): an outside hospital's ID means
    /// nothing here and may even equal one of this hospital's IDs. Needs the header read from the same bytes.
    /// </summary>
    public static byte[] WithPatientId(byte[] file, DicomHeader header, string patientId)
    {
        var at = header.PatientIdAt;
        if (at.Offset < 0)
        {
            // Note: cannot happen for a file TryRead accepted (its Study Instance UID sorts after Patient ID).
            throw new InvalidOperationException("No place for the Patient ID was found in the header.");
        }

        var value = Encoding.ASCII.GetBytes(patientId.Length % 2 == 0 ? patientId : patientId + " ");
        var element = new byte[8 + value.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(element, 0x0010);
        BinaryPrimitives.WriteUInt16LittleEndian(element.AsSpan(2), 0x0020);
        if (header.ExplicitVr)
        {
            element[4] = (byte)'L';
            element[5] = (byte)'O';
            BinaryPrimitives.WriteUInt16LittleEndian(element.AsSpan(6), (ushort)value.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(element.AsSpan(4), (uint)value.Length);
        }

        value.CopyTo(element, 8);
        var result = new byte[file.Length - at.Length + element.Length];
        file.AsSpan(0, at.Offset).CopyTo(result);
        element.CopyTo(result, at.Offset);
        file.AsSpan(at.Offset + at.Length).CopyTo(result.AsSpan(at.Offset + element.Length));
        if (at.GroupLengthOffset >= 0 && at.GroupLengthOffset < at.Offset)
        {
            // Note: (0010,0000) is retired but still written by some software; it must keep counting the group's bytes.
            var lengthAt = at.GroupLengthOffset + 8;
            var old = BinaryPrimitives.ReadUInt32LittleEndian(result.AsSpan(lengthAt));
            BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(lengthAt), (uint)(old + element.Length - at.Length));
        }

        return result;
    }

    private static bool IsWanted(uint tag) => tag is 0x00080005 or 0x00080016 or 0x00080018 or 0x00080060 or 0x00081030
        or 0x00100010 or PatientIdTag or 0x00100030 or 0x0020000D or 0x0020000E;

    private readonly record struct Vr(bool IsUnknown);

    /// <summary>One element header and value; false when the bytes end inside it.</summary>
    private static bool TryReadElement(ReadOnlySpan<byte> data, ref int position, bool explicitVr, out uint tag, out ReadOnlySpan<byte> value, out bool undefinedLength, out Vr vr)
    {
        value = default;
        undefinedLength = false;
        vr = default;
        tag = 0;
        if (position + 8 > data.Length)
        {
            return false;
        }

        tag = (uint)BinaryPrimitives.ReadUInt16LittleEndian(data[position..]) << 16 | BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 2)..]);
        uint length;
        int headerLength;
        // Note: items and delimiters (group FFFE) carry no VR even in explicit VR datasets.
        if (explicitVr && tag >> 16 != 0xFFFE)
        {
            var name = data.Slice(position + 4, 2);
            vr = new Vr(name.SequenceEqual("UN"u8));
            if (HasLongLength(name))
            {
                if (position + 12 > data.Length)
                {
                    return false;
                }

                length = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 8)..]);
                headerLength = 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 6)..]);
                headerLength = 8;
            }
        }
        else
        {
            length = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            headerLength = 8;
        }

        position += headerLength;
        if (length == UndefinedLength)
        {
            undefinedLength = true;
            return true;
        }

        if (length > (uint)(data.Length - position))
        {
            return false;
        }

        value = data.Slice(position, (int)length);
        position += (int)length;
        return true;
    }

    private static bool HasLongLength(ReadOnlySpan<byte> vr) =>
        vr.SequenceEqual("OB"u8) || vr.SequenceEqual("OD"u8) || vr.SequenceEqual("OF"u8) || vr.SequenceEqual("OL"u8)
        || vr.SequenceEqual("OV"u8) || vr.SequenceEqual("OW"u8) || vr.SequenceEqual("SQ"u8) || vr.SequenceEqual("SV"u8)
        || vr.SequenceEqual("UC"u8) || vr.SequenceEqual("UN"u8) || vr.SequenceEqual("UR"u8) || vr.SequenceEqual("UT"u8)
        || vr.SequenceEqual("UV"u8);

    /// <summary>
    /// Skips a sequence of undefined length: items up to the sequence delimiter, each item either of known length or a
    /// nested dataset up to its item delimiter. A UN of undefined length holds implicit VR items (PS3.5 §6.2.2).
    /// </summary>
    private static bool SkipSequence(ReadOnlySpan<byte> data, ref int position, bool explicitVr, int depth)
    {
        if (depth > MaxSequenceDepth)
        {
            return false;
        }

        while (TryReadElement(data, ref position, explicitVr: false, out var tag, out _, out var undefinedItem, out _))
        {
            if (tag == SequenceDelimitation)
            {
                return true;
            }

            if (tag != Item)
            {
                return false;
            }

            if (undefinedItem && !SkipItem(data, ref position, explicitVr, depth + 1))
            {
                return false;
            }
        }

        return false;
    }

    private static bool SkipItem(ReadOnlySpan<byte> data, ref int position, bool explicitVr, int depth)
    {
        while (TryReadElement(data, ref position, explicitVr, out var tag, out _, out var undefinedLength, out var vr))
        {
            if (tag == ItemDelimitation)
            {
                return true;
            }

            if (undefinedLength && !SkipSequence(data, ref position, explicitVr && !vr.IsUnknown, depth))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Values are padded to even length with spaces (text) or a NUL (UIDs); leading and trailing padding goes.</summary>
    private static string Text(ReadOnlySpan<byte> value, Encoding encoding) => encoding.GetString(value).TrimEnd(' ', '\0').Trim();

    /// <summary>
    /// Specific Character Set (0008,0005) to an encoding (the last value: code extensions name the one for ideographic
    /// names); the default repertoire is ASCII, read as Latin-1 to lose nothing. ISO 2022 escapes are not decoded.
    /// </summary>
    private static Encoding CharacterSet(string? value)
    {
        var terms = (value ?? string.Empty).Split('\\', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var term = terms.Length > 0 ? terms[^1] : string.Empty;
        return term switch
        {
            "ISO_IR 192" => Encoding.UTF8,
            "GB18030" => CodePagesEncodingProvider.Instance.GetEncoding(54936) ?? Encoding.Latin1,
            "GBK" => CodePagesEncodingProvider.Instance.GetEncoding(936) ?? Encoding.Latin1,
            _ => Encoding.Latin1,
        };
    }
}
