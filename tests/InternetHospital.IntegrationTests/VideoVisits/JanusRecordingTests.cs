using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// The consent matrix against the real Janus (domain rule 30): the visit's room records (its <c>record</c> flag, asked of
/// Janus itself) only while everyone in the call has consented: no answers or one refusal keep it off, everyone's yes
/// turns it on, a newcomer without consent turns it off and their leaving turns it back on; the room's browsers hear
/// each change, and the visit record says who had not consented. The end of the visit leaves a post-processing job.
/// </summary>
public sealed class JanusRecordingTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task Janus_records_only_while_everyone_in_the_call_consented(string provider)
    {
        _ = TestJanus.Api;
        await using var host = await OwnApiHost.StartAsync(provider, TestJanus.Configure, reuseSeed: true);
        var (visit, doctor) = await VisitScenario.AdmittedAsync(host);
        var id = visit.AppointmentId;

        await using var patientHub = VisitScenario.Hub(host, visit.Patient.AccessToken);
        var changes = patientHub.Listen("recordingChanged");
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var room = (await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer")).GetProperty("janus").GetProperty("roomId").GetInt64();
        await using var doctorHub = VisitScenario.Hub(host, doctor.AccessToken);
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer");

        // Nobody has answered: nothing is recorded, and the record says by whom consent is missing.
        Assert.False(await RecordsAsync(room));
        var status = await StatusAsync(visit.Patient, id);
        Assert.Equal("NotRecorded", status.GetProperty("state").GetString());
        Assert.True(status.GetProperty("available").GetBoolean());
        Assert.Equal(["Patient", "Doctor"], Roles(status));

        // The patient says yes, the doctor no: still nothing.
        await ConsentAsync(visit.Patient, id, true);
        var refused = await ConsentAsync(doctor, id, false);
        Assert.Equal(["Doctor"], Roles(refused));
        Assert.False(await RecordsAsync(room));

        // The doctor changes their mind: everyone in the call consented, Janus records, the room hears it.
        var recording = await ConsentAsync(doctor, id, true);
        Assert.Equal("Recording", recording.GetProperty("state").GetString());
        Assert.True(await RecordsAsync(room));
        Assert.Equal("Recording", (await changes.NextAsync()).GetProperty("state").GetString());

        // A specialist joins without consenting: recording stops at once.
        var specialist = await VisitScenario.SignInAsync(host, VisitScenario.Dermatologist);
        await VisitScenario.StartConsultingSessionAsync(specialist);
        var specialistDoctorId = await DoctorIdAsync(host, VisitScenario.Dermatologist);
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = specialistDoctorId })).ReadJsonAsync();
        await using var specialistHub = VisitScenario.Hub(host, specialist.AccessToken);
        await specialistHub.StartAsync();
        await specialistHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await specialistHub.InvokeAsync<JsonElement>("EnterCall", id, "specialist-peer");
        Assert.False(await RecordsAsync(room));
        var stopped = await changes.NextAsync();
        Assert.Equal("Recorded", stopped.GetProperty("state").GetString());
        Assert.Equal(["Specialist"], Roles(stopped));

        // They leave without answering: everyone left has consented, so it records again.
        await specialistHub.InvokeAsync("LeaveCall", id);
        Assert.True(await RecordsAsync(room));

        // The visit ends: the room (and its recording) goes, and the raw files wait for post-processing.
        var trace = (await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync()).GetProperty("trace").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("detail").GetString())).ToList();
        Assert.Contains(("recording_stopped", "Specialist"), trace);
        Assert.Equal(2, trace.Count(e => e.Item1 == "recording_started"));
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/refer", new { reason = "Emergency" })).ReadJsonAsync();
        Assert.False(await TestJanus.RoomExistsAsync(room));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.RecordingJobs.AnyAsync(j => j.VisitId == id && j.CompletedAt == null));
        Assert.False((await db.VideoVisits.SingleAsync(v => v.Id == id)).IsRecording);
    }

    /// <summary>
    /// An interpreter let in by link is asked like everyone in the call: the patient and the doctor say yes, the
    /// interpreter no, so Janus never records, no post-processing job is left, and the visit record says the guest did
    /// not consent.
    /// </summary>
    [Theory]
    [InlineData("Sqlite")]
    public async Task When_the_interpreter_guest_refuses_nothing_is_recorded_and_the_record_says_so(string provider)
    {
        _ = TestJanus.Api;
        await using var host = await OwnApiHost.StartAsync(provider, TestJanus.Configure, reuseSeed: true);
        var (visit, doctor) = await VisitScenario.AdmittedAsync(host);
        var id = visit.AppointmentId;
        await using var patientHub = VisitScenario.Hub(host, visit.Patient.AccessToken);
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var room = (await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer")).GetProperty("janus").GetProperty("roomId").GetInt64();
        await using var doctorHub = VisitScenario.Hub(host, doctor.AccessToken);
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer");

        // The interpreter: invited by the doctor, opens the link, is let in and enters the call.
        var email = TestData.Email("interpreter");
        await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Interpreter", email })).ReadJsonAsync(System.Net.HttpStatusCode.Created);
        string body;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            body = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailOutbox.AsNoTracking().Where(e => e.To == email).Select(e => e.TextBody).SingleAsync();
        }

        var token = System.Text.RegularExpressions.Regex.Match(body, "/guest/([A-Za-z0-9_-]{43})").Groups[1].Value;
        var redeemed = await (await host.CreateBrowserClient().PostAsJsonAsync("/api/guest-links/redeem", new { token, deviceSecret = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), name = "Anna Müller" })).ReadJsonAsync();
        var credential = redeemed.GetProperty("credential").GetString()!;
        var guestId = Assert.Single((await (await doctor.Api.GetAsync($"/api/visits/{id}/guests")).ReadJsonAsync()).EnumerateArray()).GetProperty("id").GetGuid();
        await (await doctor.Api.PostAsync($"/api/visits/{id}/guests/{guestId}/admit", null)).ReadJsonAsync();
        await using var guestHub = VisitScenario.Hub(host, credential);
        await guestHub.StartAsync();
        await guestHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await guestHub.InvokeAsync<JsonElement>("EnterCall", id, "guest-peer");
        var guestApi = host.CreateBrowserClient();
        guestApi.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential);

        // The guest is asked too (not yet answered); patient and doctor say yes, the interpreter no.
        var asked = await (await guestApi.GetAsync($"/api/video-visits/{id}/recording")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, asked.GetProperty("myConsent").ValueKind);
        await ConsentAsync(visit.Patient, id, true);
        var onlyGuest = await ConsentAsync(doctor, id, true);
        Assert.Equal(["Guest"], Roles(onlyGuest));
        var refused = await (await guestApi.PostAsJsonAsync($"/api/video-visits/{id}/recording-consent", new { consent = false })).ReadJsonAsync();
        Assert.False(refused.GetProperty("myConsent").GetBoolean());
        Assert.Equal("NotRecorded", refused.GetProperty("state").GetString());
        Assert.False(await RecordsAsync(room));

        // The visit ends: nothing was recorded, nothing waits for post-processing, and the record says why.
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/refer", new { reason = "Emergency" })).ReadJsonAsync();
        var record = await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal("NotRecorded", record.GetProperty("recording").GetProperty("state").GetString());
        Assert.Equal(["Guest"], Roles(record.GetProperty("recording")));
        var trace = record.GetProperty("trace").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("detail").GetString())).ToList();
        Assert.Contains(("recording_consent", "Guest: refused"), trace);
        Assert.DoesNotContain(trace, e => e.Item1 == "recording_started");
        var recordings = await (await doctor.Api.GetAsync($"/api/video-visits/{id}/recordings")).ReadJsonAsync();
        Assert.Empty(recordings.GetProperty("recordings").EnumerateArray());
        Assert.False(recordings.GetProperty("processing").GetBoolean());
        await using var check = host.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().RecordingJobs.AnyAsync(j => j.VisitId == id));
    }

    /// <summary>The room's <c>record</c> flag as Janus reports it (the admin key lists private rooms too).</summary>
    private static async Task<bool> RecordsAsync(long room)
    {
        var list = await TestJanus.RoomAsync(new JsonObject { ["request"] = "list", ["admin_key"] = TestJanus.AdminSecret });
        var entry = list["list"]!.AsArray().Single(r => r!["room"]!.GetValue<long>() == room)!;
        return entry["record"]!.GetValue<bool>();
    }

    private static async Task<JsonElement> ConsentAsync(User user, Guid visitId, bool consent) =>
        await (await user.Api.PostAsJsonAsync($"/api/video-visits/{visitId}/recording-consent", new { consent })).ReadJsonAsync();

    private static async Task<JsonElement> StatusAsync(User user, Guid visitId) =>
        await (await user.Api.GetAsync($"/api/video-visits/{visitId}/recording")).ReadJsonAsync();

    private static string[] Roles(JsonElement status) => status.GetProperty("notConsentedBy").EnumerateArray().Select(r => r.GetString()!).ToArray();

    private static async Task<Guid> DoctorIdAsync(ApiFactory host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from d in db.Doctors join u in db.Users on d.AccountId equals u.Id where u.Email == email select d.Id).SingleAsync();
    }
}
