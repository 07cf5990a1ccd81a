using System.Net;
using System.Net.Http.Json;
using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Application.Renewals;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

public abstract class PanelTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task The_panel_filters_by_condition_risk_overdue_follow_up_abnormal_readings_renewals_unread_messages_and_alerts()
    {
        var team = await kit.NewTeamAsync();
        var (alerted, _) = await kit.SignedPatientAsync(team, "A 危急");
        var (abnormal, _) = await kit.SignedPatientAsync(team, "B 偏高");
        var (overdue, _) = await kit.SignedPatientAsync(team, "C 逾期");
        var (writer, _) = await kit.SignedPatientAsync(team, "D 留言");
        var (renewals, _) = await kit.SignedPatientAsync(team, "E 续方");

        await FamilyTestKit.RecordAsync(alerted, new { kind = "BloodPressure", systolic = 190, diastolic = 100 });
        await FamilyTestKit.RecordAsync(abnormal, new { kind = "BloodPressure", systolic = 150, diastolic = 92 });
        await FamilyTestKit.RecordAsync(overdue, new { kind = "BloodPressure", systolic = 120, diastolic = 80 });
        await kit.InDatabaseAsync(db => db.FollowUpTasks.Where(t => t.PatientId == overdue.PatientId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10))));
        await FamilyTestKit.StartThreadAsync(writer);
        await (await team.Lead.Client.PutAsJsonAsync($"/api/family/panel/patients/{writer.PatientId}/assessment", new { risk = "High", conditions = new[] { "diabetes", "hypertension" } })).EnsureNoContentAsync();

        // What the renewals feature publishes when a request waits for a doctor.
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new PendingRenewalsChanged(renewals.PatientId, 2));
            await scope.ServiceProvider.GetRequiredService<InternetHospital.Infrastructure.Persistence.AppDbContext>().SaveChangesAsync();
        }

        Assert.Equal(["A 危急"], await NamesAsync(team, "alerts=true"));
        Assert.Equal(["A 危急", "B 偏高"], await NamesAsync(team, "abnormal=true&sort=name"));
        Assert.Equal(["C 逾期"], await NamesAsync(team, "overdue=true"));
        Assert.Equal(["D 留言"], await NamesAsync(team, "unread=true"));
        Assert.Equal(["E 续方"], await NamesAsync(team, "renewals=true"));
        Assert.Equal(["D 留言"], await NamesAsync(team, "risk=High"));
        Assert.Equal(["D 留言"], await NamesAsync(team, "condition=diabetes"));
        Assert.Equal(5, (await NamesAsync(team, "condition=hypertension")).Count);
        Assert.Equal(["C 逾期"], await NamesAsync(team, "search=逾期"));

        // The default order puts who needs the doctor first.
        var priority = await NamesAsync(team, string.Empty);
        Assert.Equal("A 危急", priority[0]);
        Assert.Equal("B 偏高", priority[1]);

        var page = await (await team.Lead.Client.GetAsync("/api/family/panel?sort=name&descending=true&page=2&pageSize=2")).ReadJsonAsync();
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(["C 逾期", "B 偏高"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        var overview = await (await team.Member.Client.GetAsync("/api/family/panel/overview")).ReadJsonAsync();
        Assert.Equal(5, overview.GetProperty("signedPatients").GetInt32());
        Assert.Equal(1, overview.GetProperty("patientsWithAlerts").GetInt32());
        Assert.Equal(1, overview.GetProperty("patientsWithUnreadMessages").GetInt32());
        Assert.Equal(1, overview.GetProperty("patientsWithOverdueFollowUp").GetInt32());
    }

    [Fact]
    public async Task Sorted_by_name_the_panel_lists_chinese_names_in_pinyin_order()
    {
        var team = await kit.NewTeamAsync();
        foreach (var name in new[] { "赵敏", "陈静", "李伟", "王芳" })
        {
            await kit.SignedPatientAsync(team, name);
        }

        // Code-point order would be 李 王 赵 陈 (U+674E, U+738B, U+8D75, U+9648).
        Assert.Equal(["陈静", "李伟", "王芳", "赵敏"], await NamesAsync(team, "sort=name"));
        Assert.Equal(["赵敏", "王芳", "李伟", "陈静"], await NamesAsync(team, "sort=name&descending=true"));
    }

    [Theory]
    [InlineData("sort=DateOfBirth; DROP TABLE Patients", "sort")]
    [InlineData("condition=flu", "condition")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("risk=Extreme", "risk")]
    public async Task Sort_and_filter_values_come_from_allow_lists(string query, string field)
    {
        var doctor = await kit.NewDoctorAsync();

        var response = await doctor.Client.GetAsync($"/api/family/panel?{query}");

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
    }

    [Fact]
    public async Task A_doctor_outside_any_team_has_an_empty_panel()
    {
        var doctor = await kit.NewDoctorAsync();

        var panel = await (await doctor.Client.GetAsync("/api/family/panel")).ReadJsonAsync();
        var overview = await (await doctor.Client.GetAsync("/api/family/panel/overview")).ReadJsonAsync();

        Assert.Equal(0, panel.GetProperty("total").GetInt32());
        Assert.False(overview.GetProperty("inTeam").GetBoolean());
    }

    [Fact]
    public async Task The_summary_shows_his_data_with_its_time_masks_identifiers_and_is_audit_logged()
    {
        var team = await kit.NewTeamAsync();
        var patient = await kit.RegisterPatientAsync("钱卫东");
        await kit.InDatabaseAsync(async db => (await db.Patients.SingleAsync(p => p.Id == patient.PatientId)).LinkToHis("H0000001"));
        var contractId = await FamilyTestKit.ApplyAsync(patient, team);
        await (await team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null)).ReadJsonAsync();
        await FamilyTestKit.RecordAsync(patient, new { kind = "BloodPressure", systolic = 142, diastolic = 88 });

        var summary = await (await team.Member.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).ReadJsonAsync();

        var demographics = summary.GetProperty("patient");
        Assert.Equal("钱卫东", demographics.GetProperty("name").GetString());
        Assert.Contains("****", demographics.GetProperty("maskedIdNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal("139****5678", demographics.GetProperty("maskedMobile").GetString());
        var diagnoses = summary.GetProperty("diagnoses");
        Assert.Equal("Available", diagnoses.GetProperty("state").GetString());
        Assert.Contains(diagnoses.GetProperty("items").EnumerateArray(), d => d.GetProperty("icd10Code").GetString() == "I10");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, diagnoses.GetProperty("asOf").ValueKind);
        Assert.Single(summary.GetProperty("allergies").GetProperty("items").EnumerateArray());
        Assert.NotEmpty(summary.GetProperty("medications").GetProperty("items").EnumerateArray());
        Assert.NotEmpty(summary.GetProperty("encounters").GetProperty("items").EnumerateArray());
        Assert.Single(summary.GetProperty("readings").GetProperty("items").EnumerateArray());
        Assert.Equal("Active", summary.GetProperty("contract").GetProperty("status").GetString());

        // Conditions from the HIS joined the panel on acceptance (I10 hypertension, E78 dyslipidaemia).
        Assert.Equal(["dyslipidaemia", "hypertension"], summary.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));

        var reads = await kit.FromDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.PatientId == patient.PatientId && a.Action == "family.summary.read" && a.ActorAccountId == team.Member.AccountId));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Follow_up_tasks_are_completed_with_a_note_and_the_next_one_is_scheduled()
    {
        var team = await kit.NewTeamAsync("diabetes");
        var (patient, _) = await kit.SignedPatientAsync(team);
        var summary = await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).ReadJsonAsync();
        var plan = Assert.Single(summary.GetProperty("followUpPlans").EnumerateArray());
        Assert.Equal("diabetes-hba1c-review", plan.GetProperty("templateCode").GetString());
        var task = Assert.Single(plan.GetProperty("tasks").EnumerateArray());
        var taskId = task.GetProperty("id").GetGuid();

        var noNote = await team.Lead.Client.PostAsJsonAsync($"/api/family/follow-up-tasks/{taskId}/complete", new { note = "" });
        Assert.NotEmpty((await noNote.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("note"));

        var completed = await (await team.Member.Client.PostAsJsonAsync($"/api/family/follow-up-tasks/{taskId}/complete", new { note = "HbA1c 6.8%，继续二甲双胍" })).ReadJsonAsync();
        var tasks = completed.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(2, tasks.Count);
        Assert.Equal("Due", tasks[0].GetProperty("status").GetString());
        Assert.Equal("Completed", tasks[1].GetProperty("status").GetString());
        Assert.True(tasks[0].GetProperty("dueOn").GetDateTime() > DateTime.UtcNow.AddDays(80));

        // Another plan from a template; the same template twice is a conflict.
        var started = await team.Lead.Client.PostAsJsonAsync($"/api/family/panel/patients/{patient.PatientId}/follow-up-plans", new { templateCode = "elderly-annual-check", firstDueOn = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd") });
        var elderly = await started.ReadJsonAsync(HttpStatusCode.Created);
        var twice = await team.Lead.Client.PostAsJsonAsync($"/api/family/panel/patients/{patient.PatientId}/follow-up-plans", new { templateCode = "elderly-annual-check" });
        Assert.Equal("plan_already_active", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(HttpStatusCode.NoContent, (await team.Lead.Client.PostAsync($"/api/family/follow-up-plans/{elderly.GetProperty("id").GetGuid()}/stop", null)).StatusCode);
    }

    [Fact]
    public async Task A_video_follow_up_booked_for_a_task_links_it_and_it_is_no_longer_overdue()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);
        var task = await kit.FromDatabaseAsync(db => db.FollowUpTasks.SingleAsync(t => t.PatientId == patient.PatientId));
        await kit.InDatabaseAsync(db => db.FollowUpTasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3))));
        Assert.Single(await NamesAsync(team, "overdue=true"));
        var appointmentId = Guid.NewGuid();

        // What the booking feature publishes when a doctor books from a follow-up task.
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new FollowUpVisitBooked(task.Id, patient.PatientId, appointmentId, DateTimeOffset.UtcNow.AddDays(2)));
            await scope.ServiceProvider.GetRequiredService<InternetHospital.Infrastructure.Persistence.AppDbContext>().SaveChangesAsync();
        }

        var booked = await kit.FromDatabaseAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(FollowUpTaskStatus.Booked, booked.Status);
        Assert.Equal(appointmentId, booked.AppointmentId);
        Assert.Empty(await NamesAsync(team, "overdue=true"));
    }

    private static async Task<List<string>> NamesAsync(FamilyTestKit.TestTeam team, string query)
    {
        var panel = await (await team.Lead.Client.GetAsync($"/api/family/panel?{query}")).ReadJsonAsync();
        return panel.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }
}

internal static class ResponseAssertions
{
    public static async Task EnsureNoContentAsync(this HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Expected 204, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}

[Collection(SqliteCollection.Name)]
public sealed class PanelTestsOnSqlite(SqliteApiFactory factory) : PanelTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PanelTestsOnPostgres(PostgresApiFactory factory) : PanelTests(factory);
