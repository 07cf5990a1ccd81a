using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Hospital;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Domain rule 30: a visit's recording plays for the treating doctor, medical-records staff and the patient (on request),
/// with HTTP ranges for seeking; every play is audit-logged; an invited specialist gets 403 and anyone else 404. The
/// bytes at rest are encrypted. And in a browser mesh nothing is recorded, which the visit record says.
/// </summary>
public abstract class RecordingPlaybackTests(ApiFactory factory)
{
    private const string HospitalCode = "CFH";
    private const string CommunityCentreCode = "DHCHC";

    [Fact]
    public async Task The_treating_doctor_medical_records_and_the_patient_play_it_with_ranges_and_every_play_is_audited()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var visitId = booked.AppointmentId;
        var original = await RecordingMedia.WebmAsync();
        var recordingId = await RecordingMedia.StoreAsync(factory.Services, visitId, booked.Patient.PatientId, DateTimeOffset.UtcNow);

        var list = await (await doctor.Api.GetAsync($"/api/video-visits/{visitId}/recordings")).ReadJsonAsync();
        var item = Assert.Single(list.GetProperty("recordings").EnumerateArray());
        Assert.Equal(recordingId, item.GetProperty("id").GetGuid());
        Assert.Equal(original.Length, item.GetProperty("size").GetInt64());

        // The whole file, as a download.
        var whole = await doctor.Api.GetAsync($"/api/video-visits/{visitId}/recordings/{recordingId}");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/webm", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(original, await whole.Content.ReadAsByteArrayAsync());

        // A seek across a chunk border, an open range and a suffix range: exactly those bytes.
        var from = 1024 * 1024 - 100;
        var seek = await RangeAsync(doctor.Api, visitId, recordingId, $"bytes={from}-{from + 299}");
        Assert.Equal(HttpStatusCode.PartialContent, seek.StatusCode);
        Assert.Equal($"bytes {from}-{from + 299}/{original.Length}", seek.Content.Headers.ContentRange!.ToString());
        Assert.Equal(original.AsSpan(from, 300).ToArray(), await seek.Content.ReadAsByteArrayAsync());
        var tail = await RangeAsync(doctor.Api, visitId, recordingId, "bytes=-50");
        Assert.Equal(original[^50..], await tail.Content.ReadAsByteArrayAsync());
        var rest = await RangeAsync(doctor.Api, visitId, recordingId, $"bytes={original.Length - 10}-");
        Assert.Equal(original[^10..], await rest.Content.ReadAsByteArrayAsync());
        var past = await (await RangeAsync(doctor.Api, visitId, recordingId, $"bytes={original.Length}-")).AssertProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Equal("range_not_satisfiable", past.Code());

        // The patient, on request.
        var mine = await booked.Patient.Api.GetAsync($"/api/video-visits/{visitId}/recordings/{recordingId}");
        Assert.Equal(original, await mine.Content.ReadAsByteArrayAsync());

        // Medical records of the visit's institution: a staff account the security administrator gives the role.
        var records = await MedicalRecordsAsync(HospitalCode);
        var theirs = await RangeAsync(records, visitId, recordingId, "bytes=0-99");
        Assert.Equal(original[..100], await theirs.Content.ReadAsByteArrayAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plays = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "visit.recording.played" && e.ResourceId == recordingId.ToString())
            .Select(e => e.Detail!)
            .ToListAsync();
        Assert.Contains($"treating_doctor bytes 0-{original.Length - 1}", plays);
        Assert.Contains($"treating_doctor bytes {from}-{from + 299}", plays);
        Assert.Contains($"patient_request bytes 0-{original.Length - 1}", plays);
        Assert.Contains("medical_records bytes 0-99", plays);

        // At rest the chunks are not the file: nothing of it reads in the clear.
        var chunks = await db.VisitRecordingChunks.AsNoTracking().Where(c => c.RecordingId == recordingId).OrderBy(c => c.Index).Select(c => c.Data).ToListAsync();
        Assert.Equal(3, chunks.Count);
        Assert.False(chunks[0].AsSpan().IndexOf(original.AsSpan(0, 64)) >= 0);
    }

    [Fact]
    public async Task Medical_records_find_and_play_their_own_institutions_recordings_and_are_refused_another_institutions()
    {
        var (booked, _) = await VisitScenario.AdmittedAsync(factory);
        var visitId = booked.AppointmentId;
        var recordedAt = DateTimeOffset.UtcNow;
        var recordingId = await RecordingMedia.StoreAsync(factory.Services, visitId, booked.Patient.PatientId, recordedAt);
        string patientName;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            patientName = await db.Patients.Where(p => p.Id == booked.Patient.PatientId).Select(p => p.FullName).SingleAsync();
        }

        // The hospital's medical-records office (the demo account, 病案室) finds it by patient and doctor and plays it.
        var hospitalRecords = await factory.CreateClientAsAsync("records@demo.test", TestData.DemoPassword);
        var day = recordedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var found = await (await hospitalRecords.GetAsync($"/api/medical-records/recordings?from={day}&to={day}&doctor=李伟&patient={Uri.EscapeDataString(patientName)}")).ReadJsonAsync();
        // Note: other tests' patients may share the name; every row matches the filter and this recording is among them.
        Assert.All(found.EnumerateArray(), row => Assert.Equal(("李伟", patientName), (row.GetProperty("doctorName").GetString(), row.GetProperty("patientName").GetString())));
        var item = Assert.Single(found.EnumerateArray(), row => row.GetProperty("id").GetGuid() == recordingId);
        Assert.Equal(visitId, item.GetProperty("visitId").GetGuid());
        var other = await (await hospitalRecords.GetAsync($"/api/medical-records/recordings?patient={Uri.EscapeDataString(patientName)}&doctor=陈静")).ReadJsonAsync();
        Assert.DoesNotContain(other.EnumerateArray(), row => row.GetProperty("id").GetGuid() == recordingId);
        var played = await RangeAsync(hospitalRecords, visitId, recordingId, "bytes=0-9");
        Assert.Equal(HttpStatusCode.PartialContent, played.StatusCode);

        // The community centre's medical records: not listed, and refused when asked for it directly; nothing played.
        var communityRecords = await MedicalRecordsAsync(CommunityCentreCode);
        var theirs = await (await communityRecords.GetAsync($"/api/medical-records/recordings?patient={Uri.EscapeDataString(patientName)}")).ReadJsonAsync();
        Assert.DoesNotContain(theirs.EnumerateArray(), row => row.GetProperty("id").GetGuid() == recordingId);
        var refused = await (await communityRecords.GetAsync($"/api/video-visits/{visitId}/recordings")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("recording_other_institution", refused.Code());
        var refusedPlay = await (await RangeAsync(communityRecords, visitId, recordingId, "bytes=0-9")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("recording_other_institution", refusedPlay.Code());

        // A period the wrong way round is a validation problem, not an empty list.
        var backwards = await (await hospitalRecords.GetAsync("/api/medical-records/recordings?from=2026-02-01&to=2026-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(backwards.FieldErrors("to"));

        await using var check = factory.Services.CreateAsyncScope();
        var audit = check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking();
        Assert.True(await audit.AnyAsync(e => e.Action == "visit.recordings.searched"));
        Assert.Equal(["medical_records bytes 0-9"], await audit.Where(e => e.Action == "visit.recording.played" && e.ResourceId == recordingId.ToString()).Select(e => e.Detail!).ToListAsync());
    }

    [Fact]
    public async Task An_invited_specialist_gets_403_and_other_doctors_and_patients_404()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var visitId = booked.AppointmentId;
        var recordingId = await RecordingMedia.StoreAsync(factory.Services, visitId, booked.Patient.PatientId, DateTimeOffset.UtcNow);
        var specialist = await VisitScenario.SignInAsync(factory, VisitScenario.Dermatologist);
        var specialistDoctorId = await DoctorIdAsync(VisitScenario.Dermatologist);
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{visitId}/specialists", new { doctorId = specialistDoctorId })).ReadJsonAsync();

        var denied = await (await specialist.Api.GetAsync($"/api/video-visits/{visitId}/recordings")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("recording_access_denied", denied.Code());
        await (await specialist.Api.GetAsync($"/api/video-visits/{visitId}/recordings/{recordingId}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var otherDoctor = await VisitScenario.SignInAsync(factory, VisitScenario.Endocrinologist);
        await (await otherDoctor.Api.GetAsync($"/api/video-visits/{visitId}/recordings")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherDoctor.Api.GetAsync($"/api/video-visits/{visitId}/recordings/{recordingId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var otherPatient = await VisitScenario.NewPatientAsync(factory);
        await (await otherPatient.Api.GetAsync($"/api/video-visits/{visitId}/recordings/{recordingId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var pharmacist = await factory.CreateClientAsAsync("pharmacist.sun@demo.test", TestData.DemoPassword);
        await (await pharmacist.GetAsync($"/api/video-visits/{visitId}/recordings")).AssertProblemAsync(HttpStatusCode.NotFound);

        // A recording id of another visit does not play under this one.
        var other = await VisitScenario.AdmittedAsync(factory);
        var otherRecording = await RecordingMedia.StoreAsync(factory.Services, other.Visit.AppointmentId, other.Visit.Patient.PatientId, DateTimeOffset.UtcNow);
        await (await doctor.Api.GetAsync($"/api/video-visits/{visitId}/recordings/{otherRecording}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task In_a_browser_mesh_consent_is_kept_but_nothing_is_recorded_and_the_record_says_so()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var visitId = booked.AppointmentId;
        await using var patientHub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", visitId);
        var before = await patientHub.InvokeAsync<JsonElement>("RecordingStatus", visitId);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("myConsent").ValueKind);

        var answered = await (await booked.Patient.Api.PostAsJsonAsync($"/api/video-visits/{visitId}/recording-consent", new { consent = true })).ReadJsonAsync();
        Assert.True(answered.GetProperty("myConsent").GetBoolean());
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{visitId}/recording-consent", new { consent = true })).ReadJsonAsync();
        await patientHub.InvokeAsync<JsonElement>("EnterCall", visitId, "patient-peer");

        var visit = await (await doctor.Api.GetAsync($"/api/video-visits/{visitId}")).ReadJsonAsync();
        Assert.Equal("Unavailable", visit.GetProperty("recording").GetProperty("state").GetString());
        Assert.False(visit.GetProperty("recording").GetProperty("available").GetBoolean());
        var kinds = visit.GetProperty("trace").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("detail").GetString())).ToList();
        Assert.Contains(("recording_consent", "Patient: given"), kinds);
        Assert.Contains(("recording_consent", "Doctor: given"), kinds);
        Assert.DoesNotContain(kinds, k => k.Item1 == "recording_started");

        var missing = await (await booked.Patient.Api.PostAsJsonAsync($"/api/video-visits/{visitId}/recording-consent", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldErrors("consent"));
        var stranger = await VisitScenario.NewPatientAsync(factory);
        await (await stranger.Api.PostAsJsonAsync($"/api/video-visits/{visitId}/recording-consent", new { consent = true })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> RangeAsync(HttpClient client, Guid visitId, Guid recordingId, string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/video-visits/{visitId}/recordings/{recordingId}");
        request.Headers.TryAddWithoutValidation("Range", range);
        return client.SendAsync(request);
    }

    private async Task<Guid> DoctorIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from d in db.Doctors join u in db.Users on d.AccountId equals u.Id where u.Email == email select d.Id).SingleAsync();
    }

    /// <summary>A staff account of this test's own, made medical-records staff by the security administrator, working at the institution.</summary>
    private async Task<HttpClient> MedicalRecordsAsync(string institutionCode)
    {
        var id = Guid.NewGuid();
        var email = TestData.Email("records");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
                .CreateAsync(new NewAccount(id, email, "病案室测试", "13900000001", "zh-CN"), TestData.StrongPassword, Roles.Pharmacist, CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        var security = await factory.CreateClientAsAsync("security.qian@demo.test", TestData.DemoPassword);
        var assigned = await (await security.PutAsJsonAsync($"/api/admin/accounts/{id}/role", new { role = Roles.MedicalRecords })).ReadJsonAsync();
        Assert.Equal([Roles.MedicalRecords], assigned.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var facility = await db.Facilities.SingleAsync(f => f.Code == institutionCode);
            db.StaffMemberships.Add(StaffMembership.Create(id, facility.Id));
            await db.SaveChangesAsync();
        }

        return await factory.CreateClientAsAsync(email, TestData.StrongPassword);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecordingPlaybackTestsOnSqlite(SqliteApiFactory factory) : RecordingPlaybackTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class RecordingPlaybackTestsOnPostgres(PostgresApiFactory factory) : RecordingPlaybackTests(factory);
