using System.Globalization;
using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>
/// The patient's imaging studies (the hospital's and those shared with it), newest first as the record lists them:
/// what was imaged and when, and the accession number a radiology desk asks for. The images themselves stay in the
/// viewer; the counts tell the reader how much there is to look at.
/// </summary>
internal sealed class ImagingSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.ImagingSection);
        if (record.ImagingStudies.Count == 0)
        {
            pdf.Paragraph(text.None, gray: 0.35f);
            return;
        }

        pdf.Table(
            [0.17f, 0.17f, 0.34f, 0.17f, 0.15f],
            [text.DateLabel, text.Modality, text.StudyDescription, text.AccessionNumber, text.SeriesAndImages],
            record.ImagingStudies.Select(s => (IReadOnlyList<string>)[
                s.StudyDate is { } date ? text.Date(date) : string.Empty,
                text.Modalities(s.Modalities),
                s.Description ?? string.Empty,
                s.AccessionNumber ?? string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"{s.SeriesCount} / {s.InstanceCount}")]));
    }
}
