using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Retention;

/// <summary>An admin places and releases legal holds with a reason; both are in the patient's audit trail.</summary>
public abstract class LegalHoldTests(ApiFactory factory)
{
    [Fact]
    public async Task An_admin_places_and_releases_a_hold_with_reasons_and_both_are_audited()
    {
        var patientId = await RegisterAsync();
        var admin = await factory.CreateClientAsAsync("admin.zhou@demo.test", TestData.DemoPassword);

        var placed = await (await admin.PostAsJsonAsync("/api/admin/legal-holds", new { patientId, reason = "Court order 2026-17" })).ReadJsonAsync(HttpStatusCode.Created);
        var id = placed.GetProperty("id").GetGuid();
        Assert.Equal("Court order 2026-17", placed.GetProperty("reason").GetString());
        var second = await (await admin.PostAsJsonAsync("/api/admin/legal-holds", new { patientId, reason = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("legal_hold_exists", second.Code());

        var inForce = await (await admin.GetAsync("/api/admin/legal-holds")).ReadJsonAsync();
        Assert.Contains(inForce.EnumerateArray(), h => h.GetProperty("id").GetGuid() == id);

        var released = await (await admin.PostAsJsonAsync($"/api/admin/legal-holds/{id}/release", new { reason = "Case settled" })).ReadJsonAsync();
        Assert.Equal("Case settled", released.GetProperty("releaseReason").GetString());
        Assert.NotEqual(JsonValueKindNull, released.GetProperty("releasedAt").ValueKind);
        var again = await (await admin.PostAsJsonAsync($"/api/admin/legal-holds/{id}/release", new { reason = "Twice" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("legal_hold_released", again.Code());

        inForce = await (await admin.GetAsync("/api/admin/legal-holds")).ReadJsonAsync();
        Assert.DoesNotContain(inForce.EnumerateArray(), h => h.GetProperty("id").GetGuid() == id);
        var history = await (await admin.GetAsync($"/api/admin/legal-holds?patientId={patientId}")).ReadJsonAsync();
        Assert.Single(history.EnumerateArray());

        // The audit administrator reads who placed and released it.
        var auditor = await factory.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);
        var log = await (await auditor.GetAsync($"/api/admin/audit?patientId={patientId}")).ReadJsonAsync();
        var actions = log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("legal-hold.placed", actions);
        Assert.Contains("legal-hold.released", actions);
    }

    [Fact]
    public async Task A_hold_needs_a_known_patient_and_a_reason()
    {
        var patientId = await RegisterAsync();
        var admin = await factory.CreateClientAsAsync("admin.zhou@demo.test", TestData.DemoPassword);

        var noReason = await (await admin.PostAsJsonAsync("/api/admin/legal-holds", new { patientId, reason = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));
        await (await admin.PostAsJsonAsync("/api/admin/legal-holds", new { patientId = Guid.NewGuid(), reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/admin/legal-holds/{Guid.NewGuid()}/release", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync("/api/admin/legal-holds", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_admins_place_holds()
    {
        var patientId = await RegisterAsync();
        var doctor = await factory.CreateClientAsAsync("dr.li@demo.test", TestData.DemoPassword);

        await (await doctor.PostAsJsonAsync("/api/admin/legal-holds", new { patientId, reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task<Guid> RegisterAsync() =>
        (await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration())).ReadJsonAsync(HttpStatusCode.Created))
        .GetProperty("patientId").GetGuid();
}

[Collection(SqliteCollection.Name)]
public sealed class LegalHoldTestsOnSqlite(SqliteApiFactory factory) : LegalHoldTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class LegalHoldTestsOnPostgres(PostgresApiFactory factory) : LegalHoldTests(factory);
