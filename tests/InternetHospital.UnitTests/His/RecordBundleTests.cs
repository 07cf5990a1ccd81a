using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using InternetHospital.Application.His;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Results;
using InternetHospital.Infrastructure.His;
using InternetHospital.Infrastructure.His.Fhir;

namespace InternetHospital.UnitTests.His;

/// <summary>"My record" is a valid FHIR R4 Bundle whose entries reference each other.</summary>
public sealed class RecordBundleTests
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    [Fact]
    public void The_record_bundle_is_valid_r4_with_every_kind_of_entry_linked_to_the_patient()
    {
        var now = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        var report = LabReport.Receive("H1", LabResultIntake.Content(LabResultMappingTests.Report()), sensitive: false, TimeSpan.Zero, "M1", now);
        var record = new PatientRecord(
            Guid.NewGuid(), "张伟", new DateOnly(1965, 3, 12), "Male", "H1", now,
            [new HisDiagnosis("I10", "原发性高血压", new DateOnly(2026, 10, 1), true, "CARD", "李伟")],
            [new HisMedication("C08CA01-5", "氨氯地平 Amlodipine", "5 mg", "5 mg", "qd", "oral", "李伟", new DateOnly(2024, 1, 1), null, 28, true)],
            [new HisAllergy("青霉素 Penicillin", "皮疹 Rash", "moderate", new DateOnly(2016, 1, 1))],
            [new HisEncounter("E1", now.AddMonths(-2), "outpatient", "CARD", "李伟", "高血压复诊")],
            [new RecordVisit(Guid.NewGuid(), now.AddDays(-3), now.AddDays(-3).AddMinutes(15), "李伟", "头晕 <3 天 & 乏力", "高血压五年", "血压控制可", "继续服药\n一月后复诊", "", [("I10", "原发性高血压")], "李伟", now.AddDays(-3), "abc123")],
            [report]) { ImagingStudies = [new RecordImagingStudy("1.2.840.99.1", new DateOnly(2026, 10, 15), "胸部CT", "CT,SR", "RAD-1", 2, 9)] };

        var bundle = FhirRecordBundleWriter.Build(record, new HisIdentifierOptions());

        var outcome = Validator.Value.Validate(bundle)!;
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).Select(i => $"{i.Location?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.Equal(
            ["AllergyIntolerance", "Composition", "Condition", "DiagnosticReport", "Encounter", "ImagingStudy", "MedicationStatement", "Observation", "Patient"],
            bundle.Entry.Select(e => e.Resource!.TypeName).Distinct().Order());
        var urls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        var diagnostic = bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().Single();
        Assert.All(diagnostic.Result, r => Assert.Contains(r.Reference, urls));
        Assert.Equal(3, diagnostic.Result.Count);
        var note = bundle.Entry.Select(e => e.Resource).OfType<Composition>().Single();
        Assert.Contains("&lt;3 天 &amp; 乏力", note.Section[0].Text!.Div, StringComparison.Ordinal);
        Assert.Equal("abc123", note.Identifier!.Value);
        var imaging = bundle.Entry.Select(e => e.Resource).OfType<ImagingStudy>().Single();
        Assert.Equal(("urn:oid:1.2.840.99.1", "RAD-1", 9), (imaging.Identifier[0].Value, imaging.Identifier[1].Value, imaging.NumberOfInstances));
        Assert.Equal(["CT", "SR"], imaging.Modality.Select(m => m.Code));
    }
}
