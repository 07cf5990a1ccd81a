using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>Visits to the hospital itself (the HIS's encounters), newest first.</summary>
internal sealed class EncountersSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.EncountersSection);
        if (record.HisEncounters.Count == 0)
        {
            pdf.Paragraph(text.None, gray: 0.35f);
            return;
        }

        pdf.Table(
            [0.2f, 0.12f, 0.12f, 0.14f, 0.42f],
            [text.DateLabel, text.Kind, text.Department, text.Doctor, text.Summary],
            record.HisEncounters.Select(e => (IReadOnlyList<string>)[text.Time(e.Start), text.EncounterKind(e.Kind), e.DepartmentCode ?? string.Empty, e.Practitioner ?? string.Empty, e.Summary ?? string.Empty]));
    }
}
