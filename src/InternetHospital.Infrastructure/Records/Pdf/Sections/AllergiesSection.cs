using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>Allergies and intolerances as the HIS records them.</summary>
internal sealed class AllergiesSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.AllergiesSection);
        if (record.Allergies.Count == 0)
        {
            pdf.Paragraph(text.None, gray: 0.35f);
            return;
        }

        pdf.Table(
            [0.3f, 0.34f, 0.18f, 0.18f],
            [text.Substance, text.Reaction, text.Severity, text.DateLabel],
            record.Allergies.Select(a => (IReadOnlyList<string>)[a.Substance, a.Reaction, a.Severity, a.RecordedOn is { } on ? text.Date(on) : string.Empty]));
    }
}
