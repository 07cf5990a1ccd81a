using System.Buffers.Binary;
using System.IO.Compression;

namespace InternetHospital.Infrastructure.Imaging;

/// <summary>
/// Renders one frame of native (uncompressed) grey-scale pixel data to an 8-bit grey PNG, the way a PACS's WADO-RS
/// "rendered" does: modality rescale, then the file's window (or the frame's own range), MONOCHROME1 inverted.
/// Used by the demo archive only; a real PACS renders for itself. Colour or compressed images give null.
/// </summary>
internal static class DicomRenderer
{
    public static byte[]? RenderPng(DicomFile file, int frame)
    {
        var rows = file.UnsignedShort(DicomFile.RowsTag) ?? 0;
        var columns = file.UnsignedShort(DicomFile.ColumnsTag) ?? 0;
        var bits = file.UnsignedShort(DicomFile.BitsAllocatedTag) ?? 0;
        var signed = file.UnsignedShort(DicomFile.PixelRepresentationTag) == 1;
        var photometric = file.String(DicomFile.PhotometricInterpretationTag);
        var frames = Math.Max(1, file.Int(DicomFile.NumberOfFramesTag) ?? 1);
        if (file.PixelDataEncapsulated || file.PixelData is not { } data || rows == 0 || columns == 0 || bits is not (8 or 16)
            || (file.UnsignedShort(DicomFile.SamplesPerPixelTag) ?? 1) != 1 || photometric is not ("MONOCHROME1" or "MONOCHROME2")
            || frame < 1 || frame > frames)
        {
            return null;
        }

        var count = rows * columns;
        var bytesPerPixel = bits / 8;
        var offset = (frame - 1) * count * bytesPerPixel;
        if (offset + (count * bytesPerPixel) > data.Length)
        {
            return null;
        }

        var span = data.Span.Slice(offset, count * bytesPerPixel);
        var slope = file.Decimal(DicomFile.RescaleSlopeTag) ?? 1;
        var intercept = file.Decimal(DicomFile.RescaleInterceptTag) ?? 0;
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var stored = bits == 8
                ? (signed ? (sbyte)span[i] : (double)span[i])
                : (signed ? BinaryPrimitives.ReadInt16LittleEndian(span[(i * 2)..]) : (double)BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 2)..]));
            values[i] = (stored * slope) + intercept;
        }

        double low, high;
        if (file.Decimal(DicomFile.WindowCenterTag) is { } center && file.Decimal(DicomFile.WindowWidthTag) is { } width && width >= 1)
        {
            low = center - (width / 2);
            high = center + (width / 2);
        }
        else
        {
            low = values.Min();
            high = values.Max();
        }

        var invert = photometric == "MONOCHROME1";
        var grey = new byte[count];
        var range = Math.Max(high - low, 1e-9);
        for (var i = 0; i < count; i++)
        {
            var v = (int)Math.Round(Math.Clamp((values[i] - low) / range, 0, 1) * 255);
            grey[i] = (byte)(invert ? 255 - v : v);
        }

        return Png(columns, rows, grey);
    }

    /// <summary>An 8-bit grey PNG (colour type 0), each row with filter 0.</summary>
    public static byte[] Png(int width, int height, byte[] grey)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // grey
        Chunk(output, "IHDR"u8, header);

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(grey, y * width, width);
            }
        }

        Chunk(output, "IDAT"u8, raw.ToArray());
        Chunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        output.Write(type);
        output.Write(data);
        var crc = Crc32(Crc32(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        output.Write(crcBytes);
    }

    private static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc;
    }
}
