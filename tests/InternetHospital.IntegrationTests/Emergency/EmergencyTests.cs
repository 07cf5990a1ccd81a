using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Emergency;

/// <summary>
/// Emergency pre-hospital registration through the HTTP pipeline: the crew records a case from first contact to
/// handover (each write with its idempotency key and sequence), the receiving department's board sees it with the ETA,
/// the stroke team is alerted and acknowledges, accepting registers the patient with the HIS through the outbox, an
/// unknown patient is merged later, and quality review adds it up; access by role and hospital throughout.
/// </summary>
public abstract class EmergencyTests(ApiFactory factory)
{
    private const string Password = TestData.DemoPassword;

    /// <summary>A crew phone: numbers each case's writes 1, 2, 3… and sends them with a fresh idempotency key.</summary>
    private sealed class CrewPhone(HttpClient client)
    {
        private readonly Dictionary<Guid, int> sequences = [];

        public HttpClient Client => client;

        public int Next(Guid caseId) => sequences.GetValueOrDefault(caseId) + 1;

        public void Applied(Guid caseId) => sequences[caseId] = Next(caseId);

        public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, Guid caseId, Guid? key = null, int? sequence = null)
        {
            var next = sequence ?? (sequences.GetValueOrDefault(caseId) + 1);
            var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body ?? new { }) };
            request.Headers.Add("Idempotency-Key", (key ?? Guid.NewGuid()).ToString());
            request.Headers.Add("X-Client-Sequence", next.ToString(CultureInfo.InvariantCulture));
            return client.SendAsync(request);
        }

        /// <summary>Sends the next write of the case and expects it applied.</summary>
        public async Task<JsonElement> WriteAsync(HttpMethod method, string path, object? body, Guid caseId)
        {
            var receipt = await (await SendAsync(method, $"/api/emergency/crew/cases{path}", body, caseId)).ReadJsonAsync();
            sequences[caseId] = receipt.GetProperty("sequence").GetInt32();
            return receipt;
        }

        public async Task<Guid> StartAsync(DateTimeOffset? calledAt = null)
        {
            var id = Guid.NewGuid();
            await WriteAsync(HttpMethod.Post, string.Empty, new { id, calledAt = calledAt ?? DateTimeOffset.UtcNow.AddMinutes(-30), firstContactAt = DateTimeOffset.UtcNow.AddMinutes(-20) }, id);
            return id;
        }
    }

    private async Task<CrewPhone> CrewAsync(string email = "crew@demo.test") => new(await factory.CreateClientAsAsync(email, Password));

    private async Task<Guid> DestinationAsync(HttpClient client)
    {
        var destinations = await (await client.GetAsync("/api/emergency/destinations")).ReadJsonAsync();
        return destinations.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "市第一人民医院").GetProperty("id").GetGuid();
    }

    private async Task<(HttpClient Client, Guid PatientId, string IdNumber)> PatientAsync(string name)
    {
        var idNumber = TestData.ResidentId(new DateOnly(1958, 4, 2), Sex.Male);
        var email = TestData.Email();
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register",
            TestData.Registration(email, idNumber, "1958-04-02", "Male", fullName: name))).ReadJsonAsync(HttpStatusCode.Created);
        return (await factory.CreateClientAsAsync(email, TestData.StrongPassword), registered.GetProperty("patientId").GetGuid(), idNumber);
    }

    private async Task<T> FromDatabaseAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task A_known_patient_goes_from_first_contact_to_handover_with_alert_acceptance_and_his_registration()
    {
        var crew = await CrewAsync();
        var ed = await factory.CreateClientAsAsync("ed@demo.test", Password);
        var strokeTeam = await factory.CreateClientAsAsync("stroke@demo.test", Password);
        var (patientClient, patientId, idNumber) = await PatientAsync("赵建国");
        var destinationId = await DestinationAsync(crew.Client);

        var caseId = await crew.StartAsync();
        var identified = await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/patient", new { method = "IdNumber", idNumber }, caseId);
        Assert.Equal(patientId, identified.GetProperty("itemId").GetGuid());
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/assessment", new
        {
            chiefComplaint = "右侧肢体无力，言语不清",
            lastKnownWellAt = DateTimeOffset.UtcNow.AddMinutes(-50),
            triageLevel = 2,
            pathway = "Stroke",
            strokeScale = "BeFast",
            strokeScore = 4,
        }, caseId);
        await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/vitals", new { measuredAt = DateTimeOffset.UtcNow.AddMinutes(-15), heartRate = 96, systolic = 182, diastolic = 104, spO2 = 95, glucose = 6.8, gcs = 14 }, caseId);
        await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/treatments", new { givenAt = DateTimeOffset.UtcNow.AddMinutes(-14), description = "吸氧 2 L/min" }, caseId);
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/destination", new { destinationId }, caseId);
        await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/timeline", new { kind = "SceneDeparture", at = DateTimeOffset.UtcNow.AddMinutes(-12) }, caseId);

        // About 10 km south of the hospital: the board counts down ~20 minutes (straight line × 1.3 at 40 km/h).
        var eta = await (await crew.Client.PostAsJsonAsync($"/api/emergency/crew/cases/{caseId}/position", new { latitude = 30.5028, longitude = 114.3055, recordedAt = DateTimeOffset.UtcNow })).ReadJsonAsync();
        Assert.InRange(eta.GetProperty("minutes").GetInt32(), 19, 21);
        Assert.Equal(13.0, eta.GetProperty("distanceKm").GetDouble(), 0);

        var board = await (await ed.GetAsync("/api/emergency/department/cases")).ReadJsonAsync();
        var row = board.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == caseId);
        Assert.Equal("赵建国", row.GetProperty("patient").GetProperty("name").GetString());
        Assert.Equal(2, row.GetProperty("triageLevel").GetInt32());
        Assert.Equal(182, row.GetProperty("latestVitals").GetProperty("systolic").GetInt32());
        Assert.True(row.TryGetProperty("eta", out var boardEta) && boardEta.ValueKind == JsonValueKind.Object);

        // Field activation alerts the stroke team (in the notification centre) and the board shows who acknowledged.
        var activation = await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/activation", new { pathway = "Stroke" }, caseId);
        var alertId = activation.GetProperty("itemId").GetGuid();
        var notices = await (await strokeTeam.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(notices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "emergency.alert");
        var alerts = await (await strokeTeam.GetAsync("/api/emergency/alerts")).ReadJsonAsync();
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("id").GetGuid() == alertId && a.GetProperty("caseId").GetGuid() == caseId);
        var acked = await (await strokeTeam.PostAsync($"/api/emergency/alerts/{alertId}/ack", null)).ReadJsonAsync();
        Assert.Equal("孙浩", Assert.Single(acked.GetProperty("acks").EnumerateArray()).GetProperty("name").GetString());
        var cardiologist = await factory.CreateClientAsAsync("dr.li@demo.test", Password);
        await (await cardiologist.PostAsync($"/api/emergency/alerts/{alertId}/ack", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        // Accepting registers the patient for an emergency visit through the outbox, once.
        var accepted = await (await ed.PostAsync($"/api/emergency/department/cases/{caseId}/accept", null)).ReadJsonAsync();
        Assert.Equal(JsonValueKind.String, accepted.GetProperty("acceptedAt").ValueKind);
        await (await ed.PostAsync($"/api/emergency/department/cases/{caseId}/accept", null)).ReadJsonAsync();
        var outbox = await FromDatabaseAsync(db => db.HisOutbox.Where(m => m.PatientId == caseId).ToListAsync());
        var registration = Assert.Single(outbox);
        Assert.Equal("emergency.registered", registration.Kind);
        using (var payload = JsonDocument.Parse(registration.Payload))
        {
            Assert.Equal(patientId, payload.RootElement.GetProperty("patientId").GetGuid());
            Assert.Equal("Stroke", payload.RootElement.GetProperty("pathway").GetString());
            Assert.Equal(2, payload.RootElement.GetProperty("triageLevel").GetInt32());
        }

        await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/messages", new { text = "卒中团队已就位，直接进 CT 室" })).ReadJsonAsync();
        await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/family-notice", null, caseId);
        var familyNotices = await (await patientClient.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(familyNotices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "emergency.family_informed");

        // Door-to-CT: 90 seconds (times up to the phone clock tolerance ahead are accepted).
        var arrival = DateTimeOffset.UtcNow;
        await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/timeline", new { kind = "Arrival", at = arrival }, caseId);
        await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/timeline", new { kind = "Handover", at = arrival.AddSeconds(30) })).ReadJsonAsync();
        await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/timeline", new { kind = "CtStarted", at = arrival.AddSeconds(90) })).ReadJsonAsync();

        var channel = await (await crew.Client.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        Assert.Equal("HandedOver", channel.GetProperty("status").GetString());
        Assert.Equal(
            ["Called", "FirstContact", "SceneDeparture", "PreNotified", "PathwayActivated", "Accepted", "Arrival", "Handover", "CtStarted"],
            channel.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!));
        Assert.Equal(["Department"], channel.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("side").GetString()!));
        Assert.Single(channel.GetProperty("vitals").EnumerateArray());

        // A closed case takes no more crew writes.
        var closed = await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/messages", new { text = "补充" }, caseId, sequence: channel.GetProperty("lastSequence").GetInt32() + 1))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("emergency_case_closed", closed.Code());

        // Quality review counts it, door-to-CT included; the CSV has the row.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var period = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var quality = await (await ed.GetAsync($"/api/emergency/department/quality?{period}")).ReadJsonAsync();
        var stroke = quality.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("pathway").GetString() == "Stroke");
        Assert.True(stroke.GetProperty("doorToCt").GetProperty("count").GetInt32() >= 1);
        var csvResponse = await ed.GetAsync($"/api/emergency/department/quality.csv?{period}");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("case_id,pathway,triage_level,called_at,", csv, StringComparison.Ordinal);
        var line = csv.Split("\r\n").Single(l => l.StartsWith(caseId.ToString(), StringComparison.Ordinal)).Split(',');
        Assert.Equal("Stroke", line[1]);
        Assert.Equal("2", line[2]);
        Assert.Equal(1.5, double.Parse(line[11], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Resent_and_out_of_order_crew_writes_are_applied_once_and_in_order()
    {
        var crew = await CrewAsync();

        // The phone lost signal while starting the case: its second write arrives first and is sent back to 1.
        var caseId = Guid.NewGuid();
        var early = await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/messages", new { text = "胸痛 30 分钟" }, caseId, sequence: 2))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("emergency_sequence_gap", early.Code());
        Assert.Equal(1, early.GetProperty("expectedSequence").GetInt32());

        var startKey = Guid.NewGuid();
        var start = new { id = caseId, firstContactAt = DateTimeOffset.UtcNow.AddMinutes(-5) };
        var first = await (await crew.SendAsync(HttpMethod.Post, "/api/emergency/crew/cases", start, caseId, startKey, 1)).ReadJsonAsync();
        var replayedStart = await (await crew.SendAsync(HttpMethod.Post, "/api/emergency/crew/cases", start, caseId, startKey, 1)).ReadJsonAsync();
        Assert.False(first.GetProperty("replayed").GetBoolean());
        Assert.True(replayedStart.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("appliedAt").GetDateTimeOffset(), replayedStart.GetProperty("appliedAt").GetDateTimeOffset());

        // The answer to a vitals write was lost: the resend with the same key answers the same receipt, one entry.
        var vitalsKey = Guid.NewGuid();
        var vitals = new { measuredAt = DateTimeOffset.UtcNow.AddMinutes(-1), heartRate = 118, spO2 = 91 };
        var applied = await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/vitals", vitals, caseId, vitalsKey, 2)).ReadJsonAsync();
        var resent = await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/vitals", vitals, caseId, vitalsKey, 2)).ReadJsonAsync();
        Assert.Equal(applied.GetProperty("itemId").GetGuid(), resent.GetProperty("itemId").GetGuid());
        Assert.True(resent.GetProperty("replayed").GetBoolean());

        // Number 4 before 3: refused with the number to continue from; number 2 again with a new key: taken.
        var gap = await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/messages", new { text = "血压下降" }, caseId, sequence: 4)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("emergency_sequence_gap", 3), (gap.Code(), gap.GetProperty("expectedSequence").GetInt32()));
        var taken = await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/messages", new { text = "另一部手机" }, caseId, sequence: 2)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("emergency_sequence_taken", 3), (taken.Code(), taken.GetProperty("expectedSequence").GetInt32()));

        // Out-of-limit vitals are refused per field and do not use up number 3.
        var refused = await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/vitals", new { measuredAt = DateTimeOffset.UtcNow, heartRate = 420, spO2 = 40, systolic = 120 }, caseId, sequence: 3))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("emergency_vitals_out_of_range", refused.Code());
        Assert.Equal(["vital_out_of_range"], refused.GetProperty("fieldCodes").GetProperty("heartRate").EnumerateArray().Select(c => c.GetString()!));
        Assert.NotEmpty(refused.FieldErrors("spO2"));
        Assert.Empty(refused.FieldErrors("systolic"));
        await (await crew.SendAsync(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/messages", new { text = "血压下降" }, caseId, sequence: 3)).ReadJsonAsync();

        var noHeaders = await (await crew.Client.PostAsJsonAsync($"/api/emergency/crew/cases/{caseId}/messages", new { text = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("emergency_sync_headers_required", noHeaders.Code());

        var channel = await (await crew.Client.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        Assert.Single(channel.GetProperty("vitals").EnumerateArray());
        Assert.Equal(["血压下降"], channel.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!));
        Assert.Equal(3, channel.GetProperty("lastSequence").GetInt32());
    }

    [Fact]
    public async Task Crews_see_their_own_service_and_departments_only_cases_coming_to_their_hospital()
    {
        var crew = await CrewAsync();
        var caseId = await crew.StartAsync();
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/destination", new { destinationId = await DestinationAsync(crew.Client) }, caseId);

        // The other phone of the same service sees it; another service's crew and another hospital's department do not.
        var colleague = await factory.CreateClientAsAsync("crew2@demo.test", Password);
        Assert.Contains((await (await colleague.GetAsync("/api/emergency/crew/cases")).ReadJsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
        var (otherCrew, otherEd) = await OtherServiceAndHospitalAsync();
        await (await otherCrew.GetAsync($"/api/emergency/cases/{caseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await otherCrew.GetAsync("/api/emergency/crew/cases")).ReadJsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
        await (await otherEd.GetAsync($"/api/emergency/cases/{caseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherEd.PostAsync($"/api/emergency/department/cases/{caseId}/accept", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await otherEd.GetAsync("/api/emergency/department/cases")).ReadJsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);

        // A doctor whose team was not alerted, a patient, a registrar: no way in.
        var cardiologist = await factory.CreateClientAsAsync("dr.li@demo.test", Password);
        await (await cardiologist.GetAsync($"/api/emergency/cases/{caseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var patient = await factory.CreateClientAsAsync("zhangwei@demo.test", Password);
        await (await patient.GetAsync($"/api/emergency/cases/{caseId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var registrar = await factory.CreateClientAsAsync("registrar@demo.test", Password);
        var notCrew = await (await registrar.GetAsync("/api/emergency/patients?idNumber=110101199001011234")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("emergency_not_department_staff", notCrew.Code());
        var ed = await factory.CreateClientAsAsync("ed@demo.test", Password);
        await (await ed.GetAsync("/api/emergency/crew/cases")).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Reads and writes are audit-logged (the refused reads above read nothing, so they leave no read entry).
        Assert.Equal(0, await FromDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.ResourceId == caseId.ToString() && a.Action == "emergency.case_read")));
        await (await colleague.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        Assert.Equal(1, await FromDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.ResourceId == caseId.ToString() && a.Action == "emergency.case_read")));
        var writes = await FromDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.ResourceId == caseId.ToString() && a.Action == "emergency.destination"));
        Assert.Equal(1, writes);
    }

    [Fact]
    public async Task An_unknown_patient_is_registered_under_a_temporary_identity_and_merged_into_their_record_later()
    {
        var crew = await CrewAsync();
        var ed = await factory.CreateClientAsAsync("ed@demo.test", Password);
        var (_, patientId, idNumber) = await PatientAsync("钱立新");
        var caseId = await crew.StartAsync();
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/patient", new { method = "Unknown", sex = "Male", estimatedAge = 65, description = "灰色外套，左腕手表" }, caseId);
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/destination", new { destinationId = await DestinationAsync(crew.Client) }, caseId);

        await (await ed.PostAsync($"/api/emergency/department/cases/{caseId}/accept", null)).ReadJsonAsync();
        var registration = await FromDatabaseAsync(db => db.HisOutbox.SingleAsync(m => m.PatientId == caseId));
        using (var payload = JsonDocument.Parse(registration.Payload))
        {
            Assert.Equal(JsonValueKind.Null, payload.RootElement.GetProperty("patientId").ValueKind);
            Assert.Equal("Male", payload.RootElement.GetProperty("unknownSex").GetString());
            Assert.Equal(65, payload.RootElement.GetProperty("estimatedAge").GetInt32());
        }

        // The family arrives with the ID card: the department finds the record and merges.
        var matches = await (await ed.GetAsync($"/api/emergency/patients?idNumber={idNumber}")).ReadJsonAsync();
        Assert.Equal(patientId, Assert.Single(matches.EnumerateArray()).GetProperty("patientId").GetGuid());
        var merged = await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/merge", new { patientId })).ReadJsonAsync();
        Assert.True(merged.GetProperty("patient").GetProperty("known").GetBoolean());
        Assert.Equal("钱立新", merged.GetProperty("patient").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, merged.GetProperty("patient").GetProperty("mergedAt").ValueKind);

        var again = await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/merge", new { patientId })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("emergency_patient_already_known", again.Code());
        var audit = await FromDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "emergency.patient_merged" && a.ResourceId == caseId.ToString()));
        Assert.Equal(patientId, audit.PatientId);
        Assert.Contains(caseId.ToString(), audit.Detail, StringComparison.Ordinal);
        Assert.Contains(patientId.ToString(), audit.Detail, StringComparison.Ordinal);
        Assert.Equal(
            ["emergency.registered", "emergency.identified"],
            await FromDatabaseAsync(db => db.HisOutbox.Where(m => m.PatientId == caseId).OrderBy(m => m.Sequence).Select(m => m.Kind).ToListAsync()));
    }

    [Fact]
    public async Task The_board_of_the_destination_gets_the_case_live_and_another_hospital_cannot_watch_it()
    {
        var crew = await CrewAsync();
        await using var board = await HubAsync("ed@demo.test", Password);
        var updates = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        board.On<JsonElement>("caseUpdated", update => updates.Enqueue(update));
        await board.InvokeAsync("WatchBoard");

        var caseId = await crew.StartAsync();
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/destination", new { destinationId = await DestinationAsync(crew.Client) }, caseId);
        await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/vitals", new { measuredAt = DateTimeOffset.UtcNow, heartRate = 132, spO2 = 88 }, caseId);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!updates.Any(u => u.GetProperty("id").GetGuid() == caseId && u.GetProperty("latestVitals").ValueKind == JsonValueKind.Object) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var latest = updates.Last(u => u.GetProperty("id").GetGuid() == caseId);
        Assert.Equal(132, latest.GetProperty("latestVitals").GetProperty("heartRate").GetInt32());

        var (_, otherEd) = await EmergencyTestData.OtherServiceAndHospitalAsync(factory);
        await using var other = await HubAsync(otherEd, TestData.StrongPassword);
        var leaked = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        other.On<JsonElement>("caseUpdated", update => leaked.Enqueue(update));
        // The same code the REST read answers (the SPA translates it), not a generic hub error.
        Assert.StartsWith("not_found:", VideoVisits.VisitScenario.CodeOf(await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync("WatchCase", caseId))), StringComparison.Ordinal);
        await other.InvokeAsync("WatchBoard");
        await crew.WriteAsync(HttpMethod.Post, $"/{caseId}/vitals", new { measuredAt = DateTimeOffset.UtcNow, heartRate = 140 }, caseId);
        await Task.Delay(1500);
        Assert.DoesNotContain(leaked, u => u.GetProperty("id").GetGuid() == caseId);
    }

    [Fact]
    public async Task A_crew_scan_of_a_dynamic_health_code_is_kept_as_a_scan_of_the_service_and_spends_the_code()
    {
        var crew = await CrewAsync();
        var (patientClient, patientId, _) = await PatientAsync("钱立新");
        var code = (await (await patientClient.GetAsync($"/api/patients/{patientId}/health-code")).ReadJsonAsync()).GetProperty("code").GetString()!;

        var caseId = await crew.StartAsync();
        var identified = await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/patient", new { method = "HealthCode", code }, caseId);
        Assert.Equal(patientId, identified.GetProperty("itemId").GetGuid());

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var scan = await db.HealthCodeScans.AsNoTracking().SingleAsync(s => s.PatientId == patientId);
            var serviceId = await db.EmergencyCases.Where(c => c.Id == caseId).Select(c => c.ServiceId).SingleAsync();
            Assert.Equal(serviceId, scan.ServiceId);
            Assert.Null(scan.FacilityId);
            Assert.Equal(Domain.HealthCodes.HealthCodePurpose.Emergency, scan.Purpose);
            Assert.NotNull(scan.Nonce);
        }

        // The code is spent: shown at a desk, or to the crew for another case, it is a replay.
        var registrar = await factory.CreateClientAsAsync("registrar@demo.test", Password);
        var atDesk = await registrar.PostAsJsonAsync("/api/staff/health-code/scan", new { code, purpose = "check-in", place = "急诊 分诊台" });
        Assert.Equal("health_code_replayed", (await atDesk.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var otherCase = await crew.StartAsync();
        var again = await crew.SendAsync(HttpMethod.Put, $"/api/emergency/crew/cases/{otherCase}/patient", new { method = "HealthCode", code }, otherCase);
        Assert.Equal("health_code_replayed", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.HealthCodeScans.CountAsync(s => s.PatientId == patientId));
        }
    }

    [Fact]
    public async Task Voice_notes_from_the_crew_are_kept_as_recorded_and_played_on_the_board_while_other_files_are_refused()
    {
        var crew = await CrewAsync();
        var ed = await factory.CreateClientAsAsync("ed@demo.test", Password);
        var caseId = await crew.StartAsync();
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/destination", new { destinationId = await DestinationAsync(crew.Client) }, caseId);

        var recordings = new[] { ("voice.webm", "audio/webm"), ("voice.ogg", "audio/ogg"), ("voice.m4a", "audio/mp4") };
        foreach (var (name, _) in recordings)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Emergency", "VoiceNotes", name));
            var receipt = await (await UploadAsync(crew, caseId, bytes, name, "语音留言")).ReadJsonAsync();
            Assert.Equal("attachment", receipt.GetProperty("kind").GetString());
        }

        var @case = await (await ed.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        var attachments = @case.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(recordings.Select(r => r.Item2), attachments.Select(a => a.GetProperty("contentType").GetString()));
        var played = await ed.GetAsync($"/api/emergency/cases/{caseId}/attachments/{attachments[0].GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal("audio/webm", played.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Emergency", "VoiceNotes", "voice.webm")), await played.Content.ReadAsByteArrayAsync());

        // A PDF is a file the store knows, but not a photo or a voice note; a recording over 2 MB is not a short note.
        var pdf = await UploadAsync(crew, caseId, "%PDF-1.7\n%%EOF\n"u8.ToArray(), "note.pdf", null);
        Assert.Equal(["emergency_photo_not_image"], (await pdf.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("fieldCodes").GetProperty("file").EnumerateArray().Select(c => c.GetString()!));
        // Bytes of no known kind (a phone's odd format, a damaged file): the crew is told to take or record it again.
        var unknown = await UploadAsync(crew, caseId, "not a photo, not a recording"u8.ToArray(), "photo.jpg", null);
        Assert.Equal(["file_not_photo_or_voice"], (await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("fieldCodes").GetProperty("file").EnumerateArray().Select(c => c.GetString()!));
        var webmHead = (await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Emergency", "VoiceNotes", "voice.webm")))[..64];
        var tooLong = await UploadAsync(crew, caseId, [.. webmHead, .. new byte[(3 * 1024 * 1024) - 64]], "long.webm", null);
        Assert.Equal(["file_too_large"], (await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("fieldCodes").GetProperty("file").EnumerateArray().Select(c => c.GetString()!));
        var stillThree = await (await ed.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        Assert.Equal(3, stillThree.GetProperty("attachments").GetArrayLength());
    }

    /// <summary>The crew's next write as a multipart upload (the sequence continues from the phone's last receipt).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(CrewPhone crew, Guid caseId, byte[] content, string fileName, string? caption)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/emergency/crew/cases/{caseId}/attachments") { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("X-Client-Sequence", crew.Next(caseId).ToString(CultureInfo.InvariantCulture));
        var response = await crew.Client.SendAsync(request);
        if (response.IsSuccessStatusCode)
        {
            crew.Applied(caseId);
        }

        return response;
    }

    [Fact]
    public async Task The_department_activates_a_team_from_the_case_page_under_the_same_rules_as_the_crew()
    {
        var crew = await CrewAsync();
        var ed = await factory.CreateClientAsAsync("ed@demo.test", Password);
        var chestPainTeam = await factory.CreateClientAsAsync("dr.li@demo.test", Password);
        var caseId = await crew.StartAsync();

        // No destination yet: no team to alert (and the board of the hospital does not see the case at all).
        await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/activation", new { pathway = "ChestPain" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await crew.WriteAsync(HttpMethod.Put, $"/{caseId}/destination", new { destinationId = await DestinationAsync(crew.Client) }, caseId);

        var activated = await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/activation", new { pathway = "ChestPain" })).ReadJsonAsync();
        var alertId = activated.GetProperty("itemId").GetGuid();
        var again = await (await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/activation", new { pathway = "ChestPain" })).ReadJsonAsync();
        Assert.Equal(alertId, again.GetProperty("itemId").GetGuid());
        var general = await ed.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/activation", new { pathway = "General" });
        Assert.Equal("emergency_pathway_has_no_team", (await general.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());

        var alerts = await (await chestPainTeam.GetAsync("/api/emergency/alerts")).ReadJsonAsync();
        var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal(alertId, alert.GetProperty("id").GetGuid());
        Assert.Equal("ChestPain", alert.GetProperty("pathway").GetString());
        var crewView = await (await crew.Client.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync();
        Assert.Equal("ChestPain", Assert.Single(crewView.GetProperty("alerts").EnumerateArray()).GetProperty("pathway").GetString());
        // Both accepted requests are audit-logged (the second changed nothing); the refused one is not.
        Assert.Equal(2, await FromDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.ResourceId == caseId.ToString() && a.Action == "emergency.activation" && a.Detail == "department")));

        // Only the destination's department: another hospital's staff get 404, the crew cannot use the department's route.
        var (otherCrew, otherDepartment) = await OtherServiceAndHospitalAsync();
        await (await otherDepartment.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/activation", new { pathway = "Trauma" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await crew.Client.PostAsJsonAsync($"/api/emergency/department/cases/{caseId}/activation", new { pathway = "Trauma" })).StatusCode);
        Assert.Equal(1, (await (await ed.GetAsync($"/api/emergency/cases/{caseId}")).ReadJsonAsync()).GetProperty("alerts").GetArrayLength());
        _ = otherCrew;
    }

    private async Task<HubConnection> HubAsync(string email, string password)
    {
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/emergency"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(tokens.AccessToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A second ambulance service with a crew member, and a second receiving hospital with its department staff.</summary>
    private async Task<(HttpClient Crew, HttpClient Department)> OtherServiceAndHospitalAsync()
    {
        var (crewEmail, edEmail) = await EmergencyTestData.OtherServiceAndHospitalAsync(factory);
        return (await factory.CreateClientAsAsync(crewEmail, TestData.StrongPassword), await factory.CreateClientAsAsync(edEmail, TestData.StrongPassword));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EmergencyTestsOnSqlite(SqliteApiFactory factory) : EmergencyTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class EmergencyTestsOnPostgres(PostgresApiFactory factory) : EmergencyTests(factory);
