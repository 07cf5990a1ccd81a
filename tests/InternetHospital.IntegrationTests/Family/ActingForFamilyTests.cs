using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Family;

/// <summary>
/// Issue 15 in the features a guardian uses for a child: renewing a young child's regular medicine (domain rule 4: only
/// with the guardian present; the doctor and the pharmacist see who asked) and lists that name whose item each line is.
/// </summary>
public abstract class ActingForFamilyTests(FamilyHost family)
{
    /// <summary>The demo HIS's child record (张小宝): asthma diagnosed in person by 陈静, montelukast 4 mg every evening.</summary>
    private const string DemoChildHisRecord = "H0000003";

    private const string Montelukast = "R03DC03-4";

    [Fact]
    public async Task A_guardian_renews_a_child_under_6_only_confirming_presence_and_the_doctor_and_pharmacist_see_who_asked()
    {
        var guardian = await family.RegisterAdultAsync("周敏");
        var client = await family.SignInAsync(guardian.Email);
        var childId = await family.AddChildAsync(client, family.Today.AddYears(-4).AddDays(-20), "周小宝");
        await LinkToHisAsync(childId, DemoChildHisRecord);
        var drugId = await DrugIdAsync(client, childId, Montelukast);

        var refused = await (await SubmitAsync(client, childId, drugId, guardianPresent: null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("guardian_presence_required", refused.Code());
        var refusedFalse = await (await SubmitAsync(client, childId, drugId, guardianPresent: false)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("guardian_presence_required", refusedFalse.Code());
        Assert.Equal(0, await CountRenewalsAsync(childId));

        var submitted = await (await SubmitAsync(client, childId, drugId, guardianPresent: true)).ReadJsonAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("id").GetGuid();
        using (var scope = family.Host.Services.CreateScope())
        {
            var request = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RenewalRequests.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal(childId, request.PatientId);
            Assert.Equal(guardian.AccountId, request.RequestedByAccountId);
            Assert.Equal("周敏", request.AttendingName);
            Assert.Equal("guardian", request.AttendingRelation);
            Assert.True(request.GuardianPresent);
        }

        var list = await (await client.GetAsync($"/api/patients/{childId}/renewals")).ReadJsonAsync();
        Assert.Equal("周小宝", Assert.Single(list.EnumerateArray()).GetProperty("patientName").GetString());

        // The family doctor who prescribed it in the HIS decides, seeing that the child's guardian asked and is present.
        var doctor = await family.SignInAsync("dr.chen@demo.test", TestData.DemoPassword);
        var forDoctor = await (await doctor.GetAsync($"/api/doctor/renewals/{id}")).ReadJsonAsync();
        Assert.Equal("周小宝", forDoctor.GetProperty("patient").GetProperty("name").GetString());
        AssertAttending(forDoctor, "周敏", "guardian", guardianPresent: true);
        var itemId = forDoctor.GetProperty("items")[0].GetProperty("item").GetProperty("id").GetGuid();
        await (await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { lines = new[] { new { itemId, doseAmount = 4, frequency = "qn", daysSupply = 28 } } })).ReadJsonAsync();

        var pharmacist = await family.SignInAsync("pharmacist.sun@demo.test", TestData.DemoPassword);
        await (await pharmacist.PutAsJsonAsync("/api/pharmacy/duty", new { onDuty = true })).ReadJsonAsync();
        var forPharmacist = await (await pharmacist.GetAsync($"/api/pharmacy/renewals/{id}")).ReadJsonAsync();
        AssertAttending(forPharmacist, "周敏", "guardian", guardianPresent: true);
    }

    [Fact]
    public async Task A_child_of_6_or_more_is_renewed_without_the_presence_confirmation_and_a_patient_asking_for_themselves_has_nobody_attending()
    {
        var guardian = await family.RegisterAdultAsync("吴静");
        var client = await family.SignInAsync(guardian.Email);
        var childId = await family.AddChildAsync(client, family.Today.AddYears(-7), "吴小宇");
        await LinkToHisAsync(childId, DemoChildHisRecord);
        await LinkToHisAsync(guardian.PatientId, DemoChildHisRecord);

        var forChild = await (await SubmitAsync(client, childId, await DrugIdAsync(client, childId, Montelukast), guardianPresent: null)).ReadJsonAsync(HttpStatusCode.Created);
        var forSelf = await (await SubmitAsync(client, guardian.PatientId, await DrugIdAsync(client, guardian.PatientId, Montelukast), guardianPresent: null)).ReadJsonAsync(HttpStatusCode.Created);

        var doctor = await family.SignInAsync("dr.chen@demo.test", TestData.DemoPassword);
        AssertAttending(await (await doctor.GetAsync($"/api/doctor/renewals/{forChild.GetProperty("id").GetGuid()}")).ReadJsonAsync(), "吴静", "guardian", guardianPresent: false);
        var own = await (await doctor.GetAsync($"/api/doctor/renewals/{forSelf.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, own.GetProperty("attending").ValueKind);
    }

    [Fact]
    public async Task The_demo_guardian_can_renew_the_demo_childs_regular_medicine()
    {
        var zhangWei = await family.SignInAsync("zhangwei@demo.test", TestData.DemoPassword);
        var me = await (await zhangWei.GetAsync("/api/me")).ReadJsonAsync();
        var child = me.GetProperty("patients").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "张小宝");
        Assert.True(child.GetProperty("guardianMustAttend").GetBoolean());

        var medications = await (await zhangWei.GetAsync($"/api/patients/{child.GetProperty("id").GetGuid()}/medications")).ReadJsonAsync();
        Assert.True(medications.GetProperty("hisLinked").GetBoolean());
        var montelukast = Assert.Single(medications.GetProperty("medications").EnumerateArray(), m => m.GetProperty("medication").GetProperty("code").GetString() == Montelukast);
        Assert.False(montelukast.GetProperty("medication").GetProperty("specialControl").GetBoolean());
        Assert.True(montelukast.GetProperty("renewal").GetProperty("eligible").GetBoolean(), montelukast.ToString());
    }

    [Fact]
    public async Task My_video_visits_name_the_patient_of_each_visit_when_the_account_acts_for_several_people()
    {
        var guardian = await family.RegisterAdultAsync("孙丽华");
        var client = await family.SignInAsync(guardian.Email);
        var childId = await family.AddChildAsync(client, family.Today.AddYears(-8), "孙小雨");
        var own = await VisitScenario.BookAsync(family.Host.Services, () => Task.FromResult(new User(client, string.Empty, guardian.AccountId, guardian.PatientId)), startsIn: TimeSpan.FromHours(2));
        var child = await VisitScenario.BookAsync(family.Host.Services, () => Task.FromResult(new User(client, string.Empty, guardian.AccountId, childId)), startsIn: TimeSpan.FromHours(3));

        var mine = await (await client.GetAsync("/api/video-visits/mine")).ReadJsonAsync();
        var visits = mine.EnumerateArray().ToDictionary(v => v.GetProperty("visitId").GetGuid());
        Assert.Equal(2, visits.Count);
        Assert.Equal(guardian.PatientId, visits[own.AppointmentId].GetProperty("patientId").GetGuid());
        Assert.Equal("孙丽华", visits[own.AppointmentId].GetProperty("patientName").GetString());
        Assert.Equal(childId, visits[child.AppointmentId].GetProperty("patientId").GetGuid());
        Assert.Equal("孙小雨", visits[child.AppointmentId].GetProperty("patientName").GetString());
    }

    [Fact]
    public async Task Notices_of_what_a_proxy_did_reach_everyone_acting_for_the_patient_in_that_scope_naming_the_patient_and_the_proxy()
    {
        var adult = await family.RegisterAsync("郑国强", family.Today.AddYears(-72), Sex.Male);
        var proxy = await family.RegisterAdultAsync("郑晓");
        var resultsOnly = await family.RegisterAdultAsync("郑敏");
        await family.GrantProxyAsync(proxy, adult, ["appointments", "payments"]);
        await family.GrantProxyAsync(resultsOnly, adult, ["results"]);

        // The proxy booked and paid for the father's visit, and cancels it.
        var proxyClient = await family.SignInAsync(proxy.Email);
        var booked = await VisitScenario.BookAsync(family.Host.Services, () => Task.FromResult(new User(proxyClient, string.Empty, proxy.AccountId, adult.PatientId)), startsIn: TimeSpan.FromDays(2));
        await (await proxyClient.PostAsync($"/api/appointments/{booked.AppointmentId}/cancel", null)).ReadJsonAsync();

        // The father reads what was done for him; his own subject is as ever.
        var toAdult = await family.WaitForMailAsync(adult.Email, "预约已取消");
        Assert.StartsWith("预约已取消", toAdult.Subject, StringComparison.Ordinal);
        Assert.StartsWith("郑晓 为 郑国强 取消了预约。", toAdult.TextBody, StringComparison.Ordinal);

        // The proxy's copy says whose appointment it is, in the subject too.
        var toProxy = await family.WaitForMailAsync(proxy.Email, "预约已取消");
        Assert.StartsWith("【郑国强】", toProxy.Subject, StringComparison.Ordinal);
        Assert.StartsWith("郑晓 为 郑国强 取消了预约。", toProxy.TextBody, StringComparison.Ordinal);
        var refund = await family.WaitForMailAsync(proxy.Email, "退款通知");
        Assert.StartsWith("【郑国强】", refund.Subject, StringComparison.Ordinal);
        Assert.StartsWith("就诊人：郑国强（由 郑晓 代为办理）", refund.TextBody, StringComparison.Ordinal);

        var proxyNotice = (await NoticesAsync(proxyClient)).Single(n => n.GetProperty("kind").GetString() == "appointment.cancelled");
        Assert.Equal("郑国强", proxyNotice.GetProperty("parameters").GetProperty("patientName").GetString());
        Assert.Equal("郑晓", proxyNotice.GetProperty("parameters").GetProperty("actorName").GetString());
        Assert.Equal(adult.PatientId, proxyNotice.GetProperty("parameters").GetProperty("patientId").GetGuid());

        // A proxy for results only hears nothing of appointments or payments.
        var kinds = (await NoticesAsync(await family.SignInAsync(resultsOnly.Email))).Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.DoesNotContain(kinds, k => k!.StartsWith("appointment.", StringComparison.Ordinal) || k.StartsWith("payment.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guardians_renewal_notice_names_the_child_and_the_guardian_in_both_languages()
    {
        var guardian = await family.RegisterAdultAsync("冯雪");
        var client = await family.SignInAsync(guardian.Email);
        var childId = await family.AddChildAsync(client, family.Today.AddYears(-3), "冯小乐");
        await LinkToHisAsync(childId, DemoChildHisRecord);
        var drugId = await DrugIdAsync(client, childId, Montelukast);
        await (await SubmitAsync(client, childId, drugId, guardianPresent: true)).ReadJsonAsync(HttpStatusCode.Created);
        var zh = await family.WaitForMailAsync(guardian.Email, "续方申请已提交");
        Assert.StartsWith("【冯小乐】续方申请已提交", zh.Subject, StringComparison.Ordinal);
        Assert.StartsWith("冯雪 为 冯小乐 申请了续方。", zh.TextBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/me/preferences", new { language = "en" })).StatusCode);
        var second = await family.AddChildAsync(client, family.Today.AddYears(-2), "冯小安");
        await LinkToHisAsync(second, DemoChildHisRecord);
        await (await SubmitAsync(client, second, await DrugIdAsync(client, second, Montelukast), guardianPresent: true)).ReadJsonAsync(HttpStatusCode.Created);
        var en = await family.WaitForMailAsync(guardian.Email, "Renewal request received");
        Assert.StartsWith("冯小安: Renewal request received", en.Subject, StringComparison.Ordinal);
        Assert.StartsWith("冯雪 asked for a medicine renewal for 冯小安.", en.TextBody, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<JsonElement>> NoticesAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/notifications")).ReadJsonAsync()).GetProperty("notifications").GetProperty("items").EnumerateArray()];

    private static void AssertAttending(JsonElement view, string name, string relation, bool guardianPresent)
    {
        var attending = view.GetProperty("attending");
        Assert.Equal(name, attending.GetProperty("name").GetString());
        Assert.Equal(relation, attending.GetProperty("relation").GetString());
        Assert.Equal(guardianPresent, attending.GetProperty("guardianPresent").GetBoolean());
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid patientId, Guid drugId, bool? guardianPresent)
    {
        var items = new[] { new { drugId, daysSupply = 28 } };
        return guardianPresent is { } present
            ? client.PostAsJsonAsync($"/api/patients/{patientId}/renewals", new { items, fulfilment = "Pickup", guardianPresent = present })
            : client.PostAsJsonAsync($"/api/patients/{patientId}/renewals", new { items, fulfilment = "Pickup" });
    }

    private static async Task<Guid> DrugIdAsync(HttpClient client, Guid patientId, string code)
    {
        var medications = await (await client.GetAsync($"/api/patients/{patientId}/medications")).ReadJsonAsync();
        return medications.GetProperty("medications").EnumerateArray()
            .Select(m => m.GetProperty("medication"))
            .First(m => m.GetProperty("code").GetString() == code)
            .GetProperty("drugId").GetGuid();
    }

    private async Task LinkToHisAsync(Guid patientId, string hisPatientId)
    {
        using var scope = family.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Patients.SingleAsync(p => p.Id == patientId)).LinkToHis(hisPatientId);
        await db.SaveChangesAsync();
    }

    private async Task<int> CountRenewalsAsync(Guid patientId)
    {
        using var scope = family.Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RenewalRequests.CountAsync(r => r.PatientId == patientId);
    }
}

[Collection("FamilyOnSqlite")]
public sealed class ActingForFamilyTestsOnSqlite(SqliteFamilyHost family) : ActingForFamilyTests(family), IClassFixture<SqliteFamilyHost>;

[Collection("FamilyOnPostgres")]
public sealed class ActingForFamilyTestsOnPostgres(PostgresFamilyHost family) : ActingForFamilyTests(family), IClassFixture<PostgresFamilyHost>;
