using System.Net;
using InternetHospital.Application.Imaging;
using InternetHospital.Domain.Imaging;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Imaging;

/// <summary>
/// Imaging against a real PACS (the Orthanc ./test.sh starts): studies made by dcmtk are stored through STOW-RS, found
/// through QIDO-RS, and fetched through the portal's proxy (WADO-RS). A study is the patient's by their HIS id or a
/// shared-study link; anything else, and any caller without the right, is 404; a PACS that is down is 503.
/// </summary>
public abstract class ImagingTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task A_study_stored_in_the_pacs_is_listed_for_its_patient_and_its_images_come_through_the_portal()
    {
        _ = TestPacs.RequiredUrl;
        var (patient, hisId) = await LinkedPatientAsync();
        var (study, series) = (TestPacs.NewUid(), TestPacs.NewUid());
        var sops = new[] { TestPacs.NewUid(), TestPacs.NewUid() };
        var archive = factory.Services.GetRequiredService<IImagingArchive>();
        for (var i = 0; i < sops.Length; i++)
        {
            var stored = await archive.StoreAsync(new MemoryStream(await TestPacs.MakeAsync(hisId, study, series, sops[i], instanceNumber: 2 - i)), CancellationToken.None);
            Assert.Equal((study, series, sops[i], false), (stored.StudyInstanceUid, stored.SeriesInstanceUid, stored.SopInstanceUid, stored.AlreadyStored));
        }

        var again = await archive.StoreAsync(new MemoryStream(await TestPacs.MakeAsync(hisId, study, series, sops[0], 2)), CancellationToken.None);
        Assert.True(again.AlreadyStored);

        var list = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies")).ReadJsonAsync();
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal((study, "hospital", "CT", 1, 2, "2026-11-01"), (item.GetProperty("studyInstanceUid").GetString(), item.GetProperty("source").GetString(),
            item.GetProperty("modalities").GetString(), item.GetProperty("seriesCount").GetInt32(), item.GetProperty("instanceCount").GetInt32(), item.GetProperty("studyDate").GetString()));
        Assert.Equal("测试检查 Test study", item.GetProperty("description").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("report").ValueKind);

        var detail = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies/{study}")).ReadJsonAsync();
        var onlySeries = Assert.Single(detail.GetProperty("series").EnumerateArray());
        Assert.Equal(series, onlySeries.GetProperty("seriesInstanceUid").GetString());
        Assert.Equal([sops[1], sops[0]], onlySeries.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("sopInstanceUid").GetString()));
        Assert.Equal([1, 2], onlySeries.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));
        Assert.All(onlySeries.GetProperty("instances").EnumerateArray(), i => Assert.Equal(1, i.GetProperty("frames").GetInt32()));

        var instance = await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies/{study}/series/{series}/instances/{sops[0]}");
        Assert.Equal(HttpStatusCode.OK, instance.StatusCode);
        Assert.Equal("application/dicom", instance.Content.Headers.ContentType?.MediaType);
        var bytes = await instance.Content.ReadAsByteArrayAsync();
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        Assert.Contains(sops[0], System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.True(instance.Headers.CacheControl?.Private);

        var frame = await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies/{study}/series/{series}/instances/{sops[0]}/frames/1/rendered");
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        Assert.Contains(frame.Content.Headers.ContentType?.MediaType, new[] { "image/jpeg", "image/png" });
        Assert.True(frame.Headers.CacheControl?.Private);
        Assert.False(frame.Headers.CacheControl?.Public);
        await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies/{study}/series/{series}/instances/{sops[0]}/frames/2/rendered")).AssertProblemAsync(HttpStatusCode.NotFound);

        var actions = await kit.FromDatabaseAsync(db => db.AuditEntries.Where(a => a.PatientId == patient.PatientId && a.Action.StartsWith("imaging.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(["imaging.frame_read", "imaging.instance_read", "imaging.listed", "imaging.study_read"], actions.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_patients_study_an_unknown_one_and_a_malformed_uid_are_all_not_found()
    {
        _ = TestPacs.RequiredUrl;
        var (owner, ownerHis) = await LinkedPatientAsync();
        var (other, _) = await LinkedPatientAsync();
        var (study, series, sop) = (TestPacs.NewUid(), TestPacs.NewUid(), TestPacs.NewUid());
        await StoreAsync(ownerHis, study, series, sop);
        var (otherStudy, otherSeries, otherSop) = (TestPacs.NewUid(), TestPacs.NewUid(), TestPacs.NewUid());
        await StoreAsync(ownerHis + "-X", otherStudy, otherSeries, otherSop);

        Assert.Empty((await (await other.Client.GetAsync($"/api/patients/{other.PatientId}/imaging/studies")).ReadJsonAsync()).EnumerateArray());
        var forbidden = new[]
        {
            $"/api/patients/{other.PatientId}/imaging/studies/{study}",
            $"/api/patients/{other.PatientId}/imaging/studies/{study}/series/{series}/instances/{sop}",
            $"/api/patients/{other.PatientId}/imaging/studies/{study}/series/{series}/instances/{sop}/frames/1/rendered",
            $"/api/patients/{owner.PatientId}/imaging/studies",
            $"/api/patients/{owner.PatientId}/imaging/studies/{study}",
        };
        foreach (var url in forbidden)
        {
            await (await other.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        // The owner: a study with a near-identical patient id is not theirs; an instance of another study under their
        // study's path is not found; wildcards and lists never reach the PACS.
        Assert.Single((await (await owner.Client.GetAsync($"/api/patients/{owner.PatientId}/imaging/studies")).ReadJsonAsync()).EnumerateArray());
        foreach (var url in new[]
                 {
                     $"/api/patients/{owner.PatientId}/imaging/studies/{otherStudy}",
                     $"/api/patients/{owner.PatientId}/imaging/studies/{study}/series/{otherSeries}/instances/{otherSop}",
                     $"/api/patients/{owner.PatientId}/imaging/studies/{TestPacs.NewUid()}",
                     $"/api/patients/{owner.PatientId}/imaging/studies/{study[..^2]}*",
                     $"/api/patients/{owner.PatientId}/imaging/studies/{study}%5C{otherStudy}",
                 })
        {
            await (await owner.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task An_outside_study_shared_with_a_patient_is_theirs_as_shared_and_stays_the_hospital_patients_too()
    {
        _ = TestPacs.RequiredUrl;
        var (patient, _) = await LinkedPatientAsync();
        var outsideId = "OUT" + Guid.NewGuid().ToString("N")[..10];
        var (study, series, sop) = (TestPacs.NewUid(), TestPacs.NewUid(), TestPacs.NewUid());
        await StoreAsync(outsideId, study, series, sop);
        await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies/{study}")).AssertProblemAsync(HttpStatusCode.NotFound);

        await kit.InDatabaseAsync(db =>
        {
            db.SharedStudies.Add(SharedStudy.Share(patient.PatientId, study, null, Guid.NewGuid(), "外院CT Outside CT", 1, DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        });

        var item = Assert.Single((await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal((study, "shared"), (item.GetProperty("studyInstanceUid").GetString(), item.GetProperty("source").GetString()));
        var detail = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies/{study}")).ReadJsonAsync();
        Assert.Equal("shared", detail.GetProperty("source").GetString());
        var instance = await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies/{study}/series/{series}/instances/{sop}");
        Assert.Equal(HttpStatusCode.OK, instance.StatusCode);
    }

    [Fact]
    public async Task The_hospitals_radiology_report_is_shown_with_its_study_by_accession_number()
    {
        _ = TestPacs.RequiredUrl;

        // The demo HIS reports on the demo archive's studies (accession numbers RAD-H0000001-*); store those in Orthanc.
        var archive = factory.Services.GetRequiredService<IImagingArchive>();
        var demo = new global::InternetHospital.Infrastructure.Imaging.DemoImagingArchive();
        foreach (var study in await demo.FindStudiesAsync(DemoPatients.ZhangWei.HisPatientId, CancellationToken.None))
        {
            foreach (var series in await demo.ListSeriesAsync(study.StudyInstanceUid, CancellationToken.None))
            {
                foreach (var instance in await demo.ListInstancesAsync(study.StudyInstanceUid, series.SeriesInstanceUid, CancellationToken.None))
                {
                    var file = await demo.GetInstanceAsync(study.StudyInstanceUid, series.SeriesInstanceUid, instance.SopInstanceUid, CancellationToken.None);
                    await archive.StoreAsync(new MemoryStream(file!.Content), CancellationToken.None);
                }
            }
        }

        var zhang = await factory.CreateClientAsAsync(DemoPatients.ZhangWei.Account.Email, TestData.DemoPassword);
        // Note: his own record, by his account (other tests' patients are linked to the same demo HIS record).
        var patientId = (await (await zhang.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("patients").EnumerateArray()
            .Single(p => p.GetProperty("relation").GetString() == "self").GetProperty("id").GetGuid();
        var list = (await (await zhang.GetAsync($"/api/patients/{patientId}/imaging/studies")).ReadJsonAsync()).EnumerateArray().ToList();
        var ct = list.Single(s => s.GetProperty("accessionNumber").GetString() == "RAD-H0000001-CT1");
        Assert.Equal((8, "CT"), (ct.GetProperty("instanceCount").GetInt32(), ct.GetProperty("modalities").GetString()));
        Assert.Contains("8 mm", ct.GetProperty("report").GetProperty("conclusion").GetString(), StringComparison.Ordinal);
        Assert.Equal("周敏", ct.GetProperty("report").GetProperty("author").GetString());
        Assert.Contains("no abnormality", list.Single(s => s.GetProperty("accessionNumber").GetString() == "RAD-H0000001-CR1").GetProperty("report").GetProperty("conclusion").GetString(), StringComparison.Ordinal);

        // Orthanc renders the demo CT (16-bit signed, rescaled) as an image.
        var detail = await (await zhang.GetAsync($"/api/patients/{patientId}/imaging/studies/{ct.GetProperty("studyInstanceUid").GetString()}")).ReadJsonAsync();
        var ctSeries = detail.GetProperty("series")[0];
        var slices = ctSeries.GetProperty("instances").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 8), slices.Select(i => i.GetProperty("number").GetInt32()));
        var rendered = await zhang.GetAsync($"/api/patients/{patientId}/imaging/studies/{ct.GetProperty("studyInstanceUid").GetString()}/series/{ctSeries.GetProperty("seriesInstanceUid").GetString()}/instances/{slices[3].GetProperty("sopInstanceUid").GetString()}/frames/1/rendered");
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
    }

    [Fact]
    public async Task A_doctor_reads_the_images_of_a_patient_they_care_for_and_no_other_doctor_does()
    {
        _ = TestPacs.RequiredUrl;
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);
        var hisId = await LinkAsync(patient.PatientId);
        var (study, series, sop) = (TestPacs.NewUid(), TestPacs.NewUid(), TestPacs.NewUid());
        await StoreAsync(hisId, study, series, sop);
        var stranger = await kit.NewDoctorAsync("stranger");

        var list = await (await team.Lead.Client.GetAsync($"/api/doctor/patients/{patient.PatientId}/imaging/studies")).ReadJsonAsync();
        Assert.Equal(study, Assert.Single(list.EnumerateArray()).GetProperty("studyInstanceUid").GetString());
        var frame = await team.Lead.Client.GetAsync($"/api/doctor/patients/{patient.PatientId}/imaging/studies/{study}/series/{series}/instances/{sop}/frames/1/rendered");
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        Assert.True(await kit.FromDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patient.PatientId && a.Action == "imaging.frame_read_by_doctor" && a.ActorAccountId == team.Lead.AccountId)));

        await (await stranger.Client.GetAsync($"/api/doctor/patients/{patient.PatientId}/imaging/studies")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/api/doctor/patients/{patient.PatientId}/imaging/studies/{study}/series/{series}/instances/{sop}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The patient side of the routes is not the doctor's, and the doctor side is not the patient's.
        await (await team.Lead.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await patient.Client.GetAsync($"/api/doctor/patients/{patient.PatientId}/imaging/studies")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_doctor_with_an_appointment_soon_reads_the_patients_images_and_one_booked_beyond_the_window_does_not()
    {
        _ = TestPacs.RequiredUrl;
        var near = await VisitScenario.BookAsync(factory.Services, () => VisitScenario.NewPatientAsync(factory), VisitScenario.Cardiologist);
        await VisitScenario.BookAsync(factory.Services, () => Task.FromResult(near.Patient), VisitScenario.Dermatologist, startsIn: TimeSpan.FromDays(ImagingAccess.DoctorDaysAfter + 2));
        var hisId = await LinkAsync(near.Patient.PatientId);
        var (study, series, sop) = (TestPacs.NewUid(), TestPacs.NewUid(), TestPacs.NewUid());
        await StoreAsync(hisId, study, series, sop);
        var cardiologist = await VisitScenario.SignInAsync(factory, VisitScenario.Cardiologist);
        var dermatologist = await VisitScenario.SignInAsync(factory, VisitScenario.Dermatologist);

        var detail = await (await cardiologist.Api.GetAsync($"/api/doctor/patients/{near.Patient.PatientId}/imaging/studies/{study}")).ReadJsonAsync();
        Assert.Equal(sop, detail.GetProperty("series")[0].GetProperty("instances")[0].GetProperty("sopInstanceUid").GetString());
        var instance = await cardiologist.Api.GetAsync($"/api/doctor/patients/{near.Patient.PatientId}/imaging/studies/{study}/series/{series}/instances/{sop}");
        Assert.Equal(("application/dicom", true), (instance.Content.Headers.ContentType?.MediaType, instance.Headers.CacheControl?.Private));

        await (await dermatologist.Api.GetAsync($"/api/doctor/patients/{near.Patient.PatientId}/imaging/studies/{study}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pacs_that_cannot_be_reached_is_a_503_the_spa_can_explain()
    {
        var (patient, _) = await LinkedPatientAsync();
        await using var down = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Imaging:Archive", "DicomWeb");
            b.UseSetting("Imaging:DicomWeb:BaseUrl", "http://127.0.0.1:9/dicom-web/");
            b.UseSetting("Imaging:DicomWeb:Attempts", "1");
        });
        var client = down.CreateClient();
        client.DefaultRequestHeaders.Authorization = patient.Client.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add(ApiFactory.ClientIpHeader, TestData.ClientIp());

        var problem = await (await client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("imaging_unavailable", problem.GetProperty("code").GetString());
    }

    private async Task StoreAsync(string patientId, string study, string series, string sop) =>
        await factory.Services.GetRequiredService<IImagingArchive>().StoreAsync(new MemoryStream(await TestPacs.MakeAsync(patientId, study, series, sop, 1)), CancellationToken.None);

    private async Task<(FamilyTestKit.TestPatient Patient, string HisId)> LinkedPatientAsync()
    {
        var patient = await kit.RegisterPatientAsync();
        return (patient, await LinkAsync(patient.PatientId));
    }

    private async Task<string> LinkAsync(Guid patientId)
    {
        var hisId = "HI" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        await kit.InDatabaseAsync(async db => (await db.Patients.SingleAsync(p => p.Id == patientId)).LinkToHis(hisId));
        return hisId;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteImagingTests(SqliteApiFactory factory) : ImagingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImagingTests(PostgresApiFactory factory) : ImagingTests(factory);
