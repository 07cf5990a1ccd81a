using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using InternetHospital.Application.His;
using InternetHospital.Application.Results;
using InternetHospital.Infrastructure.His;
using InternetHospital.Infrastructure.His.Fhir;
using InternetHospital.Infrastructure.His.Hl7v2;

namespace InternetHospital.UnitTests.His;

/// <summary>Lab results both ways: FHIR R4 DiagnosticReport + Observation read, and HL7 v2 ORU^R01 written and read back.</summary>
public sealed class LabResultMappingTests
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly HisIdentifierOptions Ids = new();

    public static InboundPatient Patient => new("H0000001", "440106196503121234", "MR2019000123", "张伟", new DateOnly(1965, 3, 12), "Male");

    public static HisLabReport Report(string id = "R-1", string code = "LIPID") => new(
        id, code, "urn:his:lab", "血脂|四项^复查 & 随访~说明\\备注", "final", new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.FromHours(8)), "110440100012345", "李伟",
        [
            new HisLabObservation("LDL-C", "urn:his:lab", "低密度脂蛋白胆固醇", 4.35m, null, "mmol/L", null, 3.4m, "<3.4", "H", new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.FromHours(8))),
            new HisLabObservation("2823-3", "LN", "钾", 6.9m, null, "mmol/L", 3.5m, 5.3m, "3.5-5.3", "HH", null),
            new HisLabObservation("NOTE", "urn:his:lab", "备注", null, "溶血^轻度|请复查", null, null, null, null, "A", null),
        ]);

    [Fact]
    public void An_oru_r01_with_chinese_text_and_every_delimiter_survives_the_round_trip()
    {
        var sent = Hl7LabReports.Encode("MSG-0001", DateTimeOffset.UtcNow, Patient, Report(), Ids, Shanghai).Encode();

        Assert.Contains("血脂\\F\\四项\\S\\复查 \\T\\ 随访\\R\\说明\\E\\备注", sent, StringComparison.Ordinal);
        var message = Hl7Message.Parse(sent);
        var (patient, reports) = Hl7LabReports.Decode(message, Ids, Shanghai);
        var report = Assert.Single(reports);

        Assert.Equal("MSG-0001", message.ControlId);
        Assert.Equal(Patient, patient);
        Assert.Equal(Report() with { Observations = [] }, report with { Observations = [] });
        Assert.Equal(Report().Observations, report.Observations);
    }

    [Theory]
    [InlineData("MSH|^~\\&|HIS|H|IH|IH|20261103||ADT^A04|1|P|2.5\rPID|1||H1^^^HIS^PI\r", "Only ORU^R01")]
    [InlineData("MSH|^~\\&|HIS|H|IH|IH|20261103||ORU^R01|1|P|2.5\rPID|1||X1^^^OTHER^PI\rOBR|1||R1|GLU\r", "PID-3")]
    [InlineData("MSH|^~\\&|HIS|H|IH|IH|20261103||ORU^R01|1|P|2.5\rPID|1||H1^^^HIS^PI\rOBR|1||R1|GLU\rOBR|2||R1|K\r", "OBR-3 'R1' names more than one report")]
    [InlineData("MSH|^~\\&|HIS|H|IH|IH|20261103||ORU^R01|1|P|2.5\rPID|1||H1^^^HIS^PI\rOBX|1|NM|GLU||5.1\rOBR|1||R1|GLU\r", "OBX comes before the first OBR")]
    [InlineData("MSH|^~\\&|HIS|H|IH|IH|20261103||ORU^R01|1|P|2.5\rPID|1||H1^^^HIS^PI\rOBR|1||R1|GLU\rOBX|1|NM|GLU||5.1\rOBR|2||R2|K\rOBX|1|NM|K||abc\r", "OBR 2: OBX 1: 'abc' is not a number")]
    [InlineData("MSH|^~\\&|HIS|H|IH|IH|20261103||ORU^R01|1|P|2.5\rPID|1||H1^^^HIS^PI\rOBR|1||R1|GLU\rOBX|1|NM|GLU||abc\r", "not a number")]
    [InlineData("MSH|^~\\&|HIS|H|IH|IH|20261103||ORU^R01|1|P|2.5\rPID|1||H1^^^HIS^PI\rOBR|1||R1|GLU|||2026-11-03\r", "HL7 time")]
    public void An_oru_this_portal_cannot_store_is_refused_with_the_reason(string text, string reason)
    {
        var exception = Assert.Throws<Hl7FormatException>(() => Hl7LabReports.Decode(Hl7Message.Parse(text), Ids, Shanghai));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_obr_groups_are_several_reports_each_with_the_values_that_follow_it()
    {
        var potassium = Report("R-2", "K") with { Name = "钾", Observations = [Report().Observations[1]] };
        var sent = Hl7LabReports.Encode("MSG-0002", DateTimeOffset.UtcNow, Patient, [Report(), potassium], Ids, Shanghai).Encode();

        var (_, reports) = Hl7LabReports.Decode(Hl7Message.Parse(sent), Ids, Shanghai);

        Assert.Equal(["R-1", "R-2"], reports.Select(r => r.ReportId));
        Assert.Equal(Report().Observations, reports[0].Observations);
        Assert.Equal(potassium.Observations, reports[1].Observations);
        Assert.Equal(["1", "2"], Hl7Message.Parse(sent).All("OBR").Select(o => o.Get(1)));
    }

    [Fact]
    public void Times_without_an_offset_are_the_hospitals_local_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.FromHours(8)), Hl7LabReports.ParseTime("202611030930", Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 30, 15, TimeSpan.FromHours(-5)), Hl7LabReports.ParseTime("20261103093015.1234-0500", Shanghai));
    }

    [Fact]
    public void A_fhir_diagnostic_report_and_its_observations_as_a_his_serves_them_are_valid_r4_and_map_with_loinc_and_local_codes()
    {
        var (report, observations) = FhirReport();
        foreach (Resource resource in new Resource[] { report }.Concat(observations))
        {
            var outcome = Validator.Value.Validate(resource)!;
            var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).Select(i => $"{i.Location?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}").ToList();
            Assert.True(errors.Count == 0, $"{resource.TypeName}:\n" + string.Join('\n', errors));
        }

        var mapped = new FhirReadMapper(Ids).LabReport(report, observations.ToDictionary(o => "Observation/" + o.Id));

        Assert.Equal(("dr-1", "57698-3", "LN", "血脂四项", "final"), (mapped.ReportId, mapped.Code, mapped.CodeSystem, mapped.Name, mapped.Status));
        Assert.Equal(("110440100012345", "李伟"), (mapped.OrderingDoctorLicence, mapped.OrderingDoctorName));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 1, 30, 0, TimeSpan.Zero), mapped.IssuedAt);
        var ldl = mapped.Observations[0];
        Assert.Equal(("13457-7", "LN", 4.35m, "mmol/L", (decimal?)null, 3.4m, "H"), (ldl.Code, ldl.CodeSystem, ldl.Value, ldl.Unit, ldl.Low, ldl.High, ldl.Flag));
        var local = mapped.Observations[1];
        Assert.Equal(("TG", "urn:his:lab", "甘油三酯"), (local.Code, local.CodeSystem, local.Name));
        Assert.Equal("2571-8", LabCatalogue.LoincOf(local.Code, local.CodeSystem));
        var unknown = mapped.Observations[2];
        Assert.Equal(("XYZ-9", "某项自定义检查", "弱阳性"), (unknown.Code, unknown.Name, unknown.ValueText));
        Assert.Null(LabCatalogue.Find(unknown.Code, unknown.CodeSystem));
    }

    private static (DiagnosticReport Report, List<Observation> Observations) FhirReport()
    {
        static Observation Value(string id, string system, string code, string text) => new()
        {
            Id = id,
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(system, code, text, text),
            Subject = new ResourceReference("Patient/H0000001"),
            Effective = new FhirDateTime(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.FromHours(8))),
        };

        var ldl = Value("o-1", FhirResourceMapper.LoincSystem, "13457-7", "低密度脂蛋白胆固醇");
        ldl.Value = new Quantity(4.35m, "mmol/L") { System = "http://unitsofmeasure.org", Code = "mmol/L" };
        ldl.ReferenceRange.Add(new Observation.ReferenceRangeComponent { High = new Quantity(3.4m, "mmol/L") { System = "http://unitsofmeasure.org", Code = "mmol/L" } });
        ldl.Interpretation.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "H"));
        var tg = Value("o-2", "urn:his:lab", "TG", "甘油三酯");
        tg.Value = new Quantity(1.5m, "mmol/L") { System = "http://unitsofmeasure.org", Code = "mmol/L" };
        var odd = Value("o-3", "urn:his:lab", "XYZ-9", "某项自定义检查");
        odd.Value = new FhirString("弱阳性");

        var report = new DiagnosticReport
        {
            Id = "dr-1",
            Status = DiagnosticReport.DiagnosticReportStatus.Final,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB")],
            Code = new CodeableConcept(FhirResourceMapper.LoincSystem, "57698-3", "Lipid panel", "血脂四项"),
            Subject = new ResourceReference("Patient/H0000001"),
            Issued = new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.FromHours(8)),
            Effective = new FhirDateTime(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.FromHours(8))),
            Result = [new ResourceReference("Observation/o-1"), new ResourceReference("Observation/o-2"), new ResourceReference("Observation/o-3")],
            BasedOn = [new ResourceReference("#order")],
        };
        report.Contained.Add(new ServiceRequest
        {
            Id = "order",
            Status = RequestStatus.Completed,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference("Patient/H0000001"),
            Requester = new ResourceReference { Display = "李伟", Identifier = new Identifier("urn:his:licence", "110440100012345") },
        });
        return (report, [ldl, tg, odd]);
    }
}
