using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.Family;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Family;

/// <summary>
/// Issue 15 through HTTP: adding family members under their real identity, what each relation and scope allows, the
/// age bands (6, 14, 18) on a fake clock, consent, revocation and the administrators' end of a grant (domain rules 4
/// and 24). Acting beyond a grant answers 404 like any record the caller may not know.
/// </summary>
public abstract partial class FamilyMemberTests(FamilyHost family)
{
    private static readonly string[] AllScopes = ["appointments", "results", "medications", "messages", "payments"];

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_parent_adds_a_child_and_acts_fully_for_them_and_a_second_parent_gets_the_same_record()
    {
        var mother = await family.RegisterAdultAsync("陈静");
        var father = await family.RegisterAdultAsync("王强");
        var motherClient = await family.SignInAsync(mother.Email);
        var fatherClient = await family.SignInAsync(father.Email);
        var birth = family.Today.AddYears(-4);
        var idNumber = TestData.ResidentId(birth, Sex.Male);

        var childId = await family.AddChildAsync(motherClient, birth, "王小明", Sex.Male, idNumber);

        var child = await FamilyHost.MePatientAsync(motherClient, childId);
        Assert.Equal("Guardian", child.GetProperty("relationship").GetString());
        Assert.Equal("child", child.GetProperty("relation").GetString());
        Assert.Equal(4, child.GetProperty("ageYears").GetInt32());
        Assert.True(child.GetProperty("guardianMustAttend").GetBoolean());
        Assert.Equal(["appointments", "results", "medications", "messages", "payments"], FamilyHost.Scopes(child));
        Assert.Equal(Date(birth.AddYears(18)), child.GetProperty("accessEndsOn").GetString());
        var members = await (await motherClient.GetAsync("/api/family/members")).ReadJsonAsync();
        var member = Assert.Single(members.EnumerateArray());
        Assert.Equal("active", member.GetProperty("status").GetString());
        await (await motherClient.GetAsync($"/api/appointments?patientId={childId}")).ReadJsonAsync();
        await (await motherClient.GetAsync($"/api/family/patients/{childId}/threads")).ReadJsonAsync();

        // The second parent names the same identity: the same record, not a second one (one patient, one record).
        Assert.Equal(childId, await family.AddChildAsync(fatherClient, birth, "王小明", Sex.Male, idNumber));
        await (await AddAgainAsync(fatherClient)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var scope = family.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.PatientAccesses.CountAsync(a => a.PatientId == childId && a.Relationship == PatientRelationship.Guardian && a.RevokedAt == null));
        Assert.Equal(1, await db.Patients.CountAsync(p => p.FullName == "王小明" && p.DateOfBirth == birth && p.IdNumberMasked == IdentifierMask.Mask(idNumber)));

        Task<HttpResponseMessage> AddAgainAsync(HttpClient client) => FamilyHost.AddMemberAsync(client, "child", "王小明", birth, Sex.Male, idNumber);
    }

    [Fact]
    public async Task A_member_whose_id_does_not_check_or_whose_details_disagree_is_refused_and_nothing_is_created()
    {
        var parent = await family.SignInAsync((await family.RegisterAdultAsync()).Email);
        var birth = family.Today.AddYears(-8);
        var idNumber = TestData.ResidentId(birth, Sex.Female);
        var wrongCheck = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

        var badId = await (await FamilyHost.AddMemberAsync(parent, "child", "李小红", birth, Sex.Female, wrongCheck)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("id_invalid", badId.Code());
        var wrongSex = await (await FamilyHost.AddMemberAsync(parent, "child", "李小红", birth, Sex.Male, idNumber)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("identity_mismatch", wrongSex.Code());
        var wrongBirth = await (await FamilyHost.AddMemberAsync(parent, "child", "李小红", birth.AddDays(1), Sex.Female, idNumber)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("identity_mismatch", wrongBirth.Code());
        var badRelation = await (await FamilyHost.AddMemberAsync(parent, "self", "李小红", birth, Sex.Female, idNumber)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("relation", badRelation.GetProperty("errors").EnumerateObject().Select(e => e.Name), StringComparer.OrdinalIgnoreCase);

        // An existing record with another name: the ID number alone attaches nobody to a stranger's record.
        var other = await family.SignInAsync((await family.RegisterAdultAsync()).Email);
        await family.AddChildAsync(other, birth, "李小红", Sex.Female, idNumber);
        var stranger = await (await FamilyHost.AddMemberAsync(parent, "child", "李晓红", birth, Sex.Female, idNumber)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("identity_mismatch", stranger.Code());
        Assert.Empty((await (await parent.GetAsync("/api/family/members")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task An_account_acts_for_at_most_the_configured_number_of_members()
    {
        var email = (await family.RegisterAdultAsync()).Email;
        for (var i = 0; i < 10; i++)
        {
            // Note: a client (and client address) per request: adding members is rate-limited like registration.
            var each = await family.SignInAsync(email);
            var birth = family.Today.AddYears(-3 - i);
            await family.AddChildAsync(each, birth, "孩子" + i.ToString(CultureInfo.InvariantCulture));
        }

        var last = await family.SignInAsync(email);
        var eleventh = family.Today.AddYears(-15);
        var refused = await (await FamilyHost.AddMemberAsync(last, "child", "孩子十一", eleventh, Sex.Male, TestData.ResidentId(eleventh, Sex.Male))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("member_limit_reached", refused.Code());
        Assert.Equal(10, (await (await last.GetAsync("/api/family/members")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Under_six_booking_needs_the_guardian_to_confirm_attending_and_the_appointment_records_who_attends()
    {
        var guardian = await family.RegisterAdultAsync("周敏");
        var client = await family.SignInAsync(guardian.Email);
        var childId = await family.AddChildAsync(client, family.Today.AddYears(-4).AddDays(-10));
        var slot = await FreeInPersonSlotAsync(client);

        var refused = await (await client.PostAsJsonAsync("/api/appointments", new { patientId = childId, slotId = slot, visitType = "InPerson" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("guardian_presence_required", refused.Code());

        var booked = await (await client.PostAsJsonAsync("/api/appointments", new { patientId = childId, slotId = slot, visitType = "InPerson", guardianPresent = true }))
            .ReadJsonAsync(HttpStatusCode.Created);
        using var scope = family.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booked.GetProperty("id").GetGuid());
        Assert.Equal(childId, appointment.PatientId);
        Assert.Equal(guardian.AccountId, appointment.AttendingAccountId);
        Assert.Equal("周敏", appointment.AttendingName);
        Assert.Equal("guardian", appointment.AttendingRelation);
        Assert.True(appointment.GuardianPresent);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.Action == "appointment.held" && e.PatientId == childId).Select(e => e.ActorAccountId).ToListAsync(), a => a == guardian.AccountId);
    }

    [Fact]
    public async Task A_guardian_joins_a_video_visit_for_a_child_under_6_only_confirming_presence_and_the_doctor_sees_who_attends()
    {
        var guardian = await family.RegisterAdultAsync("周敏");
        var client = await family.SignInAsync(guardian.Email);
        var childId = await family.AddChildAsync(client, family.Today.AddYears(-4), "周小宝");
        var booked = await VideoVisits.VisitScenario.BookAsync(family.Host.Services, () => Task.FromResult(new VideoVisits.User(client, string.Empty, guardian.AccountId, childId)));

        var refused = await (await client.PostAsync($"/api/video-visits/{booked.AppointmentId}/check-in", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("guardian_presence_required", refused.Code());
        await (await client.PostAsync($"/api/video-visits/{booked.AppointmentId}/check-in?guardianPresent=true", null)).ReadJsonAsync();

        var doctor = await family.SignInAsync(VideoVisits.VisitScenario.Cardiologist, TestData.DemoPassword);
        var today = await (await doctor.GetAsync("/api/video-visits/today")).ReadJsonAsync();
        var row = today.GetProperty("visits").EnumerateArray().Single(v => v.GetProperty("visitId").GetGuid() == booked.AppointmentId);
        Assert.Equal("周小宝", row.GetProperty("patientName").GetString());
        Assert.Equal("周敏", row.GetProperty("attending").GetProperty("name").GetString());
        Assert.Equal("guardian", row.GetProperty("attending").GetProperty("relation").GetString());
        Assert.True(row.GetProperty("attending").GetProperty("guardianPresent").GetBoolean());
        var visit = await (await doctor.GetAsync($"/api/video-visits/{booked.AppointmentId}")).ReadJsonAsync();
        Assert.Equal("周敏", visit.GetProperty("attending").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Age_bands_move_on_birthdays_guardian_presence_ends_at_6_confidentiality_starts_at_14_and_access_ends_at_18()
    {
        var guardian = await family.RegisterAdultAsync("刘洋");
        var client = await family.SignInAsync(guardian.Email);
        var today = family.Today;
        var almostSix = await family.AddChildAsync(client, today.AddYears(-6).AddDays(1), "刘一");
        var teenBirth = today.AddYears(-14).AddDays(1);
        var teenIdNumber = TestData.ResidentId(teenBirth, Sex.Female);
        var almostFourteen = await family.AddChildAsync(client, teenBirth, "刘二", Sex.Female, teenIdNumber);
        var adultBirth = today.AddYears(-18).AddDays(1);
        var adultIdNumber = TestData.ResidentId(adultBirth, Sex.Male);
        var almostEighteen = await family.AddChildAsync(client, adultBirth, "刘三", Sex.Male, adultIdNumber);

        Assert.True((await FamilyHost.MePatientAsync(client, almostSix)).GetProperty("guardianMustAttend").GetBoolean());
        Assert.Contains("messages", FamilyHost.Scopes(await FamilyHost.MePatientAsync(client, almostFourteen)));
        await (await client.GetAsync($"/api/family/patients/{almostFourteen}/threads")).ReadJsonAsync();
        await (await client.GetAsync($"/api/appointments?patientId={almostEighteen}")).ReadJsonAsync();

        // Two days on: birthdays passed (and the job has not run: the guard decides on each request).
        family.Clock.Advance(TimeSpan.FromDays(2));
        client = await family.SignInAsync(guardian.Email);

        Assert.False((await FamilyHost.MePatientAsync(client, almostSix)).GetProperty("guardianMustAttend").GetBoolean());
        var teen = await FamilyHost.MePatientAsync(client, almostFourteen);
        Assert.Equal(["appointments", "medications", "payments"], FamilyHost.Scopes(teen));
        await (await client.GetAsync($"/api/family/patients/{almostFourteen}/threads")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/family/patients/{almostFourteen}/measurements")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/appointments?patientId={almostFourteen}")).ReadJsonAsync();
        await (await client.GetAsync($"/api/patients/{almostFourteen}/medications")).ReadJsonAsync();
        Assert.False(await FamilyHost.ListsAsync(client, almostEighteen));
        await (await client.GetAsync($"/api/appointments?patientId={almostEighteen}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The teenager registers (the record their guardian created becomes theirs) and shares messages, not results.
        var teenager = await family.RegisterAsync("刘二", teenBirth, Sex.Female, teenIdNumber);
        Assert.Equal(almostFourteen, teenager.PatientId);
        var teenClient = await family.SignInAsync(teenager.Email);
        var proxies = await (await teenClient.GetAsync("/api/family/proxies")).ReadJsonAsync();
        var guardianAccess = Assert.Single(proxies.EnumerateArray());
        Assert.False(guardianAccess.GetProperty("revocable").GetBoolean());
        var accessId = guardianAccess.GetProperty("accessId").GetGuid();
        var revoke = await (await teenClient.DeleteAsync($"/api/family/proxies/{accessId}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("guardian_not_revocable", revoke.Code());
        await (await teenClient.PostAsJsonAsync($"/api/family/proxies/{accessId}/share", new { messages = true, results = false })).ReadJsonAsync();
        Assert.Equal(["appointments", "medications", "messages", "payments"], FamilyHost.Scopes(await FamilyHost.MePatientAsync(client, almostFourteen)));
        await (await client.GetAsync($"/api/family/patients/{almostFourteen}/threads")).ReadJsonAsync();
        await (await client.GetAsync($"/api/family/patients/{almostFourteen}/measurements")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The young adult registers; the job records the end and tells them they can invite the guardian back.
        var youngAdult = await family.RegisterAsync("刘三", adultBirth, Sex.Male, adultIdNumber);
        Assert.Equal(almostEighteen, youngAdult.PatientId);
        using (var scope = family.Host.Services.CreateScope())
        {
            var ended = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EndExpiredPatientAccess());
            Assert.True(ended.GuardiansEnded >= 1, ended.ToString());
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var access = await db.PatientAccesses.AsNoTracking().SingleAsync(a => a.PatientId == almostEighteen && a.AccountId == guardian.AccountId);
            Assert.Equal("age_of_majority", access.RevocationReason);
            Assert.NotNull(access.RevokedAt);
            Assert.Null(access.RevokedByAccountId);
        }

        var adultClient = await family.SignInAsync(youngAdult.Email);
        var notices = await (await adultClient.GetAsync("/api/notifications")).ReadJsonAsync();
        var told = notices.GetProperty("notifications").GetProperty("items").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == ProxyNotifications.GuardianAccessEnded);
        Assert.Equal("刘洋", told.GetProperty("parameters").GetProperty("name").GetString());
        var formerAccess = told.GetProperty("parameters").GetProperty("accessId").GetString();
        var former = Assert.Single((await (await adultClient.GetAsync("/api/family/proxies/former")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(formerAccess, former.GetProperty("accessId").GetString());
        Assert.Equal("刘洋", former.GetProperty("accountName").GetString());
        Assert.Equal("child", former.GetProperty("relation").GetString());
        var back = await (await adultClient.PostAsJsonAsync($"/api/family/proxies/{formerAccess}/invite-back", new { scopes = new[] { "appointments", "payments" } })).ReadJsonAsync();
        Assert.Equal("FamilyProxy", back.GetProperty("relationship").GetString());
        Assert.Empty((await (await adultClient.GetAsync("/api/family/proxies/former")).ReadJsonAsync()).EnumerateArray());
        client = await family.SignInAsync(guardian.Email);
        await (await client.GetAsync($"/api/appointments?patientId={almostEighteen}")).ReadJsonAsync();
        await (await client.GetAsync($"/api/patients/{almostEighteen}/medications")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_grant_ended_by_two_instances_at_once_is_ended_once()
    {
        var adult = await family.RegisterAdultAsync("钱多");
        using var first = family.Host.Services.CreateScope();
        using var second = family.Host.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var seenByFirst = await firstDb.PatientAccesses.SingleAsync(a => a.AccountId == adult.AccountId);
        var seenBySecond = await secondDb.PatientAccesses.SingleAsync(a => a.AccountId == adult.AccountId);

        // Both saw it active; the first to save ends it, the second's save is refused and changes nothing.
        seenByFirst.Revoke(null, "expired", family.Clock.GetUtcNow());
        seenBySecond.Revoke(null, "age_of_majority", family.Clock.GetUtcNow().AddMinutes(1));
        await firstDb.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());

        using var check = family.Host.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().PatientAccesses.AsNoTracking().SingleAsync(a => a.Id == seenByFirst.Id);
        Assert.Equal("expired", stored.RevocationReason);
    }

    [Fact]
    public async Task An_adult_consents_with_chosen_scopes_sees_what_the_proxy_did_and_revokes_at_any_time()
    {
        var daughter = await family.RegisterAdultAsync("赵丽");
        var father = await family.RegisterAsync("赵国华", family.Today.AddYears(-78), Sex.Male);
        var daughterClient = await family.SignInAsync(daughter.Email);

        var added = await (await FamilyHost.AddMemberAsync(daughterClient, "parent", father.Name, father.DateOfBirth, father.Sex, father.IdNumber, scopes: ["appointments", "medications"]))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", added.GetProperty("status").GetString());
        Assert.Equal(father.PatientId, added.GetProperty("patientId").GetGuid());
        var pending = Assert.Single((await (await daughterClient.GetAsync("/api/family/members")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.False(await FamilyHost.ListsAsync(daughterClient, father.PatientId));
        await (await daughterClient.GetAsync($"/api/appointments?patientId={father.PatientId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var fatherClient = await family.SignInAsync(father.Email);
        var notices = await (await fatherClient.GetAsync("/api/notifications")).ReadJsonAsync();
        var invitation = notices.GetProperty("notifications").GetProperty("items").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == ProxyNotifications.InvitationReceived);
        var link = invitation.GetProperty("link").GetString()!;
        var token = link[(link.LastIndexOf('/') + 1)..];

        // Only the person asked sees the request: not the asker, not a stranger, not a guessed token.
        await (await daughterClient.GetAsync($"/api/family/invitations/{token}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await fatherClient.GetAsync("/api/family/invitations/guessed-token")).AssertProblemAsync(HttpStatusCode.NotFound);
        var request = await (await fatherClient.GetAsync($"/api/family/invitations/{token}")).ReadJsonAsync();
        Assert.Equal("赵丽", request.GetProperty("from").GetString());
        Assert.Equal("parent", request.GetProperty("relation").GetString());
        Assert.Equal("proxy", request.GetProperty("kind").GetString());

        var endsOn = family.Today.AddDays(30);
        await (await fatherClient.PostAsJsonAsync($"/api/family/invitations/{token}/accept", new { scopes = new[] { "appointments" }, accessEndsOn = Date(endsOn) })).ReadJsonAsync();
        await (await fatherClient.PostAsJsonAsync($"/api/family/invitations/{token}/accept", new { scopes = new[] { "appointments" } })).AssertProblemAsync(HttpStatusCode.NotFound);

        var asProxy = await FamilyHost.MePatientAsync(daughterClient, father.PatientId);
        Assert.Equal("FamilyProxy", asProxy.GetProperty("relationship").GetString());
        Assert.Equal(["appointments"], FamilyHost.Scopes(asProxy));
        Assert.Equal(Date(endsOn), asProxy.GetProperty("accessEndsOn").GetString());
        await (await daughterClient.GetAsync($"/api/appointments?patientId={father.PatientId}")).ReadJsonAsync();
        await (await daughterClient.GetAsync($"/api/patients/{father.PatientId}/medications")).AssertProblemAsync(HttpStatusCode.NotFound);

        var proxies = await (await fatherClient.GetAsync("/api/family/proxies")).ReadJsonAsync();
        var proxy = Assert.Single(proxies.EnumerateArray());
        Assert.Equal("赵丽", proxy.GetProperty("accountName").GetString());
        var activity = await (await fatherClient.GetAsync("/api/family/proxies/activity")).ReadJsonAsync();
        Assert.Contains(activity.EnumerateArray(), a => a.GetProperty("action").GetString() == "appointment.list" && a.GetProperty("accountName").GetString() == "赵丽" && a.GetProperty("relation").GetString() == "parent");

        Assert.Equal(HttpStatusCode.NoContent, (await fatherClient.DeleteAsync($"/api/family/proxies/{proxy.GetProperty("accessId").GetGuid()}")).StatusCode);
        await (await daughterClient.GetAsync($"/api/appointments?patientId={father.PatientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await FamilyHost.ListsAsync(daughterClient, father.PatientId));
        await (await fatherClient.DeleteAsync($"/api/family/proxies/{proxy.GetProperty("accessId").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_proxy_stops_on_the_end_date_the_adult_chose()
    {
        var son = await family.RegisterAdultAsync("孙磊");
        var mother = await family.RegisterAsync("孙秀英", family.Today.AddYears(-70), Sex.Female);
        var sonClient = await family.SignInAsync(son.Email);
        var token = await InviteAndReadTokenAsync(sonClient, mother);
        var motherClient = await family.SignInAsync(mother.Email);
        await (await motherClient.PostAsJsonAsync($"/api/family/invitations/{token}/accept", new { scopes = new[] { "appointments", "payments" }, accessEndsOn = Date(family.Today.AddDays(2)) })).ReadJsonAsync();
        await (await sonClient.GetAsync($"/api/appointments?patientId={mother.PatientId}")).ReadJsonAsync();

        family.Clock.Advance(TimeSpan.FromDays(3));
        sonClient = await family.SignInAsync(son.Email);
        await (await sonClient.GetAsync($"/api/appointments?patientId={mother.PatientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await FamilyHost.ListsAsync(sonClient, mother.PatientId));
    }

    [Fact]
    public async Task An_adult_without_an_account_gets_an_email_in_both_languages_registers_with_the_same_identity_and_declines()
    {
        var asker = await family.RegisterAdultAsync("钱伟");
        var askerClient = await family.SignInAsync(asker.Email);
        var birth = family.Today.AddYears(-66);
        var idNumber = TestData.ResidentId(birth, Sex.Male);
        var email = TestData.Email("uncle");
        var added = await (await FamilyHost.AddMemberAsync(askerClient, "other", "钱建军", birth, Sex.Male, idNumber, email)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", added.GetProperty("status").GetString());

        // Note: the e-mail sender sleeps on the host's clock, which only this test moves: nudge it a second at a time.
        MimeKit.MimeMessage? message = null;
        for (var i = 0; i < 100 && message is null; i++)
        {
            family.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
            message = (await Mailbox.ListAsync(email)).FirstOrDefault(m => m.Subject is not null && m.Subject.Contains("A family member asks to act for you", StringComparison.Ordinal));
        }

        Assert.NotNull(message);
        var body = message!.TextBody ?? string.Empty;
        Assert.Contains("钱伟请求作为您的家人", body, StringComparison.Ordinal);
        Assert.Contains("钱伟 asks to act for you", body, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, body, StringComparison.Ordinal);
        var token = body[(body.IndexOf("/family/invitations/", StringComparison.Ordinal) + "/family/invitations/".Length)..].Split('\n')[0].Trim();

        var uncle = await family.RegisterAsync("钱建军", birth, Sex.Male, idNumber);
        Assert.Equal(added.GetProperty("patientId").GetGuid(), uncle.PatientId);
        var uncleClient = await family.SignInAsync(uncle.Email);
        await (await uncleClient.GetAsync($"/api/family/invitations/{token}")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await uncleClient.PostAsync($"/api/family/invitations/{token}/decline", null)).StatusCode);
        Assert.Empty((await (await askerClient.GetAsync("/api/family/members")).ReadJsonAsync()).EnumerateArray());
        await (await askerClient.GetAsync($"/api/appointments?patientId={uncle.PatientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_scan_a_paper_consent_for_a_person_without_phone_check_it_and_approve_or_reject_it_with_a_reason()
    {
        var daughter = await family.RegisterAdultAsync("孙丽");
        var daughterClient = await family.SignInAsync(daughter.Email);
        var fatherBirth = family.Today.AddYears(-81);
        var added = await (await FamilyHost.AddMemberAsync(daughterClient, "parent", "孙大山", fatherBirth, Sex.Male, TestData.ResidentId(fatherBirth, Sex.Male), scopes: ["appointments", "medications"]))
            .ReadJsonAsync(HttpStatusCode.Created);
        var fatherId = added.GetProperty("patientId").GetGuid();
        var invitationId = added.GetProperty("invitationId").GetGuid();
        var motherBirth = family.Today.AddYears(-79);
        var second = await (await FamilyHost.AddMemberAsync(daughterClient, "parent", "李桂兰", motherBirth, Sex.Female, TestData.ResidentId(motherBirth, Sex.Female), scopes: ["appointments"]))
            .ReadJsonAsync(HttpStatusCode.Created);
        var secondId = second.GetProperty("invitationId").GetGuid();
        var admin = await family.SignInAsync("admin.zhou@demo.test", TestData.DemoPassword);

        var pending = (await (await admin.GetAsync("/api/admin/family/consents")).ReadJsonAsync()).EnumerateArray().Single(c => c.GetProperty("invitationId").GetGuid() == invitationId);
        Assert.Equal("孙大山", pending.GetProperty("patientName").GetString());
        Assert.Equal("孙丽", pending.GetProperty("fromAccountName").GetString());
        Assert.Equal(["appointments", "medications"], FamilyHost.Scopes(pending));
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("scan").ValueKind);
        await (await admin.GetAsync($"/api/admin/family/consents/{invitationId}/scan")).AssertProblemAsync(HttpStatusCode.NotFound);

        var page = "%PDF-1.4 consent form signed 孙大山"u8.ToArray();
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(page), "file", "同意书.pdf" } })
        {
            await (await admin.PostAsync($"/api/admin/family/consents/{invitationId}/scan", upload)).ReadJsonAsync();
        }

        pending = (await (await admin.GetAsync("/api/admin/family/consents")).ReadJsonAsync()).EnumerateArray().Single(c => c.GetProperty("invitationId").GetGuid() == invitationId);
        var scanId = pending.GetProperty("scan").GetProperty("fileId").GetGuid();
        Assert.Equal("application/pdf", pending.GetProperty("scan").GetProperty("contentType").GetString());
        var scan = await admin.GetAsync($"/api/admin/family/consents/{invitationId}/scan");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal(page, await scan.Content.ReadAsByteArrayAsync());
        await (await daughterClient.GetAsync("/api/admin/family/consents")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await (await admin.PostAsJsonAsync("/api/admin/family/consents", new { invitationId, scannedFileId = scanId })).ReadJsonAsync();
        await (await daughterClient.GetAsync($"/api/appointments?patientId={fatherId}")).ReadJsonAsync();
        Assert.Equal(["appointments", "medications"], FamilyHost.Scopes(await FamilyHost.MePatientAsync(daughterClient, fatherId)));
        var listed = (await (await admin.GetAsync("/api/admin/family/consents")).ReadJsonAsync()).EnumerateArray().Select(c => c.GetProperty("invitationId").GetGuid()).ToList();
        Assert.DoesNotContain(invitationId, listed);
        Assert.Contains(secondId, listed);

        // The second form is not signed by the person: refused with a reason, nothing granted, the daughter is told.
        await (await admin.PostAsJsonAsync($"/api/admin/family/consents/{secondId}/reject", new { reason = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/family/consents/{secondId}/reject", new { reason = "Signature is not the patient's" })).StatusCode);
        var again = await (await admin.PostAsJsonAsync($"/api/admin/family/consents/{secondId}/reject", new { reason = "twice" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("invitation_not_pending", again.Code());
        Assert.DoesNotContain(secondId, (await (await admin.GetAsync("/api/admin/family/consents")).ReadJsonAsync()).EnumerateArray().Select(c => c.GetProperty("invitationId").GetGuid()));
        var members = await (await daughterClient.GetAsync("/api/family/members")).ReadJsonAsync();
        Assert.Equal(["孙大山"], members.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var notices = await (await daughterClient.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(notices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == ProxyNotifications.InvitationDeclined);
        using var scope = family.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "family.paper_consent_rejected" && e.ResourceId == secondId.ToString());
        Assert.Equal("reason=Signature is not the patient's", entry.Detail);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "family.paper_consent_read" && e.PatientId == fatherId));
    }

    [Fact]
    public async Task An_administrator_lists_and_ends_a_proxy_relation_with_a_reason_and_it_is_audit_logged()
    {
        var guardian = await family.RegisterAdultAsync("吴芳");
        var client = await family.SignInAsync(guardian.Email);
        var childId = await family.AddChildAsync(client, family.Today.AddYears(-9));
        var admin = await family.SignInAsync("admin.zhou@demo.test", TestData.DemoPassword);

        var listed = await (await admin.GetAsync($"/api/admin/patient-access?patientId={childId}")).ReadJsonAsync();
        var access = Assert.Single(listed.EnumerateArray());
        Assert.Equal(guardian.AccountId, access.GetProperty("accountId").GetGuid());
        var accessId = access.GetProperty("accessId").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/admin/patient-access/{accessId}/end", new { reason = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/patient-access/{accessId}/end", new { reason = "Court order 2026-117" })).StatusCode);

        await (await client.GetAsync($"/api/appointments?patientId={childId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var after = Assert.Single((await (await admin.GetAsync($"/api/admin/patient-access?patientId={childId}")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal("admin: Court order 2026-117", after.GetProperty("endReason").GetString());
        using var scope = family.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "patient_access.ended_by_admin" && e.ResourceId == accessId.ToString());
        Assert.Equal(childId, entry.PatientId);
        Assert.NotNull(entry.ActorAccountId);
    }

    /// <summary>
    /// The authorization matrix for people acting for others, from the live route table: every patient-facing GET that
    /// names a patient answers 404 to a proxy without the scope, a revoked proxy and a guardian whose child turned 18;
    /// a proxy with every scope passes the same check (so the 404s are the grant's doing).
    /// </summary>
    [Fact]
    public async Task Every_patient_facing_read_refuses_a_proxy_without_the_scope_a_revoked_proxy_and_an_expired_guardian()
    {
        var adult = await family.RegisterAsync("郑国强", family.Today.AddYears(-72), Sex.Male);
        var full = await family.RegisterAdultAsync("郑晓");
        var paymentsOnly = await family.RegisterAdultAsync("郑敏");
        var revoked = await family.RegisterAdultAsync("郑华");
        var adultClient = await family.SignInAsync(adult.Email);
        foreach (var (proxy, scopes) in new[] { (full, AllScopes), (paymentsOnly, ["payments"]), (revoked, AllScopes) })
        {
            var token = await InviteAndReadTokenAsync(await family.SignInAsync(proxy.Email), adult);
            await (await adultClient.PostAsJsonAsync($"/api/family/invitations/{token}/accept", new { scopes })).ReadJsonAsync();
        }

        var proxies = await (await adultClient.GetAsync("/api/family/proxies")).ReadJsonAsync();
        var revokedAccess = proxies.EnumerateArray().Single(p => p.GetProperty("accountId").GetGuid() == revoked.AccountId).GetProperty("accessId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await adultClient.DeleteAsync($"/api/family/proxies/{revokedAccess}")).StatusCode);

        var guardian = await family.RegisterAdultAsync("郑丽");
        var child = await family.AddChildAsync(await family.SignInAsync(guardian.Email), family.Today.AddYears(-18).AddDays(1), "郑小军");
        family.Clock.Advance(TimeSpan.FromDays(2));

        var callers = new (string Name, HttpClient Client, Guid PatientId, bool Allowed)[]
        {
            ("proxy with every scope", await family.SignInAsync(full.Email), adult.PatientId, true),
            ("proxy with payments only", await family.SignInAsync(paymentsOnly.Email), adult.PatientId, false),
            ("revoked proxy", await family.SignInAsync(revoked.Email), adult.PatientId, false),
            ("guardian of a child now 18", await family.SignInAsync(guardian.Email), child, false),
        };
        var endpoints = PatientReads().ToList();
        Assert.True(endpoints.Count >= 8, string.Join(", ", endpoints.Select(e => e.Name)));
        var failures = new List<string>();
        foreach (var (name, client, patientId, allowed) in callers)
        {
            foreach (var endpoint in endpoints)
            {
                var response = await client.GetAsync(endpoint.Url(patientId));
                var notFound = response.StatusCode == HttpStatusCode.NotFound;
                if (!allowed && !notFound)
                {
                    failures.Add($"{endpoint.Name} as {name}: {(int)response.StatusCode}");
                }
                else if (allowed && !endpoint.HasOtherIds && notFound)
                {
                    failures.Add($"{endpoint.Name} as {name}: 404");
                }
            }
        }

        Assert.Empty(failures);
    }

    private sealed record PatientRead(string Name, Func<Guid, string> Url, bool HasOtherIds);

    /// <summary>The GET endpoints for the Patient role that take a patient id (in the route or the query), with a callable URL.</summary>
    private IEnumerable<PatientRead> PatientReads()
    {
        foreach (var endpoint in family.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText ?? string.Empty;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var forPatients = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Roles.Patient || (a.Roles ?? string.Empty).Contains(Roles.Patient, StringComparison.Ordinal));
            var parameters = endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>();
            var inRoute = raw.Contains("{patientId", StringComparison.Ordinal);
            var inQuery = parameters.Any(p => p.Name == "patientId") && !inRoute;
            if (!raw.StartsWith("/api/", StringComparison.Ordinal) || !methods.Contains("GET") || !forPatients || !(inRoute || inQuery))
            {
                continue;
            }

            var otherGuids = parameters.Where(p => p.Name != "patientId" && p.ParameterInfo.ParameterType == typeof(Guid) && !raw.Contains("{" + p.Name, StringComparison.Ordinal)).Select(p => p.Name).ToList();
            var otherRouteIds = RouteParameter().Matches(raw).Count(m => !m.Value.StartsWith("{patientId", StringComparison.Ordinal));

            // Note: a query text the request needs (the trend's test code) is given, so validation lets the request
            // reach the guard: the 404 must be the grant's answer, not a 400 for a missing value.
            var texts = parameters.Where(p => p.ParameterInfo.ParameterType == typeof(string) && !p.ParameterInfo.HasDefaultValue && !raw.Contains("{" + p.Name, StringComparison.Ordinal)).Select(p => p.Name).ToList();
            yield return new PatientRead(
                "GET " + raw,
                patientId =>
                {
                    var path = RouteParameter().Replace(raw, m => m.Value.StartsWith("{patientId", StringComparison.Ordinal) ? patientId.ToString() : Guid.NewGuid().ToString());
                    var query = otherGuids.Select(n => $"{n}={Guid.NewGuid()}").Concat(texts.Select(n => $"{n}=2093-3")).ToList();
                    if (inQuery)
                    {
                        query.Insert(0, $"patientId={patientId}");
                    }

                    return query.Count == 0 ? path : path + "?" + string.Join('&', query);
                },
                otherGuids.Count + otherRouteIds > 0);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    private async Task<string> InviteAndReadTokenAsync(HttpClient asker, Person adult)
    {
        await (await FamilyHost.AddMemberAsync(asker, "parent", adult.Name, adult.DateOfBirth, adult.Sex, adult.IdNumber)).ReadJsonAsync(HttpStatusCode.Created);
        var adultClient = await family.SignInAsync(adult.Email);
        var notices = await (await adultClient.GetAsync("/api/notifications")).ReadJsonAsync();
        var link = notices.GetProperty("notifications").GetProperty("items").EnumerateArray()
            .First(n => n.GetProperty("kind").GetString() == ProxyNotifications.InvitationReceived).GetProperty("link").GetString()!;
        return link[(link.LastIndexOf('/') + 1)..];
    }

    /// <summary>A free in-person slot more than a day ahead, of a doctor made for the test (as the booking tests do).</summary>
    private async Task<Guid> FreeInPersonSlotAsync(HttpClient client)
    {
        var admin = await family.SignInAsync("admin.zhou@demo.test", TestData.DemoPassword);
        var departments = await (await admin.GetAsync("/api/admin/departments")).ReadJsonAsync();
        var cardiology = departments.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CARD").GetProperty("id").GetGuid();
        var created = await (await admin.PostAsJsonAsync("/api/admin/doctors", new
        {
            email = TestData.Email("doctor"),
            mobile = "13800000123",
            initialPassword = TestData.StrongPassword,
            profile = new
            {
                fullName = "儿科医生",
                departmentId = cardiology,
                title = "主治医师",
                titleEn = "Attending Physician",
                isFamilyDoctor = false,
                specialties = "儿科",
                specialtiesEn = "Paediatrics",
                bio = string.Empty,
                bioEn = string.Empty,
                languages = new[] { "zh-CN", "en" },
                inPersonFee = 50m,
                videoFee = 40m,
                licenseNumber = "110440100099998",
                practiceSinceYear = 2010,
                offersVideoVisits = true,
            },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var doctorId = created.GetProperty("id").GetGuid();
        var sessions = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = "09:00:00", end = "12:00:00", slotMinutes = 30, inPerson = true, video = true }).ToArray();
        await (await admin.PutAsJsonAsync($"/api/admin/doctors/{doctorId}/schedule", new { sessions })).ReadJsonAsync();
        var list = await (await client.GetAsync($"/api/care/doctors/{doctorId}/slots?days=14&visitType=InPerson")).ReadJsonAsync();
        return list.GetProperty("slots").EnumerateArray()
            .First(s => s.GetProperty("start").GetDateTimeOffset() > family.Clock.GetUtcNow().AddHours(30))
            .GetProperty("id").GetGuid();
    }
}

[Collection("FamilyOnSqlite")]
public sealed class FamilyMemberTestsOnSqlite(SqliteFamilyHost family) : FamilyMemberTests(family), IClassFixture<SqliteFamilyHost>;

[Collection("FamilyOnPostgres")]
public sealed class FamilyMemberTestsOnPostgres(PostgresFamilyHost family) : FamilyMemberTests(family), IClassFixture<PostgresFamilyHost>;
