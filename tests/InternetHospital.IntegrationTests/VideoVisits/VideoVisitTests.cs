using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Payments;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.VideoVisits;

public abstract class VideoVisitTests(ApiFactory factory)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private Task<Booked> BookAsync(string doctor = VisitScenario.Cardiologist, TimeSpan? startsIn = null) =>
        VisitScenario.BookAsync(factory.Services, () => VisitScenario.NewPatientAsync(factory), doctor, startsIn);

    private Task<(Booked Visit, User Doctor)> AdmittedAsync() => VisitScenario.AdmittedAsync(factory);

    [Fact]
    public async Task The_waiting_room_counts_only_patients_checked_in_ahead_in_the_same_session_and_updates_live()
    {
        // Note: each test's session is its own (a fresh template session id), so parallel tests never share a queue.
        var session = (Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow));
        var earlier = await VisitScenario.BookAsync(factory.Services, () => VisitScenario.NewPatientAsync(factory), startsIn: TimeSpan.FromMinutes(3), session: session);
        var me = await VisitScenario.BookAsync(factory.Services, () => VisitScenario.NewPatientAsync(factory), startsIn: TimeSpan.FromMinutes(10), session: session);
        var otherSession = await BookAsync(startsIn: TimeSpan.FromMinutes(1));
        await (await otherSession.Patient.Api.PostAsync($"/api/video-visits/{otherSession.AppointmentId}/check-in", null)).ReadJsonAsync();

        // The earlier patient has not checked in, and the one waiting belongs to another session: nobody is ahead.
        var waiting = await (await me.Patient.Api.PostAsync($"/api/video-visits/{me.AppointmentId}/check-in", null)).ReadJsonAsync();
        Assert.Equal(0, waiting.GetProperty("patientsAhead").GetInt32());

        await using var hub = VisitScenario.Hub(factory, me.Patient.AccessToken);
        var moves = hub.Listen("queueMoved");
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("JoinVisit", me.AppointmentId);

        // The earlier patient arrives: the room hears it and now counts one ahead.
        await (await earlier.Patient.Api.PostAsync($"/api/video-visits/{earlier.AppointmentId}/check-in", null)).ReadJsonAsync();
        Assert.Equal(me.AppointmentId, (await moves.NextAsync()).GetProperty("visitId").GetGuid());
        Assert.Equal(1, (await (await me.Patient.Api.GetAsync($"/api/video-visits/{me.AppointmentId}/waiting-room")).ReadJsonAsync()).GetProperty("patientsAhead").GetInt32());

        // The doctor admits them: the room hears it and nobody is ahead any more.
        var doctor = await VisitScenario.SignInAsync(factory, VisitScenario.Cardiologist);
        await VisitScenario.StartConsultingSessionAsync(doctor);
        await (await doctor.Api.PostAsync($"/api/video-visits/{earlier.AppointmentId}/admit", null)).ReadJsonAsync();
        await moves.NextAsync();
        Assert.Equal(0, (await (await me.Patient.Api.GetAsync($"/api/video-visits/{me.AppointmentId}/waiting-room")).ReadJsonAsync()).GetProperty("patientsAhead").GetInt32());
    }

    [Fact]
    public async Task A_checked_in_patient_is_admitted_and_both_sides_exchange_signalling_and_chat_through_the_hub()
    {
        var booked = await BookAsync();
        var id = booked.AppointmentId;
        var room = await (await booked.Patient.Api.GetAsync($"/api/video-visits/{id}/waiting-room")).ReadJsonAsync();
        Assert.True(room.GetProperty("canCheckIn").GetBoolean());

        var waiting = await (await booked.Patient.Api.PostAsync($"/api/video-visits/{id}/check-in", null)).ReadJsonAsync();
        Assert.Equal("Waiting", waiting.GetProperty("visitStatus").GetString());
        Assert.Equal(1, waiting.GetProperty("queuePosition").GetInt32());

        await using var patientHub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        var patientUpdates = patientHub.Listen("visitUpdated");
        var patientSignals = patientHub.Listen("signal");
        var patientChat = patientHub.Listen("chat");
        await patientHub.StartAsync();
        var snapshot = await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        Assert.Equal("Patient", snapshot.GetProperty("role").GetString());

        // Not admitted yet: no media for the patient.
        Assert.StartsWith("visit_not_admitted", await VisitScenario.HubErrorAsync(() => patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer")));

        var doctor = await VisitScenario.SignInAsync(factory, VisitScenario.Cardiologist);
        var today = await (await doctor.Api.GetAsync("/api/video-visits/today")).ReadJsonAsync();
        var row = today.GetProperty("visits").EnumerateArray().Single(v => v.GetProperty("visitId").GetGuid() == id);
        Assert.Equal("Waiting", row.GetProperty("visitStatus").GetString());
        Assert.True(row.GetProperty("waitingMinutes").GetInt32() >= 0);

        // Domain rule 3: identified again before admitting.
        Assert.Equal(HttpStatusCode.NoContent, (await doctor.Api.DeleteAsync("/api/video-visits/consulting-session")).StatusCode);
        var unconfirmed = await (await doctor.Api.PostAsync($"/api/video-visits/{id}/admit", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("identity_check_required", unconfirmed.Code());
        var wrong = await (await doctor.Api.PostAsJsonAsync("/api/video-visits/consulting-session", new { password = "not the password" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("identity_check_failed", wrong.Code());
        await VisitScenario.StartConsultingSessionAsync(doctor);

        await (await doctor.Api.PostAsync($"/api/video-visits/{id}/admit", null)).ReadJsonAsync();
        var admitted = await patientUpdates.NextAsync();
        Assert.Equal("InProgress", admitted.GetProperty("status").GetString());

        await using var doctorHub = VisitScenario.Hub(factory, doctor.AccessToken);
        var doctorSignals = doctorHub.Listen("signal");
        var doctorChat = doctorHub.Listen("chat");
        var doctorJoins = doctorHub.Listen("peerJoined");
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var doctorCall = await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer");
        Assert.Empty(doctorCall.GetProperty("peers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, doctorCall.GetProperty("janus").ValueKind); // the mesh: signalling through the hub

        var patientCall = await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");
        Assert.Equal("doctor-peer", Assert.Single(patientCall.GetProperty("peers").EnumerateArray()).GetProperty("peerId").GetString());
        Assert.Equal("patient-peer", (await doctorJoins.NextAsync()).GetProperty("peer").GetProperty("peerId").GetString());

        await patientHub.InvokeAsync("Signal", id, "doctor-peer", JsonDocument.Parse("""{"type":"offer","sdp":"v=0"}""").RootElement);
        var offer = await doctorSignals.NextAsync();
        Assert.Equal("patient-peer", offer.GetProperty("fromPeerId").GetString());
        Assert.Equal("offer", offer.GetProperty("data").GetProperty("type").GetString());
        await doctorHub.InvokeAsync("Signal", id, "patient-peer", JsonDocument.Parse("""{"type":"answer","sdp":"v=0"}""").RootElement);
        Assert.Equal("answer", (await patientSignals.NextAsync()).GetProperty("data").GetProperty("type").GetString());

        await (await booked.Patient.Api.PostAsJsonAsync($"/api/video-visits/{id}/messages", new { text = "The rash is spreading to my arm." })).ReadJsonAsync();
        Assert.Equal("The rash is spreading to my arm.", (await doctorChat.NextAsync()).GetProperty("text").GetString());
        Assert.Equal("Patient", (await patientChat.NextAsync()).GetProperty("senderRole").GetString());

        var visit = await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        var trace = visit.GetProperty("trace").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["checked_in", "admitted", "joined", "joined", "message_sent"], trace);
    }

    [Fact]
    public async Task The_doctor_admits_and_enters_the_call_in_one_step_and_the_patient_then_finds_them_in_it()
    {
        var booked = await BookAsync();
        var id = booked.AppointmentId;
        await (await booked.Patient.Api.PostAsync($"/api/video-visits/{id}/check-in", null)).ReadJsonAsync();
        await using var patientHub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        var patientUpdates = patientHub.Listen("visitUpdated");
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);

        // Only the visit's doctor admits; until then the patient gets no media.
        Assert.StartsWith("not_treating_doctor", await VisitScenario.HubErrorAsync(() => patientHub.InvokeAsync<JsonElement>("AdmitAndEnterCall", id, "patient-peer")));
        Assert.StartsWith("visit_not_admitted", await VisitScenario.HubErrorAsync(() => patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer")));

        var doctor = await VisitScenario.SignInAsync(factory, VisitScenario.Cardiologist);
        await VisitScenario.StartConsultingSessionAsync(doctor);
        await using var doctorHub = VisitScenario.Hub(factory, doctor.AccessToken);
        var doctorJoins = doctorHub.Listen("peerJoined");
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var doctorCall = await doctorHub.InvokeAsync<JsonElement>("AdmitAndEnterCall", id, "doctor-peer");
        Assert.Equal("doctor-peer", doctorCall.GetProperty("self").GetProperty("peerId").GetString());
        Assert.Empty(doctorCall.GetProperty("peers").EnumerateArray());
        Assert.Equal("InProgress", (await patientUpdates.NextAsync()).GetProperty("status").GetString());

        var patientCall = await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");
        Assert.Equal("doctor-peer", Assert.Single(patientCall.GetProperty("peers").EnumerateArray()).GetProperty("peerId").GetString());
        Assert.Equal("patient-peer", (await doctorJoins.NextAsync()).GetProperty("peer").GetProperty("peerId").GetString());
        Assert.StartsWith("visit_already_admitted", await VisitScenario.HubErrorAsync(() => doctorHub.InvokeAsync<JsonElement>("AdmitAndEnterCall", id, "doctor-peer")));

        var visit = await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal("InProgress", visit.GetProperty("status").GetString());
        var trace = visit.GetProperty("trace").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["checked_in", "admitted", "joined", "joined"], trace);
    }

    [Fact]
    public async Task Anyone_but_the_patient_the_doctor_and_invited_specialists_is_refused_by_the_hub()
    {
        var (booked, doctor) = await AdmittedAsync();
        var id = booked.AppointmentId;
        await using var patientHub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");

        var otherPatient = await VisitScenario.NewPatientAsync(factory);
        var otherDoctor = await VisitScenario.SignInAsync(factory, VisitScenario.Endocrinologist);
        await VisitScenario.StartConsultingSessionAsync(otherDoctor);
        foreach (var outsider in new[] { otherPatient, otherDoctor })
        {
            await using var hub = VisitScenario.Hub(factory, outsider.AccessToken);
            await hub.StartAsync();
            Assert.StartsWith("not_found", await VisitScenario.HubErrorAsync(() => hub.InvokeAsync<JsonElement>("JoinVisit", id)));
            Assert.StartsWith("not_found", await VisitScenario.HubErrorAsync(() => hub.InvokeAsync<JsonElement>("EnterCall", id, "intruder")));

            // A connection outside the call cannot reach a peer inside it.
            Assert.StartsWith("not_in_call", await VisitScenario.HubErrorAsync(() => hub.InvokeAsync("Signal", id, "patient-peer", JsonDocument.Parse("{}").RootElement)));
            await (await outsider.Api.GetAsync($"/api/video-visits/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.Api.GetAsync($"/api/video-visits/{id}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        // Nobody gets in without signing in.
        await using var anonymous = VisitScenario.Hub(factory, accessToken: null);
        Assert.Contains("401", (await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync())).Message, StringComparison.Ordinal);

        // Pages of another origin are turned away before any hub code runs.
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/visits/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", doctor.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateBrowserClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_specialist_invited_by_the_doctor_gets_a_live_notification_and_joins_as_the_third_participant()
    {
        var (booked, doctor) = await AdmittedAsync();
        var id = booked.AppointmentId;
        var specialist = await VisitScenario.SignInAsync(factory, VisitScenario.Dermatologist);
        await using var specialistHub = VisitScenario.Hub(factory, specialist.AccessToken);
        await specialistHub.StartAsync();
        Assert.StartsWith("not_found", await VisitScenario.HubErrorAsync(() => specialistHub.InvokeAsync<JsonElement>("JoinVisit", id)));

        var found = await (await doctor.Api.GetAsync("/api/video-visits/specialists?q=dermatology")).ReadJsonAsync();
        var zhao = found.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "赵敏");
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = zhao.GetProperty("doctorId").GetGuid() })).ReadJsonAsync();
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = zhao.GetProperty("doctorId").GetGuid() })).AssertProblemAsync(HttpStatusCode.Conflict);

        var notifications = await (await specialist.Api.GetAsync("/api/notifications?unreadOnly=true")).ReadJsonAsync();
        Assert.Contains(notifications.GetProperty("notifications").GetProperty("items").EnumerateArray(), n =>
            n.GetProperty("kind").GetString() == "visit.specialist_invited" && n.GetProperty("link").GetString() == $"/visits/{id}");

        var room = await specialistHub.InvokeAsync<JsonElement>("JoinVisit", id);
        Assert.Equal("Specialist", room.GetProperty("role").GetString());

        // The specialist is a doctor acting in a visit: identified first (domain rule 3).
        Assert.StartsWith("identity_check_required", await VisitScenario.HubErrorAsync(() => specialistHub.InvokeAsync<JsonElement>("EnterCall", id, "specialist-peer")));
        await VisitScenario.StartConsultingSessionAsync(specialist);

        await using var patientHub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        await using var doctorHub = VisitScenario.Hub(factory, doctor.AccessToken);
        await patientHub.StartAsync();
        await doctorHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");
        await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer");
        var call = await specialistHub.InvokeAsync<JsonElement>("EnterCall", id, "specialist-peer");

        Assert.Equal(["Patient", "Doctor"], call.GetProperty("peers").EnumerateArray().Select(p => p.GetProperty("role").GetString()));
        var visit = await (await specialist.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal("Specialist", visit.GetProperty("myRole").GetString());
    }

    [Fact]
    public async Task On_the_mesh_the_doctor_invites_two_specialists_and_the_third_is_refused()
    {
        var (booked, doctor) = await AdmittedAsync();
        var id = booked.AppointmentId;

        foreach (var email in new[] { VisitScenario.Dermatologist, VisitScenario.Endocrinologist })
        {
            await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = await VisitScenario.DoctorIdAsync(factory.Services, email) })).ReadJsonAsync();
        }

        var refused = await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = await VisitScenario.DoctorIdAsync(factory.Services, VisitScenario.FamilyDoctor) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("too_many_participants", refused.GetProperty("code").GetString());
        var visit = await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal(2, visit.GetProperty("specialists").GetArrayLength());
    }

    [Fact]
    public async Task Chat_files_are_kept_with_the_visit_and_served_only_to_its_participants()
    {
        var (booked, doctor) = await AdmittedAsync();
        var id = booked.AppointmentId;

        using var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent(Png), "file", "rash.png");
        upload.Add(new StringContent("Photo from this morning"), "text");
        var message = await (await booked.Patient.Api.PostAsync($"/api/video-visits/{id}/files", upload)).ReadJsonAsync();
        var fileId = message.GetProperty("file").GetProperty("id").GetGuid();
        Assert.Equal("image/png", message.GetProperty("file").GetProperty("contentType").GetString());

        var download = await doctor.Api.GetAsync($"/api/video-visits/{id}/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());

        var outsider = await VisitScenario.NewPatientAsync(factory);
        await (await outsider.Api.GetAsync($"/api/video-visits/{id}/files/{fileId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The file belongs to this visit: another visit's route does not serve it, even to a participant of both.
        var other = await BookAsync();
        await (await other.Patient.Api.GetAsync($"/api/video-visits/{other.AppointmentId}/files/{fileId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        using var text = new MultipartFormDataContent();
        text.Add(new ByteArrayContent("plain text"u8.ToArray()), "file", "notes.txt");
        var refused = await (await booked.Patient.Api.PostAsync($"/api/video-visits/{id}/files", text)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.FieldErrors("file"));

        var chat = await (await doctor.Api.GetAsync($"/api/video-visits/{id}/messages")).ReadJsonAsync();
        Assert.Equal("Photo from this morning", Assert.Single(chat.EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Completing_signs_the_note_completes_the_appointment_and_enqueues_the_encounter_for_the_HIS()
    {
        var (booked, doctor) = await AdmittedAsync();
        var id = booked.AppointmentId;
        var note = new
        {
            chiefComplaint = "血压控制欠佳两周",
            history = "Home readings around 150/95 on amlodipine 5 mg.",
            assessment = "Essential hypertension, not at target.",
            plan = "Amlodipine 10 mg daily; keep a home BP diary.",
            diagnoses = new[] { new { code = "I10", description = "特发性（原发性）高血压" } },
            followUpAdvice = "Video follow-up in 4 weeks.",
        };
        var icd = await (await doctor.Api.GetAsync("/api/video-visits/icd10?q=hypertension")).ReadJsonAsync();
        Assert.Contains(icd.EnumerateArray(), e => e.GetProperty("code").GetString() == "I10");

        await (await booked.Patient.Api.PutAsJsonAsync($"/api/video-visits/{id}/note", note)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await doctor.Api.PutAsJsonAsync($"/api/video-visits/{id}/note", note with { })).ReadJsonAsync();
        var before = await (await booked.Patient.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("note").ValueKind);

        var signed = await (await doctor.Api.PostAsync($"/api/video-visits/{id}/complete", null)).ReadJsonAsync();
        var signature = signed.GetProperty("signature");
        Assert.Equal("李伟", signature.GetProperty("signedBy").GetString());
        Assert.True(signature.GetProperty("intact").GetBoolean());
        var hash = signature.GetProperty("contentHash").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);

        var summary = await (await booked.Patient.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal("Amlodipine 10 mg daily; keep a home BP diary.", summary.GetProperty("note").GetProperty("plan").GetString());
        Assert.Equal(0, summary.GetProperty("trace").GetArrayLength());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(AppointmentStatus.Completed, (await db.Appointments.SingleAsync(a => a.Id == id)).Status);
            var outbox = await db.HisOutbox.Where(m => m.PatientId == booked.Patient.PatientId && m.Kind == "encounter.completed").ToListAsync();
            var payload = JsonDocument.Parse(Assert.Single(outbox).Payload).RootElement;
            Assert.Equal(hash, payload.GetProperty("noteHash").GetString());
            Assert.Equal("I10", payload.GetProperty("diagnoses")[0].GetProperty("icd10Code").GetString());
            Assert.Contains("主诉：血压控制欠佳两周", payload.GetProperty("note").GetString(), StringComparison.Ordinal);
        }

        var notices = await (await booked.Patient.Api.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(notices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "visit.completed");

        // Read-only from now on: a correction is an addendum; the finished visit cannot be re-entered.
        Assert.Equal("visit_finished", (await (await doctor.Api.PutAsJsonAsync($"/api/video-visits/{id}/note", note)).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var addendum = await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/addenda", new { text = "Potassium 4.1 mmol/L, normal." })).ReadJsonAsync();
        Assert.Equal(1, addendum.GetProperty("sequence").GetInt32());
        await using var hub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        await hub.StartAsync();
        Assert.StartsWith("visit_finished", await VisitScenario.HubErrorAsync(() => hub.InvokeAsync<JsonElement>("JoinVisit", id)));
        await (await booked.Patient.Api.PostAsJsonAsync($"/api/video-visits/{id}/messages", new { text = "one more thing" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Stop_and_refer_records_the_reason_refunds_the_fee_and_tells_the_patient_to_attend_in_person()
    {
        var (booked, doctor) = await AdmittedAsync();
        var id = booked.AppointmentId;

        var referral = await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/refer", new { reason = "ConditionChanged", detail = "New chest pain on exertion: needs an ECG in clinic." })).ReadJsonAsync();
        Assert.Equal(50m, referral.GetProperty("refundedAmount").GetDecimal());

        var seen = await (await booked.Patient.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal("Referred", seen.GetProperty("status").GetString());
        Assert.Equal("ConditionChanged", seen.GetProperty("referral").GetProperty("reason").GetString());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(PaymentStatus.Refunded, (await db.Payments.SingleAsync(p => p.Id == booked.PaymentId)).Status);
        }

        var notices = await (await booked.Patient.Api.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(notices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "visit.referred");
        await Mailbox.WaitForAsync(await EmailOfAsync(booked.Patient), "请到医院线下就诊");
    }

    [Fact]
    public async Task Check_in_opens_fifteen_minutes_before_the_start()
    {
        var booked = await BookAsync(startsIn: TimeSpan.FromMinutes(40));

        var room = await (await booked.Patient.Api.GetAsync($"/api/video-visits/{booked.AppointmentId}/waiting-room")).ReadJsonAsync();
        Assert.False(room.GetProperty("canCheckIn").GetBoolean());
        var early = await (await booked.Patient.Api.PostAsync($"/api/video-visits/{booked.AppointmentId}/check-in", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("check_in_not_open", early.Code());

        var stranger = await VisitScenario.NewPatientAsync(factory);
        await (await stranger.Api.PostAsync($"/api/video-visits/{booked.AppointmentId}/check-in", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signalling_is_rate_limited_per_connection()
    {
        var booked = await BookAsync();
        await using var hub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        await hub.StartAsync();

        string? refusal = null;
        for (var i = 0; i < 400 && refusal is null; i++)
        {
            try
            {
                await hub.InvokeAsync<long>("Ping");
            }
            catch (HubException exception)
            {
                refusal = VisitScenario.CodeOf(exception);
            }
        }

        Assert.StartsWith("rate_limited", refusal);
    }

    private async Task<string> EmailOfAsync(User user) =>
        (await (await user.Api.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("email").GetString()!;
}

[Collection(SqliteCollection.Name)]
public sealed class VideoVisitTestsOnSqlite(SqliteApiFactory factory) : VideoVisitTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class VideoVisitTestsOnPostgres(PostgresApiFactory factory) : VideoVisitTests(factory);
