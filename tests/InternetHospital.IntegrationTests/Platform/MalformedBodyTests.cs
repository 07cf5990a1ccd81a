using System.Net;
using System.Net.Http.Json;
using System.Text;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>The bodies the attack run answered with a 500: each is a 400 problem with a code, and changes nothing.</summary>
[Collection(SqliteCollection.Name)]
public sealed class MalformedBodyTests(SqliteApiFactory factory)
{
    [Theory]
    [InlineData("POST", "/api/admin/family-teams", "{}")]
    [InlineData("POST", "/api/admin/family-teams", "{\"name\":\"x\",\"doctorIds\":null}")]
    [InlineData("PUT", "/api/admin/family-teams/{team}", "{}")]
    [InlineData("PUT", "/api/admin/family-packages/{package}", "{}")]
    [InlineData("PUT", "/api/admin/family-packages/{package}", "{\"includesEn\":[null]}")]
    [InlineData("PUT", "/api/admin/family-packages/{package}", "{\"includes\":null,\"includesEn\":null}")]
    [InlineData("PUT", "/api/admin/doctors/{doctor}/schedule", "{\"sessions\":[null]}")]
    public async Task Admin_bodies_with_missing_or_null_lists_get_400(string method, string path, string body)
    {
        var admin = await factory.CreateClientAsAsync("admin.zhou@demo.test", TestData.DemoPassword);
        var teams = await (await admin.GetAsync("/api/admin/family-teams")).ReadJsonAsync();
        var packages = await (await admin.GetAsync("/api/admin/family-packages")).ReadJsonAsync();
        var doctors = await (await admin.GetAsync("/api/admin/doctors")).ReadJsonAsync();
        var url = path
            .Replace("{team}", teams[0].GetProperty("id").GetString(), StringComparison.Ordinal)
            .Replace("{package}", packages[0].GetProperty("id").GetString(), StringComparison.Ordinal)
            .Replace("{doctor}", FirstId(doctors), StringComparison.Ordinal);

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.Code()));
    }

    [Fact]
    public async Task A_visit_note_with_a_null_diagnosis_gets_400_and_is_not_saved()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);

        var response = await doctor.Api.PutAsJsonAsync($"/api/video-visits/{booked.AppointmentId}/note", new { chiefComplaint = "Headache", diagnoses = new object?[] { null } });

        Assert.Equal("validation_failed", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        var visit = await (await doctor.Api.GetAsync($"/api/video-visits/{booked.AppointmentId}")).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, visit.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task A_renewal_request_with_a_null_item_gets_400()
    {
        var patient = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword);
        var me = await (await patient.GetAsync("/api/me")).ReadJsonAsync();
        var patientId = me.GetProperty("patients")[0].GetProperty("id").GetGuid();

        var response = await patient.PostAsJsonAsync($"/api/patients/{patientId}/renewals", new { items = new object?[] { null }, fulfilment = "Pickup" });

        Assert.Equal("validation_failed", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
    }

    private static string FirstId(System.Text.Json.JsonElement list) =>
        (list.ValueKind == System.Text.Json.JsonValueKind.Array ? list : list.GetProperty("items"))[0].GetProperty("id").GetString()!;
}
