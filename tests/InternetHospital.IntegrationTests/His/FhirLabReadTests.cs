using Hl7.Fhir.Model;
using InternetHospital.Application.His;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Results;
using InternetHospital.HisSimulator;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.His;

/// <summary>
/// Lab results read from the HIS's FHIR API over HTTP (the simulator serving DiagnosticReport searchsets with their
/// Observations included): LOINC kept, local codes mapped, an unknown code shown with the HIS's own text, reports of
/// other categories or entered in error left out; then stored and shown as the patient sees them.
/// </summary>
public abstract class FhirLabReadTests(HisDeliveryFixture fixture)
{
    [Fact]
    public async System.Threading.Tasks.Task Lab_reports_come_over_fhir_with_loinc_kept_local_codes_mapped_and_unknown_codes_under_their_own_text()
    {
        var store = fixture.Simulator.Store;
        var hisId = "L" + Guid.NewGuid().ToString("N")[..10];
        var issued = new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.FromHours(8));
        var ldl = Value(hisId, "http://loinc.org", "13457-7", "低密度脂蛋白胆固醇", 4.35m, "H");
        ldl.ReferenceRange.Add(new Observation.ReferenceRangeComponent { High = new Quantity(3.4m, "mmol/L") { System = "http://unitsofmeasure.org", Code = "mmol/L" } });
        var tg = Value(hisId, "urn:his:lab", "TG", "甘油三酯", 1.5m, null);
        var odd = Value(hisId, "urn:his:lab", "ZX-9", "某项自定义检查", null, "A");
        odd.Value = new FhirString("弱阳性");
        foreach (var resource in new Resource[]
        {
            ldl, tg, odd,
            Report(hisId, "LAB", DiagnosticReport.DiagnosticReportStatus.Final, issued, ("http://loinc.org", "57698-3", "血脂四项"), ldl, tg, odd),
            Report(hisId, "RAD", DiagnosticReport.DiagnosticReportStatus.Final, issued, ("urn:his:rad", "CT-HEAD", "头颅CT")),
            Report(hisId, "LAB", DiagnosticReport.DiagnosticReportStatus.EnteredInError, issued.AddDays(-1), ("urn:his:lab", "GLU", "血糖")),
        })
        {
            SimulatorSeed.Put(store, resource);
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Reader"] = "Fhir", ["His:FhirReader:Attempts"] = "1" });
        var reports = (await host.Services.GetRequiredService<IHisReader>().GetLabReportsAsync(hisId, CancellationToken.None)).Value;

        var report = Assert.Single(reports);
        Assert.Equal(("57698-3", "LN", "血脂四项", "final", issued), (report.Code, report.CodeSystem, report.Name, report.Status, report.IssuedAt));
        Assert.Equal(("110440100012345", "李伟"), (report.OrderingDoctorLicence, report.OrderingDoctorName));
        Assert.Equal(["13457-7", "TG", "ZX-9"], report.Observations.Select(o => o.Code));
        var fetchedLdl = report.Observations[0];
        Assert.Equal(("LN", 4.35m, "mmol/L", 3.4m, "H"), (fetchedLdl.CodeSystem, fetchedLdl.Value, fetchedLdl.Unit, fetchedLdl.High, fetchedLdl.Flag));
        Assert.Equal("2571-8", LabCatalogue.LoincOf(report.Observations[1].Code, report.Observations[1].CodeSystem));
        Assert.Equal(("某项自定义检查", "弱阳性", "A"), (report.Observations[2].Name, report.Observations[2].ValueText, report.Observations[2].Flag));

        // Stored as any report from the HIS, and shown as the patient sees it.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(LabIntakeOutcome.Stored, await scope.ServiceProvider.GetRequiredService<LabResultIntake>().StoreAsync(hisId, report, null, CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().LabReports.Include(r => r.Observations).SingleAsync(r => r.HisPatientId == hisId);
            var shown = stored.Observations.OrderBy(o => o.Sequence).Select(ResultValueView.From).ToList();
            Assert.Equal(("低密度脂蛋白胆固醇", "LDL cholesterol", LabFlag.High), (shown[0].NameZh, shown[0].NameEn, shown[0].Flag));
            Assert.Equal(("甘油三酯", "Triglycerides", "2571-8"), (shown[1].NameZh, shown[1].NameEn, shown[1].TrendKey));
            Assert.Equal(("某项自定义检查", null, null, "弱阳性"), (shown[2].Name, shown[2].NameZh, shown[2].Loinc, shown[2].ValueText));
        }
    }

    private static Observation Value(string hisId, string system, string code, string text, decimal? value, string? flag)
    {
        var observation = new Observation
        {
            Id = "o-" + Guid.NewGuid().ToString("N")[..12],
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(system, code, text, text),
            Subject = new ResourceReference("Patient/" + hisId),
            Value = value is { } v ? new Quantity(v, "mmol/L") { System = "http://unitsofmeasure.org", Code = "mmol/L" } : null,
        };
        if (flag is not null)
        {
            observation.Interpretation.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", flag));
        }

        return observation;
    }

    private static DiagnosticReport Report(string hisId, string category, DiagnosticReport.DiagnosticReportStatus status, DateTimeOffset issued, (string System, string Code, string Text) code, params Observation[] results)
    {
        var report = new DiagnosticReport
        {
            Id = "dr-" + Guid.NewGuid().ToString("N")[..12],
            Status = status,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0074", category)],
            Code = new CodeableConcept(code.System, code.Code, code.Text, code.Text),
            Subject = new ResourceReference("Patient/" + hisId),
            Issued = issued,
            Effective = new FhirDateTime(issued),
            Result = [.. results.Select(o => new ResourceReference("Observation/" + o.Id))],
            BasedOn = [new ResourceReference("#order")],
        };
        report.Contained.Add(new ServiceRequest
        {
            Id = "order",
            Status = RequestStatus.Completed,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference("Patient/" + hisId),
            Requester = new ResourceReference { Display = "李伟", Identifier = new Identifier("urn:his:licence", "110440100012345") },
        });
        return report;
    }
}

[Collection(SqliteHisCollection.Name)]
public sealed class FhirLabReadTestsOnSqlite(SqliteHisDeliveryFixture fixture) : FhirLabReadTests(fixture);

[Collection(PostgresHisCollection.Name)]
public sealed class FhirLabReadTestsOnPostgres(PostgresHisDeliveryFixture fixture) : FhirLabReadTests(fixture);
