using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Video calls through the real Janus (Video:Media = Janus) on a host of its own per database: the visit's room appears
/// on the first entry and goes when the visit ends (asked of Janus itself), an admitted participant's token lets a raw
/// Janus client join that room as publisher and no other, someone not admitted never gets a token, and leaving takes the
/// token back. The test fails (not skips) when IH_TEST_JANUS_* is missing.
/// </summary>
public sealed class JanusCallTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task A_visits_Janus_room_lives_from_the_first_entry_to_the_visits_end_and_only_its_admitted_participants_tokens_open_it(string provider)
    {
        _ = TestJanus.Api;
        await using var host = await OwnApiHost.StartAsync(provider, builder =>
        {
            TestJanus.Configure(builder);
            builder.UseSetting("Video:Janus:SweepInterval", "00:00:00.300");
        }, reuseSeed: true);

        // Visit B: checked in, not admitted. Its patient cannot enter the call, so gets no token, and no room is made.
        var waiting = await VisitScenario.BookAsync(host.Services, () => VisitScenario.NewPatientAsync(host), VisitScenario.Dermatologist);
        await (await waiting.Patient.Api.PostAsync($"/api/video-visits/{waiting.AppointmentId}/check-in", null)).ReadJsonAsync();
        await using var waitingHub = VisitScenario.Hub(host, waiting.Patient.AccessToken);
        await waitingHub.StartAsync();
        await waitingHub.InvokeAsync<JsonElement>("JoinVisit", waiting.AppointmentId);
        Assert.StartsWith("visit_not_admitted", await VisitScenario.HubErrorAsync(() => waitingHub.InvokeAsync<JsonElement>("EnterCall", waiting.AppointmentId, "waiting-peer")));

        // Visit A: admitted. The patient's entry creates the room and hands over a ticket for it.
        var (visit, doctor) = await VisitScenario.AdmittedAsync(host);
        var id = visit.AppointmentId;
        await using var patientHub = VisitScenario.Hub(host, visit.Patient.AccessToken);
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var patientCall = await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");
        var janus = patientCall.GetProperty("janus");
        Assert.Equal(TestJanus.WebSocket.TrimEnd('/'), janus.GetProperty("url").GetString());
        var room = janus.GetProperty("roomId").GetInt64();
        var token = janus.GetProperty("token").GetString()!;
        var feed = janus.GetProperty("feedId").GetInt64();
        Assert.InRange(feed, 1, (1L << 53) - 1);
        Assert.Equal(JsonValueKind.Array, janus.GetProperty("iceServers").ValueKind);
        Assert.True(await TestJanus.RoomExistsAsync(room));

        // The doctor's entry gets the same room with a token and feed of their own.
        await using var doctorHub = VisitScenario.Hub(host, doctor.AccessToken);
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var doctorJanus = (await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer")).GetProperty("janus");
        Assert.Equal(room, doctorJanus.GetProperty("roomId").GetInt64());
        Assert.NotEqual(token, doctorJanus.GetProperty("token").GetString());
        Assert.NotEqual(feed, doctorJanus.GetProperty("feedId").GetInt64());

        // In Janus mode the hub relays no signalling.
        Assert.StartsWith("signalling_not_used", await VisitScenario.HubErrorAsync(
            () => patientHub.InvokeAsync("Signal", id, "doctor-peer", JsonDocument.Parse("""{"type":"offer","sdp":"v=0"}""").RootElement)));

        // What still travels through the hub: who turned their camera or microphone off (the tiles show it).
        var mediaState = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (doctorHub.On<JsonElement>("signal", e => mediaState.TrySetResult(e)))
        {
            await patientHub.InvokeAsync("Signal", id, "doctor-peer", JsonDocument.Parse("""{"kind":"media","media":{"audio":false,"video":true,"screen":false}}""").RootElement);
            var relayed = await mediaState.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("patient-peer", relayed.GetProperty("fromPeerId").GetString());
            Assert.False(relayed.GetProperty("data").GetProperty("media").GetProperty("audio").GetBoolean());
        }

        // A raw Janus client with the patient's token joins the visit's room as publisher.
        var (session, refused) = await TestJanus.SessionAsync(token);
        Assert.Equal(0, refused);
        var joined = await session!.JoinAsPublisherAsync(room, feed, "patient-peer", token);
        Assert.Equal("joined", joined["videoroom"]?.GetValue<string>());
        Assert.Contains(feed, await TestJanus.PublishersAsync(room));

        // Another admitted visit's room does not take that token (it is not in that room's allowed list).
        var other = await VisitScenario.BookAsync(host.Services, () => VisitScenario.NewPatientAsync(host), VisitScenario.Endocrinologist);
        await (await other.Patient.Api.PostAsync($"/api/video-visits/{other.AppointmentId}/check-in", null)).ReadJsonAsync();
        var endocrinologist = await VisitScenario.SignInAsync(host, VisitScenario.Endocrinologist);
        await VisitScenario.StartConsultingSessionAsync(endocrinologist);
        await (await endocrinologist.Api.PostAsync($"/api/video-visits/{other.AppointmentId}/admit", null)).ReadJsonAsync();
        await using var otherHub = VisitScenario.Hub(host, other.Patient.AccessToken);
        await otherHub.StartAsync();
        await otherHub.InvokeAsync<JsonElement>("JoinVisit", other.AppointmentId);
        var otherRoom = (await otherHub.InvokeAsync<JsonElement>("EnterCall", other.AppointmentId, "other-peer")).GetProperty("janus").GetProperty("roomId").GetInt64();
        Assert.NotEqual(room, otherRoom);
        var (intruder, _) = await TestJanus.SessionAsync(token);
        var wrongRoom = await intruder!.JoinAsPublisherAsync(otherRoom, feed + 1, "patient-peer", token);
        Assert.Equal(433, wrongRoom["error_code"]?.GetValue<int>());

        // The waiting visit still has no room: nobody was let into its call.
        await waitingHub.InvokeAsync<JsonElement>("JoinVisit", waiting.AppointmentId);
        Assert.False(await host.Services.GetRequiredService<IMediaServer>().RoomExistsAsync(waiting.AppointmentId, CancellationToken.None));

        // Leaving the call takes the token back: the feed is dropped and the token opens no new session.
        await patientHub.InvokeAsync("LeaveCall", id);
        Assert.DoesNotContain(feed, await TestJanus.PublishersAsync(room));
        Assert.Equal(403, (await TestJanus.SessionAsync(token)).Error);

        // The visit ends: its room is gone from Janus, the other visit's room stays.
        await (await doctor.Api.PutAsJsonAsync($"/api/video-visits/{id}/note", new
        {
            chiefComplaint = "血压控制欠佳两周",
            history = "Home readings around 150/95 on amlodipine 5 mg.",
            assessment = "Essential hypertension, not at target.",
            plan = "Amlodipine 10 mg daily; keep a home BP diary.",
            diagnoses = new[] { new { code = "I10", description = "特发性（原发性）高血压" } },
            followUpAdvice = "Video follow-up in 4 weeks.",
        })).ReadJsonAsync();
        await (await doctor.Api.PostAsync($"/api/video-visits/{id}/complete", null)).ReadJsonAsync();
        Assert.False(await TestJanus.RoomExistsAsync(room));
        Assert.True(await TestJanus.RoomExistsAsync(otherRoom));
        Assert.Equal(403, (await TestJanus.SessionAsync(doctorJanus.GetProperty("token").GetString()!)).Error);

        // A room of the ended visit made again (someone entering in the moment it ended) is destroyed by the sweep.
        await host.Services.GetRequiredService<IMediaServer>().CreateRoomAsync(id, 4, CancellationToken.None);
        Assert.True(await TestJanus.RoomExistsAsync(room));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await TestJanus.RoomExistsAsync(room) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.False(await TestJanus.RoomExistsAsync(room));
        Assert.True(await TestJanus.RoomExistsAsync(otherRoom));

        // Clean up the open visit's room (the shared Janus outlives this host).
        await host.Services.GetRequiredService<IMediaServer>().DestroyRoomAsync(other.AppointmentId, [], CancellationToken.None);
    }

    /// <summary>
    /// The mesh's four is a browser limit, not the visit's: through Janus the doctor invites as many specialists as the
    /// configured room holds (here a room of five: the patient, the doctor and three specialists), and no more, nor a guest.
    /// </summary>
    [Fact]
    public async Task Through_Janus_the_configured_room_size_bounds_the_specialists_a_doctor_invites()
    {
        _ = TestJanus.Api;
        await using var host = await OwnApiHost.StartAsync("Sqlite", builder =>
        {
            TestJanus.Configure(builder);
            builder.UseSetting("Video:Janus:MaxParticipants", "5");
        }, reuseSeed: true);
        var (visit, doctor) = await VisitScenario.AdmittedAsync(host);
        var id = visit.AppointmentId;

        foreach (var email in new[] { VisitScenario.Dermatologist, VisitScenario.Endocrinologist, VisitScenario.FamilyDoctor })
        {
            await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = await VisitScenario.DoctorIdAsync(host.Services, email) })).ReadJsonAsync();
        }

        var refused = await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = await VisitScenario.DoctorIdAsync(host.Services, VisitScenario.FamilyDoctorColleague) }))
            .AssertProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Equal("too_many_participants", refused.GetProperty("code").GetString());
        var record = await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal(3, record.GetProperty("specialists").GetArrayLength());

        // A guest takes a place like a specialist: the full room takes no guest either.
        var guest = await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Interpreter", email = TestData.Email("guest") }))
            .AssertProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Equal("too_many_participants", guest.GetProperty("code").GetString());
    }
}
