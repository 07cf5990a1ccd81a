using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>One part of the record's PDF, drawn from the <see cref="PatientRecord"/> model only.</summary>
internal interface IRecordPdfSection
{
    void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text);
}
