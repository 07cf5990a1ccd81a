using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>Medicines the HIS knows of, those still taken first.</summary>
internal sealed class MedicationsSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.MedicationsSection);
        if (record.Medications.Count == 0)
        {
            pdf.Paragraph(text.None, gray: 0.35f);
            return;
        }

        pdf.Table(
            [0.32f, 0.28f, 0.16f, 0.12f, 0.12f],
            [text.Drug, text.Dose, text.Doctor, text.Started, text.Status],
            record.Medications.Select(m => (IReadOnlyList<string>)[
                $"{m.DrugName} {m.Strength}".Trim(),
                string.Join(" ", new[] { m.Dose, m.Frequency, m.Route }.Where(s => s.Length > 0)),
                m.Prescriber ?? string.Empty,
                text.Date(m.StartedOn),
                text.Active(m.Active)]));
    }
}
