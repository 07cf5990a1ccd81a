using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Guest and interpreter links (issue 20): a single-use link for one visit, bound to the first device that opens it,
/// refused after revocation and after the visit; the guest's credential opens that visit's hub and chat and nothing else.
/// </summary>
public abstract partial class GuestLinkTests(ApiFactory factory)
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task An_invited_interpreter_opens_the_link_once_waits_is_admitted_and_joins_call_and_chat_but_not_the_record()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var id = booked.AppointmentId;
        var email = TestData.Email("interpreter");
        var invited = await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Interpreter", email })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("invited", invited.GetProperty("state").GetString());
        var mail = (await Mailbox.WaitForAsync(email, string.Empty)).TextBody;
        var token = TokenOf(mail);

        // The mail carries no medical details: not even the patient's name.
        Assert.DoesNotContain(await PatientNameAsync(booked), mail, StringComparison.Ordinal);

        var device = NewDeviceSecret();
        var session = await (await RedeemAsync(token, device, "Anna Müller")).ReadJsonAsync();
        var credential = session.GetProperty("credential").GetString()!;
        Assert.Equal(id, session.GetProperty("visitId").GetGuid());

        // Waiting: in the room, not in the call; the doctor's list shows the guest's name and role.
        await using var guestHub = VisitScenario.Hub(factory, credential);
        var guestNews = guestHub.Listen("guestsChanged");
        var guestChat = guestHub.Listen("chat");
        await guestHub.StartAsync();
        var room = await guestHub.InvokeAsync<JsonElement>("JoinVisit", id);
        Assert.Equal("Guest", room.GetProperty("role").GetString());
        Assert.False(room.GetProperty("guestAdmitted").GetBoolean());
        Assert.StartsWith("guest_not_admitted", await VisitScenario.HubErrorAsync(() => guestHub.InvokeAsync<JsonElement>("EnterCall", id, "guest-peer")));
        var waiting = Assert.Single((await (await doctor.Api.GetAsync($"/api/visits/{id}/guests")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(("waiting", "Anna Müller", "Interpreter"), (waiting.GetProperty("state").GetString(), waiting.GetProperty("name").GetString(), waiting.GetProperty("role").GetString()));

        // Admitted: told through the room, the guest enters the call and sees the doctor there.
        await using var doctorHub = VisitScenario.Hub(factory, doctor.AccessToken);
        var doctorJoins = doctorHub.Listen("peerJoined");
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);
        await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer");
        var guestId = waiting.GetProperty("id").GetGuid();
        await (await doctor.Api.PostAsync($"/api/visits/{id}/guests/{guestId}/admit", null)).ReadJsonAsync();
        await guestNews.NextAsync();
        Assert.True((await guestHub.InvokeAsync<JsonElement>("JoinVisit", id)).GetProperty("guestAdmitted").GetBoolean());
        var call = await guestHub.InvokeAsync<JsonElement>("EnterCall", id, "guest-peer");
        Assert.Equal(("Guest", "Anna Müller"), (call.GetProperty("self").GetProperty("role").GetString(), call.GetProperty("self").GetProperty("name").GetString()));
        Assert.Equal("doctor-peer", Assert.Single(call.GetProperty("peers").EnumerateArray()).GetProperty("peerId").GetString());
        Assert.Equal("Anna Müller", (await doctorJoins.NextAsync()).GetProperty("peer").GetProperty("name").GetString());

        // The chat: the guest reads and writes it.
        var guestApi = GuestClient(credential);
        await (await guestApi.PostAsJsonAsync($"/api/video-visits/{id}/messages", new { text = "I will translate for Mrs Müller." })).ReadJsonAsync();
        var said = await guestChat.NextAsync();
        Assert.Equal(("Guest", "Anna Müller"), (said.GetProperty("senderRole").GetString(), said.GetProperty("senderName").GetString()));
        Assert.Single((await (await guestApi.GetAsync($"/api/video-visits/{id}/messages")).ReadJsonAsync()).EnumerateArray());

        // Recording consent: the guest is in the call, so they are asked and answer for themselves like everyone else.
        var consent = await (await guestApi.PostAsJsonAsync($"/api/video-visits/{id}/recording-consent", new { consent = false })).ReadJsonAsync();
        Assert.False(consent.GetProperty("myConsent").GetBoolean());
        Assert.False((await (await guestApi.GetAsync($"/api/video-visits/{id}/recording")).ReadJsonAsync()).GetProperty("myConsent").GetBoolean());

        // Not the record, its note, its files or the guest list: the guest's credential is no account there.
        Assert.Equal(HttpStatusCode.Unauthorized, (await guestApi.GetAsync($"/api/video-visits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guestApi.PutAsJsonAsync($"/api/video-visits/{id}/note", new { chiefComplaint = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guestApi.GetAsync($"/api/video-visits/{id}/files/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guestApi.GetAsync($"/api/visits/{id}/guests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guestApi.GetAsync($"/api/appointments?patientId={booked.Patient.PatientId}")).StatusCode);

        // Single use: another device is refused; the same device may open it again (a reload).
        var elsewhere = await (await RedeemAsync(token, NewDeviceSecret(), "Someone else")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("guest_link_used", elsewhere.Code());
        await (await RedeemAsync(token, device, "Anna Müller")).ReadJsonAsync();

        // The visit record lists the guest: name, role, who invited them, when they joined.
        var record = await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        var listed = Assert.Single(record.GetProperty("guests").EnumerateArray());
        Assert.Equal(("Anna Müller", "Interpreter", "李伟"), (listed.GetProperty("name").GetString(), listed.GetProperty("role").GetString(), listed.GetProperty("invitedBy").GetString()));
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("joinedAt").ValueKind);
        using var scope = factory.Services.CreateScope();
        var audited = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.ResourceId == id.ToString() && e.Action.StartsWith("visit.guest_")).Select(e => e.Action).ToListAsync();
        Assert.Contains("visit.guest_invited", audited);
        Assert.Contains("visit.guest_link_opened", audited);
        Assert.Contains("visit.guest_admitted", audited);
    }

    /// <summary>
    /// Guests take places in the call like specialists: on the mesh (four people) the patient and the doctor leave room
    /// for two, a third invitation is refused and sends nothing, a revoked link gives its place back, and a specialist
    /// finds no place while two guests hold theirs.
    /// </summary>
    [Fact]
    public async Task On_the_mesh_guests_count_against_the_room_with_the_specialists_and_a_revoked_link_frees_its_place()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var id = booked.AppointmentId;
        var first = await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Interpreter", email = TestData.Email("guest") })).ReadJsonAsync(HttpStatusCode.Created);
        await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Relative", email = TestData.Email("guest") })).ReadJsonAsync(HttpStatusCode.Created);

        var third = TestData.Email("guest");
        var full = await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Carer", email = third })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("too_many_participants", full.Code());
        var specialist = await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/specialists", new { doctorId = await VisitScenario.DoctorIdAsync(factory.Services, VisitScenario.Dermatologist) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("too_many_participants", specialist.Code());
        Assert.Equal(2, (await (await doctor.Api.GetAsync($"/api/visits/{id}/guests")).ReadJsonAsync()).GetArrayLength());
        using (var scope = factory.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailOutbox.AsNoTracking().AnyAsync(e => e.To == third));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await doctor.Api.DeleteAsync($"/api/visits/{id}/guests/{first.GetProperty("id").GetGuid()}")).StatusCode);
        await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Carer", email = third })).ReadJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// The role is the doctor's decision: a guest invited as interpreter stays one whatever their page sends (an older
    /// page sent the role picked on it), in the answer, the doctor's list and the call.
    /// </summary>
    [Fact]
    public async Task A_guest_keeps_the_role_the_doctor_invited_them_as_whatever_their_page_sends()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var id = booked.AppointmentId;
        var email = TestData.Email("interpreter");
        await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Interpreter", email })).ReadJsonAsync(HttpStatusCode.Created);
        var token = TokenOf((await Mailbox.WaitForAsync(email, string.Empty)).TextBody);

        var session = await (await factory.CreateBrowserClient().PostAsJsonAsync(
            "/api/guest-links/redeem", new { token, deviceSecret = NewDeviceSecret(), name = "Anna Müller", role = "Relative" })).ReadJsonAsync();
        Assert.Equal("Interpreter", session.GetProperty("role").GetString());
        var listed = Assert.Single((await (await doctor.Api.GetAsync($"/api/visits/{id}/guests")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(("Anna Müller", "Interpreter"), (listed.GetProperty("name").GetString(), listed.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task A_guest_credential_opens_nothing_of_another_visit()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var other = await VisitScenario.BookAsync(factory.Services, () => VisitScenario.NewPatientAsync(factory));
        await (await other.Patient.Api.PostAsync($"/api/video-visits/{other.AppointmentId}/check-in", null)).ReadJsonAsync();
        var credential = await InviteAndRedeemAsync(doctor, booked.AppointmentId);

        await using var hub = VisitScenario.Hub(factory, credential);
        await hub.StartAsync();
        Assert.StartsWith("not_found", await VisitScenario.HubErrorAsync(() => hub.InvokeAsync<JsonElement>("JoinVisit", other.AppointmentId)));
        var guestApi = GuestClient(credential);
        await (await guestApi.GetAsync($"/api/video-visits/{other.AppointmentId}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await guestApi.PostAsJsonAsync($"/api/video-visits/{other.AppointmentId}/messages", new { text = "hello" })).AssertProblemAsync(HttpStatusCode.NotFound);

        // A forged credential is nobody's.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GuestClient(credential[..^4] + "AAAA").GetAsync($"/api/video-visits/{booked.AppointmentId}/messages")).StatusCode);

        // And a patient may not invite anyone here (Video:PatientsMayInviteGuests is off by default).
        var refused = await (await booked.Patient.Api.PostAsJsonAsync($"/api/visits/{booked.AppointmentId}/guests", new { role = "Relative", email = TestData.Email("relative") }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("guest_invite_not_allowed", refused.Code());
    }

    [Fact]
    public async Task A_revoked_link_is_refused_and_its_guest_leaves_the_room_and_a_link_is_refused_after_the_visit()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var id = booked.AppointmentId;
        var email = TestData.Email("relative");
        var guest = await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Relative", email })).ReadJsonAsync(HttpStatusCode.Created);
        var token = TokenOf((await Mailbox.WaitForAsync(email, string.Empty)).TextBody);
        var device = NewDeviceSecret();
        var credential = (await (await RedeemAsync(token, device, "王小红")).ReadJsonAsync()).GetProperty("credential").GetString()!;
        await using var hub = VisitScenario.Hub(factory, credential);
        var news = hub.Listen("guestsChanged");
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("JoinVisit", id);

        Assert.Equal(HttpStatusCode.NoContent, (await doctor.Api.DeleteAsync($"/api/visits/{id}/guests/{guest.GetProperty("id").GetGuid()}")).StatusCode);
        await news.NextAsync();
        Assert.StartsWith("not_found", await VisitScenario.HubErrorAsync(() => hub.InvokeAsync<JsonElement>("JoinVisit", id)));
        await (await GuestClient(credential).GetAsync($"/api/video-visits/{id}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("guest_link_revoked", (await (await RedeemAsync(token, device, "王小红")).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var listed = Assert.Single((await (await doctor.Api.GetAsync($"/api/visits/{id}/guests")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal("revoked", listed.GetProperty("state").GetString());

        // Another link of the same visit, unopened when the doctor stops the visit: refused from then on.
        var late = TestData.Email("carer");
        await (await doctor.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Carer", email = late })).ReadJsonAsync(HttpStatusCode.Created);
        var lateToken = TokenOf((await Mailbox.WaitForAsync(late, string.Empty)).TextBody);
        await (await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/refer", new { reason = "FirstVisit" })).ReadJsonAsync();
        Assert.Equal("guest_link_expired", (await (await RedeemAsync(lateToken, NewDeviceSecret(), "张护工")).AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        // Nobody's token opens nothing; a malformed request is a 400, not a 500.
        await (await RedeemAsync(Guid.NewGuid().ToString("N"), NewDeviceSecret(), "x")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await RedeemAsync(lateToken, "short", string.Empty)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// With a clock the test moves (its own host): a link ends after <c>Video:GuestLinkLifetime</c>, and with it the
    /// credential issued from it; where the hospital allows it, the patient invites a relative (only a relative).
    /// </summary>
    [Fact]
    public async Task A_link_and_its_credential_expire_with_the_lifetime_and_a_patient_may_invite_a_relative_where_allowed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await OwnApiHost.StartAsync(Provider, builder =>
        {
            builder.UseSetting("Video:PatientsMayInviteGuests", "true");
            builder.UseSetting("Video:GuestLinkLifetime", "01:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        var (booked, _) = await VisitScenario.AdmittedAsync(host);
        var id = booked.AppointmentId;
        var interpreter = await (await booked.Patient.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Interpreter", email = TestData.Email("interpreter") }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("guest_invite_not_allowed", interpreter.Code());

        var opened = TestData.Email("relative");
        var unopened = TestData.Email("relative");
        await (await booked.Patient.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Relative", email = opened })).ReadJsonAsync(HttpStatusCode.Created);
        await (await booked.Patient.Api.PostAsJsonAsync($"/api/visits/{id}/guests", new { role = "Relative", email = unopened })).ReadJsonAsync(HttpStatusCode.Created);
        var credential = (await (await RedeemAsync(await OutboxTokenAsync(host, opened), NewDeviceSecret(), "张丽", host)).ReadJsonAsync()).GetProperty("credential").GetString()!;
        var guestApi = GuestClient(credential, host);
        await (await guestApi.GetAsync($"/api/video-visits/{id}/messages")).ReadJsonAsync();

        clock.Advance(TimeSpan.FromMinutes(59));
        await (await guestApi.GetAsync($"/api/video-visits/{id}/messages")).ReadJsonAsync();

        clock.Advance(TimeSpan.FromMinutes(2));
        await (await guestApi.GetAsync($"/api/video-visits/{id}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("guest_link_expired", (await (await RedeemAsync(await OutboxTokenAsync(host, unopened), NewDeviceSecret(), "张伟", host)).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    private async Task<string> InviteAndRedeemAsync(User doctor, Guid visitId)
    {
        var email = TestData.Email("guest");
        await (await doctor.Api.PostAsJsonAsync($"/api/visits/{visitId}/guests", new { role = "Interpreter", email })).ReadJsonAsync(HttpStatusCode.Created);
        var token = TokenOf((await Mailbox.WaitForAsync(email, string.Empty)).TextBody);
        return (await (await RedeemAsync(token, NewDeviceSecret(), "Guest")).ReadJsonAsync()).GetProperty("credential").GetString()!;
    }

    private Task<HttpResponseMessage> RedeemAsync(string token, string device, string name, ApiFactory? host = null) =>
        (host ?? factory).CreateBrowserClient().PostAsJsonAsync("/api/guest-links/redeem", new { token, deviceSecret = device, name });

    private HttpClient GuestClient(string credential, ApiFactory? host = null)
    {
        var client = (host ?? factory).CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    private async Task<string> PatientNameAsync(Booked booked) =>
        (await (await booked.Patient.Api.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("name").GetString()!;

    /// <summary>The link from the invitation waiting in the outbox (the fake clock holds the dispatcher's schedule still).</summary>
    private static async Task<string> OutboxTokenAsync(ApiFactory host, string email)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return TokenOf(await db.EmailOutbox.AsNoTracking().Where(e => e.To == email).Select(e => e.TextBody).SingleAsync());
    }

    private static string NewDeviceSecret() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private static string TokenOf(string? body)
    {
        var match = GuestLink().Match(body ?? string.Empty);
        Assert.True(match.Success, body);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("/guest/([A-Za-z0-9_-]{43})")]
    private static partial Regex GuestLink();
}

[Collection(SqliteCollection.Name)]
public sealed class GuestLinkTestsOnSqlite(SqliteApiFactory factory) : GuestLinkTests(factory)
{
    protected override string Provider => "Sqlite";
}

[Collection(PostgresCollection.Name)]
public sealed class GuestLinkTestsOnPostgres(PostgresApiFactory factory) : GuestLinkTests(factory)
{
    protected override string Provider => "PostgreSQL";
}
