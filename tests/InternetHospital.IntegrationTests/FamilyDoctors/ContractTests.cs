using System.Net;
using System.Net.Http.Json;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

public abstract class ContractTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task A_patient_applies_the_team_accepts_and_the_contract_runs_one_year_from_acceptance()
    {
        var team = await kit.NewTeamAsync();
        var patient = await kit.RegisterPatientAsync("王丽华");

        var catalogue = await (await patient.Client.GetAsync("/api/family/teams")).ReadJsonAsync();
        Assert.Contains(catalogue.GetProperty("teams").EnumerateArray(), t => t.GetProperty("id").GetGuid() == team.TeamId);
        // The seeded packages come first; packages other tests add through the admin API sort after them.
        Assert.Equal(["basic", "hypertension", "diabetes", "elderly"], catalogue.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Take(4));
        Assert.Equal("CNY", catalogue.GetProperty("currency").GetString());

        var contractId = await FamilyTestKit.ApplyAsync(patient, team, "希望签约");
        var pending = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync();
        Assert.Equal("Pending", pending.GetProperty("current").GetProperty("status").GetString());

        // The member of the team (not only the lead) sees it and may decide.
        var applications = await (await team.Member.Client.GetAsync("/api/family/applications")).ReadJsonAsync();
        var application = Assert.Single(applications.EnumerateArray());
        Assert.Equal("王丽华", application.GetProperty("patientName").GetString());
        Assert.Equal("希望签约", application.GetProperty("note").GetString());
        Assert.Contains("**********", application.GetProperty("maskedIdNumber").GetString(), StringComparison.Ordinal);

        var accepted = await (await team.Member.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null)).ReadJsonAsync();
        Assert.Equal("Active", accepted.GetProperty("status").GetString());
        var starts = accepted.GetProperty("startsAt").GetDateTimeOffset();
        Assert.Equal(starts.AddYears(1), accepted.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(["applied", "accepted"], accepted.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        var mail = await Mailbox.WaitForAsync(patient.Email, "家庭医生签约成功");
        Assert.Contains("测试团队", mail.TextBody, StringComparison.Ordinal);

        // Renewals and messaging ask the care relationship: the team, lead first.
        using var scope = factory.Services.CreateScope();
        var care = scope.ServiceProvider.GetRequiredService<ICareRelationships>();
        Assert.Equal([team.Lead.DoctorId, team.Member.DoctorId], await care.FamilyDoctorsOfAsync(patient.PatientId, CancellationToken.None));
        Assert.True(await care.IsFamilyDoctorOfAsync(team.Member.DoctorId, patient.PatientId, CancellationToken.None));

        // The package's follow-up plan started with the contract.
        var summary = await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).ReadJsonAsync();
        var plan = Assert.Single(summary.GetProperty("followUpPlans").EnumerateArray());
        Assert.Equal("hypertension-bp-review", plan.GetProperty("templateCode").GetString());
        Assert.Equal(["hypertension"], summary.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_patient_has_one_pending_or_active_contract_and_the_database_says_so_too()
    {
        var team = await kit.NewTeamAsync();
        var other = await kit.NewTeamAsync();
        var patient = await kit.RegisterPatientAsync();
        var contractId = await FamilyTestKit.ApplyAsync(patient, team);

        var second = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/contracts", new { teamId = other.TeamId, packageId = other.PackageId });
        Assert.Equal("application_pending", (await second.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        await (await team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null)).ReadJsonAsync();
        var third = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/contracts", new { teamId = other.TeamId, packageId = other.PackageId });
        Assert.Equal("contract_already_active", (await third.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        // Behind the handler's check, the filtered unique index refuses a second open contract.
        await Assert.ThrowsAsync<UniqueConstraintException>(() => kit.InDatabaseAsync(db =>
        {
            db.FamilyContracts.Add(FamilyContract.Apply(patient.PatientId, other.TeamId, other.PackageId, Guid.NewGuid(), null, DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        }));
    }

    [Fact]
    public async Task Two_applications_racing_each_other_give_one_contract_and_one_conflict()
    {
        var team = await kit.NewTeamAsync();
        var patient = await kit.RegisterPatientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/contracts", new { teamId = team.TeamId, packageId = team.PackageId })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await kit.FromDatabaseAsync(db => db.FamilyContracts.CountAsync(c => c.PatientId == patient.PatientId)));
    }

    [Fact]
    public async Task A_decline_needs_a_reason_the_patient_sees_it_and_can_apply_again()
    {
        var team = await kit.NewTeamAsync();
        var patient = await kit.RegisterPatientAsync();
        var contractId = await FamilyTestKit.ApplyAsync(patient, team);

        var noReason = await team.Lead.Client.PostAsJsonAsync($"/api/family/contracts/{contractId}/decline", new { reason = "" });
        Assert.NotEmpty((await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason"));

        await (await team.Lead.Client.PostAsJsonAsync($"/api/family/contracts/{contractId}/decline", new { reason = "您的住址不在本团队服务范围内" })).ReadJsonAsync();
        var contracts = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, contracts.GetProperty("current").ValueKind);
        var declined = Assert.Single(contracts.GetProperty("history").EnumerateArray());
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        Assert.Equal("您的住址不在本团队服务范围内", declined.GetProperty("declineReason").GetString());

        // The e-mail says it was not accepted, without the reason.
        var mail = await Mailbox.WaitForAsync(patient.Email, "未通过");
        Assert.DoesNotContain("住址", mail.TextBody, StringComparison.Ordinal);

        // Deciding twice is a conflict; applying again is allowed.
        var again = await team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null);
        Assert.Equal("contract_not_pending", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        await FamilyTestKit.ApplyAsync(patient, team);
    }

    [Fact]
    public async Task A_pending_application_can_be_withdrawn_by_the_patient_only()
    {
        var team = await kit.NewTeamAsync();
        var patient = await kit.RegisterPatientAsync();
        var stranger = await kit.RegisterPatientAsync();
        var contractId = await FamilyTestKit.ApplyAsync(patient, team);

        await (await stranger.Client.PostAsync($"/api/family/contracts/{contractId}/withdraw", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.PostAsync($"/api/family/contracts/{contractId}/withdraw", null)).StatusCode);

        var contracts = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync();
        Assert.Equal("Withdrawn", contracts.GetProperty("history")[0].GetProperty("status").GetString());
        Assert.Empty((await (await team.Lead.Client.GetAsync("/api/family/applications")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Ending_early_needs_a_reason_closes_conversations_to_new_messages_and_keeps_them_readable()
    {
        var team = await kit.NewTeamAsync();
        var (patient, contractId) = await kit.SignedPatientAsync(team);
        var threadId = await FamilyTestKit.StartThreadAsync(patient);

        var noReason = await patient.Client.PostAsJsonAsync($"/api/family/contracts/{contractId}/end", new { reason = " " });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.PostAsJsonAsync($"/api/family/contracts/{contractId}/end", new { reason = "搬家到外地" })).StatusCode);
        await Mailbox.WaitForAsync(team.Lead.Email, "签约已解除");

        var contracts = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync();
        var ended = contracts.GetProperty("history")[0];
        Assert.Equal("Ended", ended.GetProperty("status").GetString());
        Assert.Equal("Patient", ended.GetProperty("endedBy").GetString());
        Assert.Equal("搬家到外地", ended.GetProperty("endReason").GetString());

        // The history stays readable for both sides; nobody can write or start a new conversation.
        var thread = await (await patient.Client.GetAsync($"/api/family/threads/{threadId}")).ReadJsonAsync();
        Assert.False(thread.GetProperty("open").GetBoolean());
        Assert.Single(thread.GetProperty("messages").EnumerateArray());
        await (await team.Lead.Client.GetAsync($"/api/family/threads/{threadId}")).ReadJsonAsync();
        var reply = await team.Lead.Client.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = "好的" });
        Assert.Equal("conversation_closed", (await reply.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        var newThread = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/threads", new { subject = "再问一下", body = "还可以问吗？" });
        Assert.Equal("no_family_doctor", (await newThread.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());

        // The team no longer sees the patient.
        await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_team_can_end_a_contract_too_and_the_patient_is_told()
    {
        var team = await kit.NewTeamAsync();
        var (patient, contractId) = await kit.SignedPatientAsync(team);

        Assert.Equal(HttpStatusCode.NoContent, (await team.Member.Client.PostAsJsonAsync($"/api/family/contracts/{contractId}/end", new { reason = "患者已转至其他社区" })).StatusCode);

        await Mailbox.WaitForAsync(patient.Email, "签约已解除");
        var ended = (await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync()).GetProperty("history")[0];
        Assert.Equal("Team", ended.GetProperty("endedBy").GetString());
        var twice = await team.Member.Client.PostAsJsonAsync($"/api/family/contracts/{contractId}/end", new { reason = "again" });
        Assert.Equal("contract_not_active", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task Renewal_opens_30_days_before_the_end_with_one_reminder_and_extends_the_contract_by_a_year()
    {
        var team = await kit.NewTeamAsync();
        var (patient, contractId) = await kit.SignedPatientAsync(team);

        var early = await patient.Client.PostAsync($"/api/family/contracts/{contractId}/renewal-request", null);
        Assert.Equal("renewal_not_open", (await early.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());

        // Eleven months later: the contract ends in 20 days.
        var endsAt = DateTimeOffset.UtcNow.AddDays(20);
        await kit.InDatabaseAsync(db => db.FamilyContracts.Where(c => c.Id == contractId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartsAt, endsAt.AddYears(-1)).SetProperty(c => c.EndsAt, endsAt)));

        var first = await RunLifecycleAsync();
        Assert.True(first.Reminded >= 1);
        await Mailbox.WaitForAsync(patient.Email, "即将到期");
        await RunLifecycleAsync();
        Assert.Single(await Mailbox.ListAsync(patient.Email), m => m.Subject?.Contains("即将到期", StringComparison.Ordinal) == true);

        var contracts = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync();
        Assert.True(contracts.GetProperty("current").GetProperty("canRequestRenewal").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.PostAsync($"/api/family/contracts/{contractId}/renewal-request", null)).StatusCode);
        var applications = await (await team.Lead.Client.GetAsync("/api/family/applications")).ReadJsonAsync();
        Assert.Equal("Renewal", Assert.Single(applications.EnumerateArray()).GetProperty("kind").GetString());

        // A team that has stopped offering the contract's package cannot renew it for another year.
        await OfferOnlyAsync(team.TeamId, "basic");
        var notOffered = await team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/renewal/accept", null);
        Assert.Equal("package_not_offered", (await notOffered.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        await OfferOnlyAsync(team.TeamId, null);

        Assert.Equal(HttpStatusCode.NoContent, (await team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/renewal/accept", null)).StatusCode);
        var renewed = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync();
        var current = renewed.GetProperty("current");
        Assert.Equal(2, current.GetProperty("terms").GetInt32());
        Assert.Equal(endsAt.AddYears(1).ToUnixTimeSeconds(), current.GetProperty("endsAt").GetDateTimeOffset().ToUnixTimeSeconds());
        await Mailbox.WaitForAsync(patient.Email, "已续约");
    }

    /// <summary>Narrows the team's offer to one package (by code), or widens it to all (null).</summary>
    private Task OfferOnlyAsync(Guid teamId, string? packageCode) => kit.InDatabaseAsync(async db =>
    {
        var team = await db.FamilyTeams.Include(t => t.Packages).SingleAsync(t => t.Id == teamId);
        var ids = packageCode is null ? [] : await db.ServicePackages.Where(p => p.Code == packageCode).Select(p => p.Id).ToListAsync();
        team.OfferPackages(ids);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_contract_past_its_end_expires_and_nobody_is_the_patients_family_doctor_any_more()
    {
        var team = await kit.NewTeamAsync();
        var (patient, contractId) = await kit.SignedPatientAsync(team);
        var ended = DateTimeOffset.UtcNow.AddMinutes(-1);
        await kit.InDatabaseAsync(db => db.FamilyContracts.Where(c => c.Id == contractId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartsAt, ended.AddYears(-1)).SetProperty(c => c.EndsAt, ended)));

        // Even before the job runs, a contract past its end is not in force.
        await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var result = await RunLifecycleAsync();
        Assert.True(result.Expired >= 1);
        var contracts = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts")).ReadJsonAsync();
        Assert.Equal("Expired", contracts.GetProperty("history")[0].GetProperty("status").GetString());
        using var scope = factory.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ICareRelationships>().FamilyDoctorsOfAsync(patient.PatientId, CancellationToken.None));

        // The patient may sign again.
        await FamilyTestKit.ApplyAsync(patient, team);
    }

    private async Task<ContractLifecycleResult> RunLifecycleAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ProcessFamilyContractLifecycle());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContractTestsOnSqlite(SqliteApiFactory factory) : ContractTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ContractTestsOnPostgres(PostgresApiFactory factory) : ContractTests(factory);
