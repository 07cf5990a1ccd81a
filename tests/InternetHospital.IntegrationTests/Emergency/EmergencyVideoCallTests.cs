using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Emergency;

/// <summary>
/// Video between the emergency department and the ambulance crew (issue 18): the department calls from the case, the
/// crew's phones ring on the emergency hub, both sides meet in the case's video room on the visit hub (not an
/// appointment: no patient, no doctor row), only the crew of the case's service and the staff of its destination get
/// in, each call is on the case timeline and audit-logged, and the handover closes the room.
/// </summary>
public abstract class EmergencyVideoCallTests(ApiFactory factory)
{
    private const string Password = TestData.DemoPassword;

    [Fact]
    public async Task The_department_calls_the_crew_they_meet_in_the_case_room_and_the_handover_closes_it()
    {
        var crew = await VisitScenario.SignInAsync(factory, "crew@demo.test");
        var ed = await VisitScenario.SignInAsync(factory, "ed@demo.test");
        var caseId = await StartCaseAsync(crew.Api);
        var sequence = 2;

        await using var crewPhone = await EmergencyHubAsync(crew.AccessToken);
        var rings = crewPhone.Listen("videoCall");
        await crewPhone.InvokeAsync("WatchCrew");

        var started = await (await ed.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).ReadJsonAsync();
        Assert.Equal(caseId, started.GetProperty("roomId").GetGuid());
        Assert.True(started.GetProperty("on").GetBoolean());
        var ring = await rings.NextAsync(r => r.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal("ringing", ring.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(ring.GetProperty("byName").GetString()));

        // The room is the case's own: no patient in it, no appointment or doctor behind it.
        var room = await FromDatabaseAsync(db => db.VideoVisits.AsNoTracking().SingleAsync(v => v.Id == caseId));
        Assert.Equal(VisitPurpose.EmergencyCase, room.Purpose);
        Assert.True(room.PatientExcluded);
        Assert.Equal(VideoVisitStatus.InProgress, room.Status);

        await using var edRoom = VisitScenario.Hub(factory, ed.AccessToken);
        await edRoom.StartAsync();
        var edJoined = await edRoom.InvokeAsync<JsonElement>("JoinVisit", caseId);
        Assert.Equal("EmergencyStaff", edJoined.GetProperty("role").GetString());
        Assert.Equal("InProgress", edJoined.GetProperty("status").GetString());
        var edPeers = edRoom.Listen("peerJoined");
        var edSignals = edRoom.Listen("signal");
        var edUpdates = edRoom.Listen("visitUpdated");
        await edRoom.InvokeAsync<JsonElement>("EnterCall", caseId, "ed-board");

        // The crew answers: no waiting room between staff, straight into the call with the department in it.
        await using var crewRoom = VisitScenario.Hub(factory, crew.AccessToken);
        await crewRoom.StartAsync();
        Assert.Equal("Crew", (await crewRoom.InvokeAsync<JsonElement>("JoinVisit", caseId)).GetProperty("role").GetString());
        var crewCall = await crewRoom.InvokeAsync<JsonElement>("EnterCall", caseId, "crew-phone");
        Assert.Equal("Crew", crewCall.GetProperty("self").GetProperty("role").GetString());
        var peer = Assert.Single(crewCall.GetProperty("peers").EnumerateArray());
        Assert.Equal("ed-board", peer.GetProperty("peerId").GetString());
        Assert.Equal("EmergencyStaff", peer.GetProperty("role").GetString());
        Assert.Equal("crew-phone", (await edPeers.NextAsync()).GetProperty("peer").GetProperty("peerId").GetString());
        await crewRoom.InvokeAsync("Signal", caseId, "ed-board", JsonSerializer.SerializeToElement(new { kind = "offer", sdp = "v=0" }));
        Assert.Equal("crew-phone", (await edSignals.NextAsync()).GetProperty("fromPeerId").GetString());

        // A call only: the room has no visit record, chat or files of its own (the case channel has the messages).
        await (await ed.Api.GetAsync($"/api/video-visits/{caseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await crew.Api.GetAsync($"/api/video-visits/{caseId}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await crew.Api.PostAsJsonAsync($"/api/video-visits/{caseId}/messages", new { text = "hello" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var channel = await (await ed.Api.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        Assert.True(channel.GetProperty("videoCallOn").GetBoolean());
        Assert.Contains(channel.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "VideoCallStarted");
        Assert.Equal(1, await FromDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.ResourceId == caseId.ToString() && a.Action == "emergency.video_call_started")));

        // The crew hands the patient over: the call ends on the timeline, the room closes and everyone in it is told.
        var handover = await CrewWriteAsync(crew.Api, HttpMethod.Post, $"/{caseId}/timeline", new { kind = "Handover", at = DateTimeOffset.UtcNow }, caseId, ++sequence);
        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        Assert.Equal("Completed", (await edUpdates.NextAsync()).GetProperty("status").GetString());
        Assert.Equal("closed", (await rings.NextAsync(r => r.GetProperty("caseId").GetGuid() == caseId && r.GetProperty("state").GetString() != "ringing")).GetProperty("state").GetString());
        Assert.Equal(VideoVisitStatus.Completed, await FromDatabaseAsync(db => db.VideoVisits.Where(v => v.Id == caseId).Select(v => v.Status).SingleAsync()));
        var closed = await (await ed.Api.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        Assert.False(closed.GetProperty("videoCallOn").GetBoolean());
        Assert.Equal(
            ["VideoCallStarted", "VideoCallEnded"],
            closed.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).Where(k => k!.StartsWith("VideoCall", StringComparison.Ordinal)));

        Assert.Equal("visit_finished", Code(await VisitScenario.HubErrorAsync(() => crewRoom.InvokeAsync<JsonElement>("JoinVisit", caseId))));
        Assert.Equal("visit_finished", Code(await VisitScenario.HubErrorAsync(() => edRoom.InvokeAsync<JsonElement>("EnterCall", caseId, "ed-board"))));
        var again = await (await ed.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("emergency_case_closed", again.Code());
    }

    [Fact]
    public async Task Only_the_crew_of_the_service_and_the_staff_of_the_destination_get_into_the_case_room()
    {
        var crew = await VisitScenario.SignInAsync(factory, "crew@demo.test");
        var ed = await VisitScenario.SignInAsync(factory, "ed@demo.test");
        var caseId = await StartCaseAsync(crew.Api);

        // No call yet: there is no room, for anyone.
        Assert.Equal("not_found", Code(await HubRefusalAsync(ed, caseId)));

        // The crew cannot open the call (the department calls), and another hospital's department cannot either.
        Assert.Equal(HttpStatusCode.Forbidden, (await crew.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).StatusCode);
        var (otherCrewEmail, otherEdEmail) = await EmergencyTestData.OtherServiceAndHospitalAsync(factory);
        var otherEd = await VisitScenario.SignInAsync(factory, otherEdEmail, TestData.StrongPassword);
        var otherCrew = await VisitScenario.SignInAsync(factory, otherCrewEmail, TestData.StrongPassword);
        await (await otherEd.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await ed.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).ReadJsonAsync();

        // The same service's other phone is crew of the case; everyone else (another service, another hospital, a doctor,
        // a patient) finds no such room, as for any visit.
        var colleague = await VisitScenario.SignInAsync(factory, "crew2@demo.test");
        await using (var colleagueRoom = VisitScenario.Hub(factory, colleague.AccessToken))
        {
            await colleagueRoom.StartAsync();
            Assert.Equal("Crew", (await colleagueRoom.InvokeAsync<JsonElement>("JoinVisit", caseId)).GetProperty("role").GetString());
        }

        var patient = await VisitScenario.NewPatientAsync(factory);
        foreach (var outsider in new[] { otherCrew, otherEd, await VisitScenario.SignInAsync(factory, "dr.li@demo.test"), patient })
        {
            Assert.Equal("not_found", Code(await HubRefusalAsync(outsider, caseId)));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.Api.DeleteAsync($"/api/emergency/cases/{caseId}/video-call")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.Api.PostAsync($"/api/emergency/crew/cases/{caseId}/video-call/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ed.Api.PostAsync($"/api/emergency/crew/cases/{caseId}/video-call/decline", null)).StatusCode);
        Assert.True((await (await ed.Api.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync()).GetProperty("videoCallOn").GetBoolean());
    }

    [Fact]
    public async Task The_crew_declines_or_either_side_hangs_up_and_each_call_is_on_the_timeline()
    {
        var crew = await VisitScenario.SignInAsync(factory, "crew@demo.test");
        var ed = await VisitScenario.SignInAsync(factory, "ed@demo.test");
        var caseId = await StartCaseAsync(crew.Api);
        await using var board = await EmergencyHubAsync(ed.AccessToken);
        var calls = board.Listen("videoCall");
        await board.InvokeAsync("WatchCase", caseId);

        await (await ed.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).ReadJsonAsync();
        Assert.Equal("ringing", (await calls.NextAsync()).GetProperty("state").GetString());
        var declined = await (await crew.Api.PostAsync($"/api/emergency/crew/cases/{caseId}/video-call/decline", null)).ReadJsonAsync();
        Assert.False(declined.GetProperty("on").GetBoolean());
        Assert.Equal("declined", (await calls.NextAsync()).GetProperty("state").GetString());

        // Declining again (the other phone of the crew, late) changes nothing.
        await (await crew.Api.PostAsync($"/api/emergency/crew/cases/{caseId}/video-call/decline", null)).ReadJsonAsync();

        await (await ed.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).ReadJsonAsync();
        // Ringing again while the call is on is the same call: one start on the timeline.
        await (await ed.Api.PostAsync($"/api/emergency/department/cases/{caseId}/video-call", null)).ReadJsonAsync();
        var hungUp = await (await ed.Api.DeleteAsync($"/api/emergency/cases/{caseId}/video-call")).ReadJsonAsync();
        Assert.False(hungUp.GetProperty("on").GetBoolean());

        var timeline = (await (await crew.Api.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync()).GetProperty("timeline").EnumerateArray()
            .Select(t => t.GetProperty("kind").GetString()).Where(k => k!.StartsWith("VideoCall", StringComparison.Ordinal)).ToList();
        Assert.Equal(["VideoCallStarted", "VideoCallEnded", "VideoCallStarted", "VideoCallEnded"], timeline);
        var audit = await FromDatabaseAsync(db => db.AuditEntries.Where(a => a.ResourceId == caseId.ToString() && a.Action.StartsWith("emergency.video_call")).Select(a => a.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == "emergency.video_call_declined"));
        Assert.Equal(1, audit.Count(a => a == "emergency.video_call_ended"));
        Assert.Equal(3, audit.Count(a => a == "emergency.video_call_started"));
    }

    private static string Code(string hubError) => hubError.Split(':')[0];

    private async Task<string> HubRefusalAsync(User user, Guid caseId)
    {
        await using var connection = VisitScenario.Hub(factory, user.AccessToken);
        await connection.StartAsync();
        return await VisitScenario.HubErrorAsync(() => connection.InvokeAsync<JsonElement>("JoinVisit", caseId));
    }

    /// <summary>A case of the demo crew's service heading to the demo department's hospital (crew writes 1 and 2).</summary>
    private static async Task<Guid> StartCaseAsync(HttpClient crew)
    {
        var caseId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await CrewWriteAsync(crew, HttpMethod.Post, string.Empty, new { id = caseId, firstContactAt = DateTimeOffset.UtcNow.AddMinutes(-10) }, caseId, 1)).StatusCode);
        var destinations = await (await crew.GetAsync("/api/emergency/destinations")).ReadJsonAsync();
        var destinationId = destinations.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "市第一人民医院").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await CrewWriteAsync(crew, HttpMethod.Put, $"/{caseId}/destination", new { destinationId }, caseId, 2)).StatusCode);
        return caseId;
    }

    private static Task<HttpResponseMessage> CrewWriteAsync(HttpClient crew, HttpMethod method, string path, object body, Guid caseId, int sequence)
    {
        var request = new HttpRequestMessage(method, $"/api/emergency/crew/cases{path}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("X-Client-Sequence", sequence.ToString(CultureInfo.InvariantCulture));
        return crew.SendAsync(request);
    }

    private async Task<HubConnection> EmergencyHubAsync(string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/emergency"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private async Task<T> FromDatabaseAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EmergencyVideoCallTestsOnSqlite(SqliteApiFactory factory) : EmergencyVideoCallTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class EmergencyVideoCallTestsOnPostgres(PostgresApiFactory factory) : EmergencyVideoCallTests(factory);
