namespace InternetHospital.Infrastructure.Records.Pdf;

/// <summary>
/// Flows text down A4 pages for the record's sections: headings, paragraphs, label/value lines and simple tables whose
/// cells wrap. A new page begins when the next block does not fit; a table's header is repeated on it.
/// </summary>
internal sealed class PdfLayout
{
    public const float Margin = 48f;
    private const float Bottom = PdfDocument.PageHeight - Margin - 18f;

    private float y;

    public PdfLayout()
    {
        NewPage();
    }

    public PdfDocument Document { get; } = new();

    private int Page => Document.PageCount - 1;

    private static float ContentWidth => PdfDocument.PageWidth - (2 * Margin);

    public void Title(string text, string subtitle)
    {
        Lines(text, 18f, bold: true, indent: 0, gap: 6f);
        Lines(subtitle, 9f, bold: false, indent: 0, gap: 4f, gray: 0.35f);
        Document.Rule(Page, Margin, PdfDocument.PageWidth - Margin, y, 1f, 0.2f);
        y += 12f;
    }

    public void Heading(string text)
    {
        // Note: a heading never stands alone at the foot of a page.
        Ensure(60f);
        y += 8f;
        Lines(text, 13f, bold: true, indent: 0, gap: 2f);
        Document.Rule(Page, Margin, PdfDocument.PageWidth - Margin, y, 0.5f, 0.6f);
        y += 8f;
    }

    public void SubHeading(string text)
    {
        Ensure(40f);
        y += 4f;
        Lines(text, 10.5f, bold: true, indent: 0, gap: 3f);
    }

    public void Paragraph(string text, float size = 9.5f, float indent = 0f, float gray = 0f) => Lines(text, size, bold: false, indent, gap: 3f, gray);

    public void Field(string label, string value)
    {
        const float labelWidth = 110f;
        var lines = PdfText.Wrap(value, ContentWidth - labelWidth, 9.5f);
        Ensure(lines.Count * 13f);
        Document.Text(Page, Margin, y + 9.5f, 9.5f, label, gray: 0.35f);
        foreach (var line in lines)
        {
            Document.Text(Page, Margin + labelWidth, y + 9.5f, 9.5f, line);
            y += 13f;
        }
    }

    /// <summary>A table: <paramref name="widths"/> are fractions of the line; each row is as tall as its tallest cell.</summary>
    public void Table(IReadOnlyList<float> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        const float size = 8.5f;
        const float line = 11.5f;
        var columns = widths.Select(w => w * ContentWidth).ToArray();

        void Row(IReadOnlyList<string> cells, bool bold)
        {
            var wrapped = cells.Select((c, i) => PdfText.Wrap(c, columns[i] - 6f, size, bold)).ToList();
            var height = (wrapped.Max(w => w.Count) * line) + 4f;
            if (y + height > Bottom)
            {
                NewPage();
                if (!bold)
                {
                    Row(header, true);
                }
            }

            var x = Margin;
            for (var i = 0; i < wrapped.Count; i++)
            {
                for (var l = 0; l < wrapped[i].Count; l++)
                {
                    Document.Text(Page, x, y + size + 2f + (l * line), size, wrapped[i][l], bold, bold ? 0.25f : 0f);
                }

                x += columns[i];
            }

            y += height;
            Document.Rule(Page, Margin, PdfDocument.PageWidth - Margin, y, 0.3f, bold ? 0.4f : 0.8f);
        }

        Row(header, true);
        foreach (var row in rows)
        {
            Row(row, false);
        }

        y += 6f;
    }

    public void Space(float height) => y += height;

    /// <summary>"Page n of m" (or the language's form of it) at the foot of every page, once the last page is known.</summary>
    public void Footers(Func<int, int, string> text, string left)
    {
        for (var page = 0; page < Document.PageCount; page++)
        {
            var footer = text(page + 1, Document.PageCount);
            var footY = PdfDocument.PageHeight - (Margin / 2);
            Document.Rule(page, Margin, PdfDocument.PageWidth - Margin, footY - 12f, 0.3f, 0.7f);
            Document.Text(page, Margin, footY, 7.5f, left, gray: 0.4f);
            Document.Text(page, PdfDocument.PageWidth - Margin - PdfText.Width(footer, 7.5f), footY, 7.5f, footer, gray: 0.4f);
        }
    }

    private void Lines(string text, float size, bool bold, float indent, float gap, float gray = 0f)
    {
        var height = size * 1.4f;
        foreach (var line in PdfText.Wrap(text, ContentWidth - indent, size, bold))
        {
            Ensure(height);
            Document.Text(Page, Margin + indent, y + size, size, line, bold, gray);
            y += height;
        }

        y += gap;
    }

    private void Ensure(float height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        Document.AddPage();
        y = Margin;
    }
}
