using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace InternetHospital.UnitTests.Imaging;

/// <summary>Writes small DICOM Part-10 files byte by byte, so the tests control every element the reader sees.</summary>
internal sealed class DicomTestFile
{
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";

    private readonly List<(uint Tag, string Vr, byte[] Value, bool Undefined)> elements = [];

    public string TransferSyntax { get; init; } = "1.2.840.10008.1.2.1";
    public string SopClass { get; init; } = SecondaryCapture;
    public string SopInstance { get; init; } = "1.2.3.4.5.6.1";
    public bool WithTransferSyntax { get; init; } = true;

    private bool Explicit => TransferSyntax != "1.2.840.10008.1.2";

    public static DicomTestFile Image(string patientId = "P-OUT-1", string name = "ZHANG^WEI", string birth = "19800115", string study = "1.2.3.4", string series = "1.2.3.4.1", string sop = "1.2.3.4.1.1", string transferSyntax = "1.2.840.10008.1.2.1")
    {
        var file = new DicomTestFile { SopInstance = sop, TransferSyntax = transferSyntax };
        file.Add(0x00080016, "UI", SecondaryCapture)
            .Add(0x00080018, "UI", sop)
            .Add(0x00080060, "CS", "CT")
            .Add(0x00081030, "LO", "CT chest")
            .Add(0x00100010, "PN", name)
            .Add(0x00100020, "LO", patientId)
            .Add(0x00100030, "DA", birth)
            .Add(0x0020000D, "UI", study)
            .Add(0x0020000E, "UI", series);
        file.elements.Add((0x7FE00010, "OB", new byte[64], false));
        return file;
    }

    public DicomTestFile Add(uint tag, string vr, string value, Encoding? encoding = null) => Add(tag, vr, (encoding ?? Encoding.ASCII).GetBytes(value));

    public DicomTestFile Add(uint tag, string vr, byte[] value)
    {
        var padded = value.Length % 2 == 0 ? value : [.. value, (byte)(vr == "UI" ? 0 : ' ')];
        elements.Add((tag, vr, padded, false));
        elements.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        return this;
    }

    /// <summary>A sequence of undefined length holding one item of undefined length with one text element.</summary>
    public DicomTestFile AddSequence(uint tag)
    {
        var item = new MemoryStream();
        WriteElement(item, 0x00081150, "UI", Encoding.ASCII.GetBytes("1.2.840.10008.5.1.4.1.1.2\0"), Explicit);
        var body = new MemoryStream();
        WriteRaw(body, 0xFFFEE000, 0xFFFFFFFF);
        body.Write(item.ToArray());
        WriteRaw(body, 0xFFFEE00D, 0);
        WriteRaw(body, 0xFFFEE0DD, 0);
        elements.Add((tag, "SQ", body.ToArray(), true));
        elements.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        return this;
    }

    public byte[] ToBytes()
    {
        var meta = new MemoryStream();
        WriteElement(meta, 0x00020001, "OB", [0, 1], explicitVr: true);
        WriteElement(meta, 0x00020002, "UI", Uid(SopClass), explicitVr: true);
        WriteElement(meta, 0x00020003, "UI", Uid(SopInstance), explicitVr: true);
        if (WithTransferSyntax)
        {
            WriteElement(meta, 0x00020010, "UI", Uid(TransferSyntax), explicitVr: true);
        }

        var output = new MemoryStream();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)meta.Length);
        WriteElement(output, 0x00020000, "UL", groupLength, explicitVr: true);
        output.Write(meta.ToArray());
        foreach (var (tag, vr, value, undefined) in elements)
        {
            if (undefined)
            {
                WriteHeader(output, tag, vr, 0xFFFFFFFF, Explicit);
                output.Write(value);
            }
            else
            {
                WriteElement(output, tag, vr, value, Explicit);
            }
        }

        return output.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    private static byte[] Uid(string uid) => Encoding.ASCII.GetBytes(uid.Length % 2 == 0 ? uid : uid + "\0");

    private static void WriteElement(Stream output, uint tag, string vr, byte[] value, bool explicitVr)
    {
        WriteHeader(output, tag, vr, (uint)value.Length, explicitVr);
        output.Write(value);
    }

    private static void WriteHeader(Stream output, uint tag, string vr, uint length, bool explicitVr)
    {
        Span<byte> buffer = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[2..], (ushort)tag);
        if (!explicitVr)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[4..], length);
            output.Write(buffer[..8]);
            return;
        }

        buffer[4] = (byte)vr[0];
        buffer[5] = (byte)vr[1];
        if (vr is "OB" or "OW" or "SQ" or "UN" or "UT")
        {
            buffer[6] = 0;
            buffer[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[8..], length);
            output.Write(buffer);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer[6..], (ushort)length);
            output.Write(buffer[..8]);
        }
    }

    private static void WriteRaw(Stream output, uint tag, uint length) => WriteHeader(output, tag, "", length, explicitVr: false);
}
