using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.Renewals;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

/// <summary>The panel's "pending renewal requests" filter follows real renewal requests, end to end.</summary>
public abstract class PanelRenewalsTests(ApiFactory factory)
{
    private readonly FamilyTestKit family = new(factory);
    private readonly RenewalTestKit renewals = new(factory);

    [Fact]
    public async Task A_renewal_request_flags_the_patient_on_the_panel_until_a_doctor_decides()
    {
        var team = await family.NewTeamAsync();
        var person = await renewals.PatientAsync("周建华");
        var patient = new FamilyTestKit.TestPatient(person.Email, person.Client, person.PatientId);

        // A request made before the patient signs counts once they join the panel.
        var request = await RenewalTestKit.SubmitAsync(person);
        var contractId = await FamilyTestKit.ApplyAsync(patient, team);
        await (await team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null)).ReadJsonAsync();
        Assert.Equal(["周建华"], await PendingAsync(team));

        // The family doctor decides (they are now one of the doctors it is routed to): it no longer waits.
        var id = request.GetProperty("id").GetGuid();
        await (await team.Lead.Client.PostAsJsonAsync($"/api/doctor/renewals/{id}/reject", new { reason = "请先来门诊复查血压。" })).ReadJsonAsync();
        Assert.Empty(await PendingAsync(team));
    }

    private static async Task<List<string>> PendingAsync(FamilyTestKit.TestTeam team)
    {
        var panel = await (await team.Lead.Client.GetAsync("/api/family/panel?renewals=true")).ReadJsonAsync();
        return panel.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PanelRenewalsTestsOnSqlite(SqliteApiFactory factory) : PanelRenewalsTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PanelRenewalsTestsOnPostgres(PostgresApiFactory factory) : PanelRenewalsTests(factory);
