using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace InternetHospital.Infrastructure.Records.Pdf;

/// <summary>
/// A small PDF 1.7 writer for text documents: A4 pages, text and thin rules, no images. Latin text is set in
/// Helvetica, everything else (Chinese) in Adobe's standard CJK font STSong-Light (Adobe-GB1, UniGB-UCS2-H): both are
/// fonts every PDF reader must provide, so no font file is shipped or embedded and the output stays a few kB. A
/// ToUnicode map makes the Chinese text searchable and copyable (and readable by text extractors).
/// </summary>
internal sealed class PdfDocument
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;

    private readonly List<StringBuilder> pages = [];
    private readonly HashSet<int> cjkHighBytes = [];

    public int PageCount => pages.Count;

    public void AddPage() => pages.Add(new StringBuilder());

    /// <summary>Text whose baseline starts at (x, y), y counted from the top of the page.</summary>
    public void Text(int page, float x, float y, float size, string text, bool bold = false, float gray = 0f)
    {
        var content = pages[page];
        content.Append(CultureInfo.InvariantCulture, $"BT {Number(gray)} g {Number(x)} {Number(PageHeight - y)} Td ");
        foreach (var (latin, run) in PdfText.Runs(text))
        {
            if (latin)
            {
                content.Append(CultureInfo.InvariantCulture, $"/{(bold ? "F2" : "F1")} {Number(size)} Tf 0 Tr (");
                foreach (var c in run)
                {
                    if (c is '(' or ')' or '\\')
                    {
                        content.Append('\\');
                    }

                    content.Append(c);
                }

                content.Append(") Tj ");
            }
            else
            {
                // Note: STSong-Light has no bold face; bold Chinese is drawn with a thin outline (render mode 2).
                content.Append(CultureInfo.InvariantCulture, $"/F3 {Number(size)} Tf {(bold ? "2 Tr 0.35 w" : "0 Tr")} <");
                foreach (var c in run)
                {
                    cjkHighBytes.Add(c >> 8);
                    content.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }

                content.Append("> Tj ");
            }
        }

        content.Append("ET\n");
    }

    /// <summary>A horizontal line, y from the top of the page.</summary>
    public void Rule(int page, float x1, float x2, float y, float width = 0.5f, float gray = 0.6f) =>
        pages[page].Append(CultureInfo.InvariantCulture, $"{Number(gray)} G {Number(width)} w {Number(x1)} {Number(PageHeight - y)} m {Number(x2)} {Number(PageHeight - y)} l S\n");

    public byte[] Save(string title, string language, DateTimeOffset created)
    {
        using var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        void Begin(int number)
        {
            while (offsets.Count < number)
            {
                offsets.Add(0);
            }

            offsets[number - 1] = output.Position;
            Write($"{number} 0 obj\n");
        }

        void Stream(int number, string dictionary, byte[] data)
        {
            Begin(number);
            Write($"<< {dictionary} /Length {data.Length} /Filter /FlateDecode >>\nstream\n");
            output.Write(data);
            Write("\nendstream\nendobj\n");
        }

        // Objects: 1 catalog, 2 page tree, 3-5 fonts, 6 CID font, 7 its descriptor, 8 ToUnicode, 9 info, then a page and its content per page.
        const int firstPage = 10;
        Write("%PDF-1.7\n");
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']); // binary marker: tells transfer tools this is not text
        Begin(1);
        Write($"<< /Type /Catalog /Pages 2 0 R /Lang {PdfText.Literal(language)} /ViewerPreferences << /DisplayDocTitle true >> >>\nendobj\n");
        Begin(2);
        var kids = string.Join(' ', Enumerable.Range(0, pages.Count).Select(i => $"{firstPage + (2 * i)} 0 R"));
        Write(string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} /MediaBox [0 0 {Number(PageWidth)} {Number(PageHeight)}] >>\nendobj\n"));
        Begin(3);
        Write("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
        Begin(4);
        Write("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>\nendobj\n");
        Begin(5);
        Write("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>\nendobj\n");
        Begin(6);
        Write("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>\nendobj\n");
        Begin(7);
        Write("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>\nendobj\n");
        Stream(8, string.Empty, Deflate(PdfText.ToUnicodeMap(cjkHighBytes)));
        Begin(9);
        Write($"<< /Title {PdfText.Unicode(title)} /Producer (InternetHospital) /CreationDate ({created.UtcDateTime.ToString("'D:'yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture)}) >>\nendobj\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var number = firstPage + (2 * i);
            Begin(number);
            Write($"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents {number + 1} 0 R >>\nendobj\n");
            Stream(number + 1, string.Empty, Deflate(Encoding.ASCII.GetBytes(pages[i].ToString())));
        }

        var xref = output.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Info 9 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    private static string Number(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
