using Hl7.Fhir.Model;
using InternetHospital.Infrastructure.His.Fhir;

namespace InternetHospital.UnitTests.Imaging;

/// <summary>A FHIR radiology DiagnosticReport read into what the imaging pages show next to the study.</summary>
public sealed class RadiologyReportMappingTests
{
    [Fact]
    public void A_report_names_its_study_by_dicom_uid_and_accession_number_and_keeps_the_conclusion_and_radiologist()
    {
        var report = new DiagnosticReport
        {
            Id = "rad-1",
            Status = DiagnosticReport.DiagnosticReportStatus.Amended,
            Code = new CodeableConcept { Text = "CT chest" },
            Conclusion = "  右肺上叶小结节 Small nodule  ",
            Issued = new DateTimeOffset(2026, 10, 15, 6, 0, 0, TimeSpan.Zero),
            ResultsInterpreter = [new ResourceReference { Display = "周敏" }],
            ImagingStudy = [new ResourceReference { Identifier = new Identifier("urn:dicom:uid", "urn:oid:1.2.840.99.1") }],
            Identifier = [new Identifier { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "ACSN"), Value = "RAD-1" }],
        };

        var mapped = FhirReadMapper.ImagingReport(report)!;

        Assert.Equal(("rad-1", "1.2.840.99.1", "RAD-1", "右肺上叶小结节 Small nodule", "周敏", "corrected"), (mapped.ReportId, mapped.StudyInstanceUid, mapped.AccessionNumber, mapped.Conclusion, mapped.Author, mapped.Status));
    }

    [Fact]
    public void A_report_without_a_conclusion_is_not_shown_as_an_empty_one() =>
        Assert.Null(FhirReadMapper.ImagingReport(new DiagnosticReport { Id = "rad-2", Status = DiagnosticReport.DiagnosticReportStatus.Final, Code = new CodeableConcept { Text = "X" } }));
}
