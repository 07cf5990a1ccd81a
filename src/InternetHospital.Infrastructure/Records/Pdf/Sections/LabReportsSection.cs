using System.Globalization;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>
/// Released lab reports, newest first, each with its values, units, reference ranges and flags. A test the catalogue
/// knows is named in the reader's language; any other keeps the HIS's own name and code.
/// </summary>
internal sealed class LabReportsSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.LabSection);
        if (record.LabReports.Count == 0)
        {
            pdf.Paragraph(text.None, gray: 0.35f);
            return;
        }

        foreach (var report in record.LabReports)
        {
            pdf.SubHeading(text.ReportTitle(text.NameOf(report.Code, report.CodeSystem, report.Name), report.IssuedAt));
            var about = text.ReportStatus(report.Status);
            if (report.OrderingDoctorName is { Length: > 0 } doctor)
            {
                about += " · " + text.OrderedBy(doctor);
            }

            pdf.Paragraph(about, 8.5f, gray: 0.35f);
            pdf.Table(
                [0.36f, 0.16f, 0.14f, 0.18f, 0.16f],
                [text.Test, text.Result, text.Unit, text.Range, text.FlagLabel],
                report.Observations.OrderBy(o => o.Sequence).Select(o => (IReadOnlyList<string>)[
                    Name(o, text),
                    o.Value?.ToString(CultureInfo.InvariantCulture) ?? o.ValueText ?? string.Empty,
                    o.Unit ?? string.Empty,
                    o.RangeText ?? Range(o.Low, o.High),
                    text.Flag(o.Flag)]));
        }
    }

    private static string Name(LabObservation o, RecordPdfText text)
    {
        var name = text.NameOf(o.Code, o.CodeSystem, o.Name);
        return LabCatalogue.Find(o.Code, o.CodeSystem) is null && o.Code != o.Name ? $"{name} ({o.Code})" : name;
    }

    private static string Range(decimal? low, decimal? high) => (low, high) switch
    {
        ({ } l, { } h) => string.Create(CultureInfo.InvariantCulture, $"{l}-{h}"),
        (null, { } h) => string.Create(CultureInfo.InvariantCulture, $"< {h}"),
        ({ } l, null) => string.Create(CultureInfo.InvariantCulture, $"> {l}"),
        _ => string.Empty,
    };
}
