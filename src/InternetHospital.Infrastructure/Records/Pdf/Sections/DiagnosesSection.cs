using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>The HIS's diagnoses, newest first (the online visits' own diagnoses are with their notes).</summary>
internal sealed class DiagnosesSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.DiagnosesSection);
        if (record.Diagnoses.Count == 0)
        {
            pdf.Paragraph(text.None, gray: 0.35f);
            return;
        }

        pdf.Table(
            [0.16f, 0.12f, 0.42f, 0.14f, 0.16f],
            [text.DateLabel, text.Code, text.Diagnosis, text.Where, text.Doctor],
            record.Diagnoses.Select(d => (IReadOnlyList<string>)[text.Date(d.DiagnosedOn), d.Icd10Code, d.Description, text.InPerson(d.InPerson), d.Practitioner ?? string.Empty]));
    }
}
