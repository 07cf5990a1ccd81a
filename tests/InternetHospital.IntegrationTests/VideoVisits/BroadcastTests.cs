using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Domain.Accounts;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Teaching broadcasts through the real Janus: the doctor broadcasts a consented call to ten watching nurses; each gets
/// a token that opens Janus's Streaming plugin only (the VideoRoom refuses it: no way to publish) and an offer that only
/// sends to them; they appear in the doctor's viewer list; a patient is refused; the broadcast ends with the visit and
/// takes every viewer's token back. Fails (not skips) without IH_TEST_JANUS_*.
/// </summary>
public sealed class JanusBroadcastTests
{
    private const int Viewers = 10;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task A_consented_call_is_broadcast_receive_only_to_ten_staff_viewers_who_appear_in_the_list_and_it_ends_with_the_visit(string provider)
    {
        _ = TestJanus.Api;
        await using var host = await OwnApiHost.StartAsync(provider, TestJanus.Configure, reuseSeed: true);
        var (visit, doctor) = await VisitScenario.AdmittedAsync(host);
        var id = visit.AppointmentId;

        // Not in the call yet: nothing to broadcast.
        var notInCall = await doctor.Api.PostAsync($"/api/video-visits/{id}/broadcast", null);
        Assert.Equal("not_in_call", (await notInCall.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        await using var patientHub = VisitScenario.Hub(host, visit.Patient.AccessToken);
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");
        await using var doctorHub = VisitScenario.Hub(host, doctor.AccessToken);
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var doctorCall = (await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer")).GetProperty("janus");

        // The doctor's browser joins the visit's room as publisher (the feed the broadcast forwards).
        var (doctorSession, _) = await TestJanus.SessionAsync(doctorCall.GetProperty("token").GetString()!);
        var joined = await doctorSession!.JoinAsPublisherAsync(
            doctorCall.GetProperty("roomId").GetInt64(), doctorCall.GetProperty("feedId").GetInt64(), "doctor-peer", doctorCall.GetProperty("token").GetString()!);
        Assert.Equal("joined", joined["videoroom"]?.GetValue<string>());

        // The patient has not consented: no broadcast, and nothing was started.
        var unconsented = await doctor.Api.PostAsync($"/api/video-visits/{id}/broadcast", null);
        Assert.Equal("broadcast_consent_missing", (await unconsented.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal(HttpStatusCode.NoContent, (await doctor.Api.GetAsync($"/api/video-visits/{id}/broadcast")).StatusCode);

        await (await visit.Patient.Api.PostAsJsonAsync($"/api/video-visits/{id}/recording-consent", new { consent = true })).ReadJsonAsync();

        // Joined, but the doctor's browser has not sent its camera yet: a broadcast would forward nothing and stay black.
        var notLive = await doctor.Api.PostAsync($"/api/video-visits/{id}/broadcast", null);
        Assert.Equal("broadcast_camera_not_live", (await notLive.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(HttpStatusCode.NoContent, (await doctor.Api.GetAsync($"/api/video-visits/{id}/broadcast")).StatusCode);

        await PublishAsync(doctorSession, doctorCall.GetProperty("token").GetString()!);
        var started = await (await doctor.Api.PostAsync($"/api/video-visits/{id}/broadcast", null)).ReadJsonAsync();
        var broadcastId = started.GetProperty("id").GetGuid();
        Assert.True(started.GetProperty("live").GetBoolean());
        Assert.Equal(doctor.AccountId, started.GetProperty("commentatorAccountId").GetGuid());
        Assert.Equal(doctor.AccountId, started.GetProperty("broadcasterAccountId").GetGuid());
        var again = await doctor.Api.PostAsync($"/api/video-visits/{id}/broadcast", null);
        Assert.Equal("broadcast_already_live", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        // A patient neither lists nor watches broadcasts, nor starts one.
        Assert.Equal("broadcast_viewer_not_staff", (await (await visit.Patient.Api.GetAsync("/api/broadcasts")).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal("broadcast_viewer_not_staff", (await (await visit.Patient.Api.PostAsync($"/api/broadcasts/{broadcastId}/watch", null)).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal(HttpStatusCode.Forbidden, (await visit.Patient.Api.PostAsync($"/api/video-visits/{id}/broadcast", null)).StatusCode);

        // Ten nurses watch: each sees it listed, gets a ticket, cannot attach the VideoRoom, and receives a send-only offer.
        var tokens = new List<string>();
        long streamId = 0;
        var nurses = new List<User>();
        for (var i = 0; i < Viewers; i++)
        {
            var nurse = await NewNurseAsync(host, $"护士{i}");
            nurses.Add(nurse);
            var live = await (await nurse.Api.GetAsync("/api/broadcasts")).ReadJsonAsync();
            var listed = Assert.Single(live.EnumerateArray(), b => b.GetProperty("id").GetGuid() == broadcastId);
            // The broadcaster speaks themselves: no commentator named to the viewers.
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("commentator").ValueKind);
            var ticket = await (await nurse.Api.PostAsync($"/api/broadcasts/{broadcastId}/watch", null)).ReadJsonAsync();
            var token = ticket.GetProperty("token").GetString()!;
            tokens.Add(token);
            Assert.Equal(TestJanus.WebSocket.TrimEnd('/'), ticket.GetProperty("url").GetString());
            Assert.NotEqual(doctorCall.GetProperty("token").GetString(), token);

            var session = await CreateSessionAsync(token);
            var videoRoom = await TestJanus.PostAsync(session, new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.videoroom", ["token"] = token });
            Assert.Equal(405, videoRoom["error"]?["code"]?.GetValue<int>());

            streamId = ticket.GetProperty("streamId").GetInt64();
            var offer = await WatchAsync(session, token, streamId, ticket.GetProperty("pin").GetString()!);
            Assert.Equal("offer", offer["type"]!.GetValue<string>());
            var sdp = offer["sdp"]!.GetValue<string>();
            Assert.Equal(3, sdp.Split("\nm=").Length - 1);
            Assert.DoesNotContain("a=sendrecv", sdp, StringComparison.Ordinal);
            Assert.DoesNotContain("a=recvonly", sdp, StringComparison.Ordinal);
            Assert.Contains("a=sendonly", sdp, StringComparison.Ordinal);
        }

        // A wrong PIN does not open the mountpoint, even with a valid viewer token.
        var stranger = await CreateSessionAsync(tokens[0]);
        var wrongPin = await WatchEventAsync(stranger, tokens[0], streamId, "wrong");
        Assert.NotNull(wrongPin["error_code"]);

        var list = await (await doctor.Api.GetAsync($"/api/video-visits/{id}/broadcast")).ReadJsonAsync();
        Assert.Equal(Viewers, list.GetProperty("watching").GetInt32());
        Assert.Equal(Enumerable.Range(0, Viewers).Select(i => $"护士{i}").Order(), list.GetProperty("viewers").EnumerateArray().Select(v => v.GetProperty("name").GetString()).Order());
        Assert.All(list.GetProperty("viewers").EnumerateArray(), v => Assert.Equal(Roles.Nurse, v.GetProperty("role").GetString()));

        // One leaves: the list says when, and their token opens no new Janus session.
        Assert.Equal(HttpStatusCode.NoContent, (await nurses[^1].Api.PostAsync($"/api/broadcasts/{broadcastId}/leave", null)).StatusCode);
        list = await (await doctor.Api.GetAsync($"/api/video-visits/{id}/broadcast")).ReadJsonAsync();
        Assert.Equal(Viewers - 1, list.GetProperty("watching").GetInt32());
        Assert.Equal(JsonValueKind.String, list.GetProperty("viewers").EnumerateArray().Single(v => v.GetProperty("accountId").GetGuid() == nurses[^1].AccountId).GetProperty("leftAt").ValueKind);
        Assert.Equal(403, await SessionErrorAsync(tokens[^1]));

        // The commentator must be a doctor in the call: the patient is not one; the broadcaster may take it back.
        var patientCommentator = await doctor.Api.PutAsJsonAsync($"/api/video-visits/{id}/broadcast/commentator", new { accountId = visit.Patient.AccountId });
        Assert.Equal("broadcast_commentator_not_in_call", (await patientCommentator.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        await (await doctor.Api.PutAsJsonAsync($"/api/video-visits/{id}/broadcast/commentator", new { accountId = doctor.AccountId })).ReadJsonAsync();

        // The visit ends: the broadcast ends with it, nobody is watching, the mountpoint and every viewer token are gone.
        await (await doctor.Api.PutAsJsonAsync($"/api/video-visits/{id}/note", new
        {
            chiefComplaint = "术后复查",
            history = "Two weeks after surgery, wound healing.",
            assessment = "Healing as expected.",
            plan = "Remove stitches at the clinic.",
            diagnoses = new[] { new { code = "I10", description = "特发性（原发性）高血压" } },
            followUpAdvice = "Clinic in 1 week.",
        })).ReadJsonAsync();
        await (await doctor.Api.PostAsync($"/api/video-visits/{id}/complete", null)).ReadJsonAsync();
        var ended = await (await doctor.Api.GetAsync($"/api/video-visits/{id}/broadcast")).ReadJsonAsync();
        Assert.False(ended.GetProperty("live").GetBoolean());
        Assert.Equal(0, ended.GetProperty("watching").GetInt32());
        Assert.All(ended.GetProperty("viewers").EnumerateArray(), v => Assert.Equal(JsonValueKind.String, v.GetProperty("leftAt").ValueKind));
        Assert.DoesNotContain((await (await nurses[0].Api.GetAsync("/api/broadcasts")).ReadJsonAsync()).EnumerateArray(), b => b.GetProperty("id").GetGuid() == broadcastId);
        foreach (var token in tokens)
        {
            Assert.Equal(403, await SessionErrorAsync(token));
        }

        var watchEnded = await nurses[0].Api.PostAsync($"/api/broadcasts/{broadcastId}/watch", null);
        Assert.Equal("broadcast_ended", (await watchEnded.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    /// <summary>
    /// The broadcast follows the doctor: a doctor who drops and comes back publishes under a new Janus feed, and the
    /// broadcast's forwarders move to it on their own (no stop and start). And a broadcast whose stop could not reach
    /// Janus stays waiting for it: the sweep closes the mountpoint and takes the viewer's token back once Janus answers
    /// again, and says so in the audit trail.
    /// </summary>
    [Fact]
    public async Task The_broadcast_follows_a_reconnecting_doctor_and_a_stop_that_could_not_reach_Janus_is_finished_by_the_sweep()
    {
        _ = TestJanus.Api;
        var outage = new JanusOutage();
        await using var host = await OwnApiHost.StartAsync("Sqlite", builder =>
        {
            TestJanus.Configure(builder);
            builder.UseSetting("Video:Broadcast:FollowInterval", "00:00:00.300");
            builder.UseSetting("Video:Janus:SweepInterval", "00:00:00.500");
            builder.UseSetting("Video:Janus:RequestTimeout", "00:00:02");
            builder.ConfigureTestServices(services => services.AddHttpClient("JanusAdminClient").AddHttpMessageHandler(() => new OutageHandler(outage)));
        });
        var (visit, doctor) = await VisitScenario.AdmittedAsync(host);
        var id = visit.AppointmentId;
        await using var patientHub = VisitScenario.Hub(host, visit.Patient.AccessToken);
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");
        await (await visit.Patient.Api.PostAsJsonAsync($"/api/video-visits/{id}/recording-consent", new { consent = true })).ReadJsonAsync();

        var firstHub = VisitScenario.Hub(host, doctor.AccessToken);
        await firstHub.StartAsync();
        await firstHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var first = (await firstHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer")).GetProperty("janus");
        var room = first.GetProperty("roomId").GetInt64();
        var (firstSession, _) = await TestJanus.SessionAsync(first.GetProperty("token").GetString()!);
        await firstSession!.JoinAsPublisherAsync(room, first.GetProperty("feedId").GetInt64(), "doctor-peer", first.GetProperty("token").GetString()!);
        await PublishAsync(firstSession, first.GetProperty("token").GetString()!);
        var broadcastId = (await (await doctor.Api.PostAsync($"/api/video-visits/{id}/broadcast", null)).ReadJsonAsync()).GetProperty("id").GetGuid();
        var ports = await MountpointPortsAsync(broadcastId);
        Assert.NotEmpty(ports);
        var forwarded = (await ForwardedPortsAsync(id, room, first.GetProperty("feedId").GetInt64())).Intersect(ports).Count();
        Assert.Equal(4, forwarded);
        Assert.Equal(2, await KeyFrameSecondsAsync(room));

        // The doctor's connection drops; they come back on a new one and their browser publishes under a new feed.
        await firstHub.DisposeAsync();
        await using var secondHub = VisitScenario.Hub(host, doctor.AccessToken);
        await secondHub.StartAsync();
        await secondHub.InvokeAsync<JsonElement>("JoinVisit", id);
        var second = (await secondHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer")).GetProperty("janus");
        var secondFeed = second.GetProperty("feedId").GetInt64();
        Assert.NotEqual(first.GetProperty("feedId").GetInt64(), secondFeed);
        var (secondSession, _) = await TestJanus.SessionAsync(second.GetProperty("token").GetString()!);
        Assert.Equal("joined", (await secondSession!.JoinAsPublisherAsync(room, secondFeed, "doctor-peer", second.GetProperty("token").GetString()!))["videoroom"]?.GetValue<string>());
        await PublishAsync(secondSession, second.GetProperty("token").GetString()!);

        // The mountpoint's picture and sound now come from the new feed, and the broadcast never stopped.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await ForwardedPortsAsync(id, room, secondFeed)).Intersect(ports).Count() < forwarded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(forwarded, (await ForwardedPortsAsync(id, room, secondFeed)).Intersect(ports).Count());
        Assert.True((await (await doctor.Api.GetAsync($"/api/video-visits/{id}/broadcast")).ReadJsonAsync()).GetProperty("live").GetBoolean());

        // A nurse watches; then Janus cannot be reached when the doctor stops the broadcast.
        var nurse = await NewNurseAsync(host, "护士甲");
        var token = (await (await nurse.Api.PostAsync($"/api/broadcasts/{broadcastId}/watch", null)).ReadJsonAsync()).GetProperty("token").GetString()!;
        outage.Down = true;
        var stopped = await (await doctor.Api.DeleteAsync($"/api/video-visits/{id}/broadcast")).ReadJsonAsync();
        Assert.False(stopped.GetProperty("live").GetBoolean());
        outage.Down = false;

        // Ended for the portal, still open on Janus: the viewer's token still opens a session, the mountpoint is there.
        Assert.Equal(ports.Order(), (await MountpointPortsAsync(broadcastId)).Order());
        Assert.Equal(0, await SessionErrorAsync(token));

        // Janus answers again: the sweep closes the mountpoint, stops the forwarders, takes the token back, and audits it.
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (await SessionErrorAsync(token) != 403 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
        }

        Assert.Equal(403, await SessionErrorAsync(token));
        Assert.Empty(await MountpointPortsAsync(broadcastId));
        Assert.Empty((await ForwardedPortsAsync(id, room, secondFeed)).Intersect(ports));
        Assert.Equal(0, await KeyFrameSecondsAsync(room));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.NotNull(await db.VisitBroadcasts.AsNoTracking().Where(b => b.Id == broadcastId).Select(b => b.ServerClosedAt).SingleAsync());
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.ResourceId == id.ToString()).Select(e => e.Action).ToListAsync(), a => a == "visit.broadcast_cleaned_up");
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.ResourceId == id.ToString()).Select(e => e.Action).ToListAsync(), a => a == "visit.broadcast_followed");

        await host.Services.GetRequiredService<IMediaServer>().DestroyRoomAsync(id, [], CancellationToken.None);
    }

    /// <summary>
    /// Publishes camera and microphone as a browser's offer would (VP8 and Opus, send only): Janus sets up the feed's
    /// streams from the offer, which is what forwarders are made of (ICE never completes here, nor needs to).
    /// </summary>
    private static async Task PublishAsync(JanusSession session, string token)
    {
        var fingerprint = string.Join(':', Enumerable.Repeat("AB", 32));
        string Media(string kind, int mid, string format, string rtpmap, int ssrc) => string.Join("\r\n",
            $"m={kind} 9 UDP/TLS/RTP/SAVPF {format}", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=ice-options:trickle", $"a=fingerprint:sha-256 {fingerprint}", "a=setup:actpass", $"a=mid:{mid}", "a=sendonly", "a=rtcp-mux", $"a=rtpmap:{format} {rtpmap}", $"a=ssrc:{ssrc} cname:test");
        var sdp = string.Join("\r\n", "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1", "a=msid-semantic: WMS test",
            Media("audio", 0, "111", "opus/48000/2", 1111), Media("video", 1, "96", "VP8/90000", 2222), string.Empty);
        var ack = await TestJanus.PostAsync(session.Handle, new JsonObject
        {
            ["janus"] = "message",
            ["token"] = token,
            ["body"] = new JsonObject { ["request"] = "publish" },
            ["jsep"] = new JsonObject { ["type"] = "offer", ["sdp"] = sdp },
        });
        var transaction = ack["transaction"]!.GetValue<string>();
        using var poll = new HttpClient { Timeout = TimeSpan.FromSeconds(40) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var got = await poll.GetFromJsonAsync<JsonNode>($"{session.Url}?token={Uri.EscapeDataString(token)}&maxev=10");
            foreach (var item in got is JsonArray array ? array.ToList() : [got])
            {
                if (item?["transaction"]?.GetValue<string>() == transaction && item["jsep"] is not null)
                {
                    return;
                }
            }
        }

        throw new TimeoutException("Janus did not answer the offer.");
    }

    /// <summary>The RTP ports of a broadcast's mountpoint (picture: three layers, sound, commentary), asked of Janus with its secret; none once it is gone.</summary>
    private static async Task<IReadOnlyList<int>> MountpointPortsAsync(Guid broadcastId)
    {
        var secret = Derived($"stream-secret:{broadcastId:N}");
        var id = (long)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"stream:{broadcastId:N}"))) & ((1UL << 53) - 1));
        var answer = await TestJanus.PostAsync(TestJanus.Admin, new JsonObject
        {
            ["janus"] = "message_plugin",
            ["plugin"] = "janus.plugin.streaming",
            ["admin_secret"] = TestJanus.AdminSecret,
            ["request"] = new JsonObject { ["request"] = "info", ["id"] = id, ["secret"] = secret },
        });
        return answer["response"]?["info"]?["media"]?.AsArray()
            .SelectMany(m => new[] { m?["port"], m?["port2"], m?["port3"] })
            .Where(p => p is not null)
            .Select(p => p!.GetValue<int>())
            .ToList() ?? [];
    }

    /// <summary>The ports one publisher of the room forwards to now (Janus's own list of RTP forwarders; the room's secret opens it).</summary>
    private static async Task<IReadOnlyList<int>> ForwardedPortsAsync(Guid visitId, long room, long publisher)
    {
        var list = await TestJanus.RoomAsync(new JsonObject
        {
            ["request"] = "listforwarders", ["room"] = room, ["admin_key"] = TestJanus.AdminSecret, ["secret"] = Derived($"room-secret:{visitId:N}"),
        });
        Assert.Null(list["error_code"]);
        return list["publishers"]?.AsArray()
            .Where(p => p?["publisher_id"]?.GetValue<long>() == publisher)
            .SelectMany(p => p!["forwarders"]?.AsArray() ?? [])
            .Select(f => f?["port"]?.GetValue<int>() ?? 0)
            .ToList() ?? [];
    }

    /// <summary>How often the visit's room asks its publishers for a key frame (0: never), from the admin's room list.</summary>
    private static async Task<int> KeyFrameSecondsAsync(long room)
    {
        var list = await TestJanus.RoomAsync(new JsonObject { ["request"] = "list", ["admin_key"] = TestJanus.AdminSecret });
        Assert.Null(list["error_code"]);
        return list["list"]!.AsArray().Single(r => r?["room"]?.GetValue<long>() == room)!["fir_freq"]!.GetValue<int>();
    }

    /// <summary>A secret the API derives from Janus's admin secret (HMAC-SHA256, base64url), as an operator holding it could.</summary>
    private static string Derived(string purpose) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestJanus.AdminSecret), Encoding.UTF8.GetBytes(purpose))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class JanusOutage
    {
        public volatile bool Down;
    }

    /// <summary>Between the API and Janus's admin API: while the outage lasts, Janus cannot be reached.</summary>
    private sealed class OutageHandler(JanusOutage outage) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            outage.Down ? throw new HttpRequestException("Janus is unreachable (test outage).") : base.SendAsync(request, cancellationToken);
    }

    private static async Task<User> NewNurseAsync(ApiFactory host, string name)
    {
        var email = TestData.Email("nurse");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
                .CreateAsync(new NewAccount(Guid.NewGuid(), email, name, "13900000000", "zh-CN"), TestData.StrongPassword, Roles.Nurse, CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        return await VisitScenario.SignInAsync(host, email, TestData.StrongPassword);
    }

    private static async Task<string> CreateSessionAsync(string token)
    {
        var answer = await TestJanus.PostAsync(TestJanus.Api, new JsonObject { ["janus"] = "create", ["token"] = token });
        return $"{TestJanus.Api}/{answer["data"]!["id"]!.GetValue<long>()}";
    }

    private static async Task<int> SessionErrorAsync(string token)
    {
        var answer = await TestJanus.PostAsync(TestJanus.Api, new JsonObject { ["janus"] = "create", ["token"] = token });
        return answer["error"]?["code"]?.GetValue<int>() ?? 0;
    }

    /// <summary>Attaches the Streaming plugin and asks to watch; the JSEP Janus offers (it sends, the viewer receives).</summary>
    private static async Task<JsonNode> WatchAsync(string session, string token, long streamId, string pin)
    {
        var (_, jsep) = await WatchCoreAsync(session, token, streamId, pin);
        return jsep ?? throw new InvalidOperationException("Janus answered the watch without an offer.");
    }

    private static async Task<JsonNode> WatchEventAsync(string session, string token, long streamId, string pin) =>
        (await WatchCoreAsync(session, token, streamId, pin)).Data;

    private static async Task<(JsonNode Data, JsonNode? Jsep)> WatchCoreAsync(string session, string token, long streamId, string pin)
    {
        var handle = await TestJanus.PostAsync(session, new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.streaming", ["token"] = token });
        var handleUrl = $"{session}/{handle["data"]!["id"]!.GetValue<long>()}";
        var ack = await TestJanus.PostAsync(handleUrl, new JsonObject
        {
            ["janus"] = "message",
            ["token"] = token,
            ["body"] = new JsonObject { ["request"] = "watch", ["id"] = streamId, ["pin"] = pin },
        });
        var transaction = ack["transaction"]!.GetValue<string>();
        using var poll = new HttpClient { Timeout = TimeSpan.FromSeconds(40) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var got = await poll.GetFromJsonAsync<JsonNode>($"{session}?token={Uri.EscapeDataString(token)}&maxev=10");
            foreach (var item in got is JsonArray array ? array.ToList() : [got])
            {
                if (item?["transaction"]?.GetValue<string>() == transaction && item["plugindata"]?["data"] is { } data)
                {
                    return (data, item["jsep"]);
                }
            }
        }

        throw new TimeoutException("Janus did not answer the watch.");
    }
}

/// <summary>On the browser mesh (the default) there is no media server to broadcast through: a clear problem, nothing saved.</summary>
[Collection(SqliteCollection.Name)]
public sealed class MeshBroadcastTests(SqliteApiFactory factory)
{
    [Fact]
    public async Task Broadcasting_a_mesh_call_is_refused_with_broadcast_needs_media_server()
    {
        var (visit, doctor) = await VisitScenario.AdmittedAsync(factory);
        var refused = await doctor.Api.PostAsync($"/api/video-visits/{visit.AppointmentId}/broadcast", null);
        Assert.Equal("broadcast_needs_media_server", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(HttpStatusCode.NoContent, (await doctor.Api.GetAsync($"/api/video-visits/{visit.AppointmentId}/broadcast")).StatusCode);
    }
}
