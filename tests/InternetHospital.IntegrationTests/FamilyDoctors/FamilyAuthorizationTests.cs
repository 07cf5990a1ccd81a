using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

/// <summary>
/// Domain rule 15: a doctor outside the patient's team, and any other patient, get 404 (or 403 for the wrong role),
/// never data, for every family-doctor resource.
/// </summary>
public abstract class FamilyAuthorizationTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task A_doctor_outside_the_team_cannot_see_or_touch_the_patient_or_the_thread()
    {
        var team = await kit.NewTeamAsync();
        var (patient, contractId) = await kit.SignedPatientAsync(team);
        var threadId = await FamilyTestKit.StartThreadAsync(patient, "私密", "只给我的医生看");
        await FamilyTestKit.RecordAsync(patient, new { kind = "BloodPressure", systolic = 188, diastolic = 100 });
        var alertId = (await (await team.Lead.Client.GetAsync("/api/family/alerts")).ReadJsonAsync())[0].GetProperty("id").GetGuid();
        var taskId = (await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).ReadJsonAsync())
            .GetProperty("followUpPlans")[0].GetProperty("tasks")[0].GetProperty("id").GetGuid();

        var otherTeam = await kit.NewTeamAsync();
        var outsiders = new[] { otherTeam.Lead.Client, await factory.CreateClientAsAsync("dr.li@demo.test", TestData.DemoPassword) };
        foreach (var outsider in outsiders)
        {
            foreach (var response in new[]
            {
                await outsider.GetAsync($"/api/family/panel/patients/{patient.PatientId}"),
                await outsider.PutAsJsonAsync($"/api/family/panel/patients/{patient.PatientId}/assessment", new { risk = "Low", conditions = Array.Empty<string>() }),
                await outsider.PostAsJsonAsync($"/api/family/panel/patients/{patient.PatientId}/threads", new { subject = "x", body = "y" }),
                await outsider.PostAsJsonAsync($"/api/family/panel/patients/{patient.PatientId}/follow-up-plans", new { templateCode = "annual-review" }),
                await outsider.GetAsync($"/api/family/threads/{threadId}"),
                await outsider.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = "hello" }),
                await outsider.PostAsync($"/api/family/threads/{threadId}/read", null),
                await outsider.PostAsync($"/api/family/contracts/{contractId}/accept", null),
                await outsider.PostAsJsonAsync($"/api/family/contracts/{contractId}/end", new { reason = "x" }),
                await outsider.PostAsJsonAsync($"/api/family/alerts/{alertId}/acknowledge", new { note = "x" }),
                await outsider.PostAsJsonAsync($"/api/family/follow-up-tasks/{taskId}/complete", new { note = "x" }),
            })
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {body}");
                Assert.DoesNotContain("只给我的医生看", body, StringComparison.Ordinal);
            }

            var panel = await (await outsider.GetAsync("/api/family/panel")).ReadJsonAsync();
            Assert.DoesNotContain(panel.GetProperty("items").EnumerateArray(), p => p.GetProperty("patientId").GetGuid() == patient.PatientId);
            Assert.Empty((await (await outsider.GetAsync($"/api/family/team-threads?patientId={patient.PatientId}")).ReadJsonAsync()).EnumerateArray());
            Assert.DoesNotContain((await (await outsider.GetAsync("/api/family/alerts")).ReadJsonAsync()).EnumerateArray(), a => a.GetProperty("id").GetGuid() == alertId);
        }
    }

    [Fact]
    public async Task A_patient_sees_only_their_own_contracts_readings_and_threads()
    {
        var team = await kit.NewTeamAsync();
        var (patient, contractId) = await kit.SignedPatientAsync(team);
        var threadId = await FamilyTestKit.StartThreadAsync(patient, "私密", "只给我的医生看");
        var other = await kit.RegisterPatientAsync();

        foreach (var response in new[]
        {
            await other.Client.GetAsync($"/api/family/patients/{patient.PatientId}/contracts"),
            await other.Client.GetAsync($"/api/family/patients/{patient.PatientId}/measurements"),
            await other.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/measurements", new { kind = "Weight", weightKg = 60 }),
            await other.Client.GetAsync($"/api/family/patients/{patient.PatientId}/threads"),
            await other.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/threads", new { subject = "x", body = "y" }),
            await other.Client.GetAsync($"/api/family/threads/{threadId}"),
            await other.Client.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = "hi" }),
            await other.Client.PostAsJsonAsync($"/api/family/contracts/{contractId}/end", new { reason = "x" }),
            await other.Client.PostAsync($"/api/family/contracts/{contractId}/renewal-request", null),
        })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("只给我的医生看", body, StringComparison.Ordinal);
        }

        // The doctor-only parts of the API are closed to patients altogether.
        await (await patient.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await patient.Client.GetAsync("/api/family/panel")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await patient.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FamilyAuthorizationTestsOnSqlite(SqliteApiFactory factory) : FamilyAuthorizationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class FamilyAuthorizationTestsOnPostgres(PostgresApiFactory factory) : FamilyAuthorizationTests(factory);
