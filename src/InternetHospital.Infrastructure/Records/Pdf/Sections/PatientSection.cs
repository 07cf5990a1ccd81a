using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>Who the record is about.</summary>
internal sealed class PatientSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.PatientSection);
        pdf.Field(text.Name, record.FullName);
        pdf.Field(text.DateOfBirth, text.Date(record.DateOfBirth));
        pdf.Field(text.SexLabel, text.Sex(record.Sex));
        if (record.HisPatientId is { } hisId)
        {
            pdf.Field(text.HospitalNumber, hisId);
        }
        else
        {
            pdf.Paragraph(text.NotLinked, gray: 0.35f);
        }
    }
}
