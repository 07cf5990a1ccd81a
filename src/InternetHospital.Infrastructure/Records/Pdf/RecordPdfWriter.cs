using System.Globalization;
using InternetHospital.Application.Common;
using InternetHospital.Application.Results;
using InternetHospital.Infrastructure.Records.Pdf.Sections;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Records.Pdf;

/// <summary>
/// "My record" as a PDF to read and print, in the reader's language: the sections below, in this order, each drawn
/// from the <see cref="PatientRecord"/> only. Made on request and never stored.
/// </summary>
internal sealed class RecordPdfWriter(IOptions<HospitalOptions> hospital) : IRecordPdfWriter
{
    private static readonly IRecordPdfSection[] Sections =
    [
        new PatientSection(),
        new DiagnosesSection(),
        new MedicationsSection(),
        new AllergiesSection(),
        new EncountersSection(),
        new VisitsSection(),
        new LabReportsSection(),
        new ImagingSection(),
    ];

    public byte[] Write(PatientRecord record, CultureInfo language)
    {
        var chinese = language.TwoLetterISOLanguageName == "zh";
        var text = new RecordPdfText(chinese, hospital.Value.TimeZoneInfo);
        var hospitalName = chinese ? hospital.Value.Name : hospital.Value.NameEn;
        var pdf = new PdfLayout();
        pdf.Title($"{text.Title} · {record.FullName}", text.Generated(record.GeneratedAt, hospitalName));
        foreach (var section in Sections)
        {
            section.Write(pdf, record, text);
        }

        pdf.Footers(text.Page, $"{record.FullName} · {text.Confidential}");
        return pdf.Document.Save($"{text.Title} · {record.FullName}", text.Language, record.GeneratedAt);
    }
}
