using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Accounts;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Emergency;

/// <summary>
/// The emergency set-up through the HTTP pipeline: the security administrator makes an account a paramedic, the
/// consortium's administrator puts it on a new service's crew, and it can start a case until it is taken off the crew
/// or the service is deactivated; an institution's administrator sets up its own receiving hospital and pathway teams,
/// never another institution's. Bad input changes nothing; every change is audit-logged.
/// </summary>
public abstract class EmergencyAdministrationTests(ApiFactory factory)
{
    private Task<HttpClient> ConsortiumAdminAsync() => factory.CreateClientAsAsync(DemoAccounts.SystemAdmin.Email, TestData.DemoPassword);

    private Task<HttpClient> CommunityAdminAsync() => factory.CreateClientAsAsync(DemoAccounts.CommunityAdmin.Email, TestData.DemoPassword);

    private Task<HttpClient> SecurityAdminAsync() => factory.CreateClientAsAsync(DemoAccounts.SecurityAdmin.Email, TestData.DemoPassword);

    private async Task<T> FromDatabaseAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<Guid> AccountIdAsync(string email) => FromDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<string>> AuditActionsAsync(string resourceId) =>
        FromDatabaseAsync(db => db.AuditEntries.Where(a => a.ResourceId == resourceId).Select(a => a.Action).ToListAsync());

    /// <summary>A staff account of this test's own, made a paramedic by the security administrator (the role it can now hand out).</summary>
    private async Task<(Guid Id, string Email)> NewParamedicAsync()
    {
        var id = Guid.NewGuid();
        var email = TestData.Email("paramedic");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
                .CreateAsync(new NewAccount(id, email, "马急救", "13900000000", "zh-CN"), TestData.StrongPassword, Roles.Nurse, CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        var paramedic = await (await (await SecurityAdminAsync()).PutAsJsonAsync($"/api/admin/accounts/{id}/role", new { role = Roles.Paramedic })).ReadJsonAsync();
        Assert.Equal([Roles.Paramedic], paramedic.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        return (id, email);
    }

    private static string Code(string prefix) => $"{prefix}-{Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The crew's first write of a new case (its creation: sequence 1 with a fresh idempotency key).</summary>
    private static Task<HttpResponseMessage> StartCaseAsync(HttpClient crew)
    {
        var id = Guid.NewGuid();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/emergency/crew/cases")
        {
            Content = JsonContent.Create(new { id, calledAt = DateTimeOffset.UtcNow.AddMinutes(-10), firstContactAt = DateTimeOffset.UtcNow.AddMinutes(-5) }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("X-Client-Sequence", "1");
        return crew.SendAsync(request);
    }

    [Fact]
    public async Task A_new_paramedic_put_on_a_new_service_starts_cases_until_removed_or_the_service_is_deactivated()
    {
        var (paramedicId, email) = await NewParamedicAsync();
        var admin = await ConsortiumAdminAsync();
        var code = Code("EMS");

        var service = await (await admin.PostAsJsonAsync("/api/admin/emergency/services", new { code, name = "区急救站", nameEn = "District Ambulance Station" })).ReadJsonAsync(HttpStatusCode.Created);
        var serviceId = service.GetProperty("id").GetGuid();
        Assert.True(service.GetProperty("isActive").GetBoolean());
        var withCrew = await (await admin.PutAsync($"/api/admin/emergency/services/{serviceId}/crew/{paramedicId}", null)).ReadJsonAsync();
        Assert.Equal(paramedicId, Assert.Single(withCrew.GetProperty("crew").EnumerateArray()).GetProperty("accountId").GetGuid());
        var overview = await (await admin.GetAsync("/api/admin/emergency/services")).ReadJsonAsync();
        Assert.True(overview.GetProperty("canManage").GetBoolean());
        var listed = overview.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == serviceId);
        Assert.Equal("马急救", Assert.Single(listed.GetProperty("crew").EnumerateArray()).GetProperty("fullName").GetString());

        // The new crew member signs in and starts a case on their service.
        var crew = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        await (await StartCaseAsync(crew)).ReadJsonAsync();

        // A deactivated service's crew cannot work; reactivated, and renamed, it can again.
        var off = await (await admin.PutAsJsonAsync($"/api/admin/emergency/services/{serviceId}", new { name = "区急救站", nameEn = "District Ambulance Station", isActive = false })).ReadJsonAsync();
        Assert.False(off.GetProperty("isActive").GetBoolean());
        Assert.Equal("emergency_not_crew", (await (await StartCaseAsync(crew)).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        var on = await (await admin.PutAsJsonAsync($"/api/admin/emergency/services/{serviceId}", new { name = "东区急救站", nameEn = "East District Ambulance Station", isActive = true })).ReadJsonAsync();
        Assert.Equal("东区急救站", on.GetProperty("name").GetString());
        await (await StartCaseAsync(crew)).ReadJsonAsync();

        // Taken off the crew, the account is refused.
        var without = await (await admin.DeleteAsync($"/api/admin/emergency/services/{serviceId}/crew/{paramedicId}")).ReadJsonAsync();
        Assert.Empty(without.GetProperty("crew").EnumerateArray());
        Assert.Equal("emergency_not_crew", (await (await StartCaseAsync(crew)).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        await (await admin.DeleteAsync($"/api/admin/emergency/services/{serviceId}/crew/{paramedicId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var audited = await AuditActionsAsync(serviceId.ToString());
        Assert.Contains("emergency.service_created", audited);
        Assert.Contains("emergency.service_changed", audited);
        Assert.Contains("emergency.crew_added", audited);
        Assert.Contains("emergency.crew_removed", audited);
        Assert.Contains("account.role_assigned", await AuditActionsAsync(paramedicId.ToString()));
    }

    [Fact]
    public async Task Services_and_crews_refuse_bad_input_and_anyone_but_the_consortium_administrator()
    {
        var admin = await ConsortiumAdminAsync();
        var code = Code("EMS");
        var service = await (await admin.PostAsJsonAsync("/api/admin/emergency/services", new { code, name = "北区急救站", nameEn = "North Station" })).ReadJsonAsync(HttpStatusCode.Created);
        var serviceId = service.GetProperty("id").GetGuid();

        Assert.Equal("duplicate_ambulance_service_code", (await (await admin.PostAsJsonAsync("/api/admin/emergency/services", new { code, name = "重复", nameEn = "Duplicate" })).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var invalid = await (await admin.PostAsJsonAsync("/api/admin/emergency/services", new { code = "bad code", name = "", nameEn = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(invalid.FieldErrors("code"));
        Assert.NotEmpty(invalid.FieldErrors("name"));
        await (await admin.PutAsJsonAsync($"/api/admin/emergency/services/{Guid.NewGuid()}", new { name = "a", nameEn = "b", isActive = true })).AssertProblemAsync(HttpStatusCode.NotFound);

        // Only a paramedic joins a crew, and only one service's.
        var nurse = await AccountIdAsync("nurse@demo.test");
        Assert.Equal("crew_needs_paramedic_role", (await (await admin.PutAsync($"/api/admin/emergency/services/{serviceId}/crew/{nurse}", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        var cityCrew = await AccountIdAsync(DemoAccounts.Crew.Email);
        Assert.Equal("crew_in_another_service", (await (await admin.PutAsync($"/api/admin/emergency/services/{serviceId}/crew/{cityCrew}", null)).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var patient = await AccountIdAsync("zhangwei@demo.test");
        await (await admin.PutAsync($"/api/admin/emergency/services/{serviceId}/crew/{patient}", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await FromDatabaseAsync(db => db.CrewMemberships.CountAsync(m => m.ServiceId == serviceId)));

        // An institution's system administrator reads the services but changes none (a service is no institution's).
        var community = await CommunityAdminAsync();
        var communityView = await (await community.GetAsync("/api/admin/emergency/services")).ReadJsonAsync();
        Assert.False(communityView.GetProperty("canManage").GetBoolean());
        var seen = communityView.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == serviceId);
        Assert.False(seen.GetProperty("editable").GetBoolean());
        await (await community.PostAsJsonAsync("/api/admin/emergency/services", new { code = Code("EMS"), name = "偷建", nameEn = "Sneaky" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await community.PutAsJsonAsync($"/api/admin/emergency/services/{serviceId}", new { name = "改名", nameEn = "Renamed", isActive = false })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(await FromDatabaseAsync(db => db.AmbulanceServices.AnyAsync(s => s.Id == serviceId && s.IsActive && s.Name == "北区急救站")));
    }

    [Fact]
    public async Task An_institution_sets_up_its_own_receiving_hospital_and_teams_and_not_another_ones()
    {
        var admin = await ConsortiumAdminAsync();
        var code = Code("ER");
        var institution = await (await admin.PostAsJsonAsync("/api/admin/institutions", new
        {
            code,
            settings = new { name = "南湖医院", nameEn = "Nanhu Hospital", level = "Secondary", timeZone = "Asia/Shanghai", address = "南湖路 1 号", phone = (string?)null, hisAdapter = "ConsortiumDefault", hisEndpoint = (string?)null },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var facilityId = institution.GetProperty("id").GetGuid();
        var member = await AccountIdAsync("dr.li@demo.test");

        // Not receiving yet: no team.
        Assert.Equal("not_receiving_hospital", (await (await admin.PostAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}/team-members", new { pathway = "Stroke", accountId = member })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        var badPosition = await (await admin.PutAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}", new { latitude = 91, longitude = 114.3, edPhone = "abc" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badPosition.FieldErrors("latitude"));
        Assert.NotEmpty(badPosition.FieldErrors("edPhone"));
        Assert.False(await FromDatabaseAsync(db => db.ReceivingHospitals.AnyAsync(r => r.FacilityId == facilityId)));

        var set = await admin.PutAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}", new { latitude = 30.50, longitude = 114.35, edPhone = "027-8888 1200" });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var added = await (await admin.PostAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}/team-members", new { pathway = "ChestPain", accountId = member })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("李伟", added.GetProperty("fullName").GetString());
        Assert.Equal("already_on_pathway_team", (await (await admin.PostAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}/team-members", new { pathway = "ChestPain", accountId = member })).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var general = await (await admin.PostAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}/team-members", new { pathway = "General", accountId = member })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(general.FieldErrors("pathway"));

        // The crews see the new destination; the list shows the hospital with its phone and team.
        var crew = await factory.CreateClientAsAsync(DemoAccounts.Crew.Email, TestData.DemoPassword);
        Assert.Contains((await (await crew.GetAsync("/api/emergency/destinations")).ReadJsonAsync()).EnumerateArray(), d => d.GetProperty("facilityId").GetGuid() == facilityId);
        var row = (await (await admin.GetAsync("/api/admin/emergency/hospitals")).ReadJsonAsync()).EnumerateArray().Single(h => h.GetProperty("facilityId").GetGuid() == facilityId);
        Assert.True(row.GetProperty("receives").GetBoolean());
        Assert.Equal("027-8888 1200", row.GetProperty("edPhone").GetString());
        Assert.Equal("ChestPain", Assert.Single(row.GetProperty("teamMembers").EnumerateArray()).GetProperty("pathway").GetString());

        // Another institution's administrator sees it but changes nothing of it.
        var community = await CommunityAdminAsync();
        var seen = (await (await community.GetAsync("/api/admin/emergency/hospitals")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.False(seen.Single(h => h.GetProperty("facilityId").GetGuid() == facilityId).GetProperty("editable").GetBoolean());
        Assert.True(seen.Single(h => h.GetProperty("code").GetString() == DemoDataSeeder.CommunityCentreCode).GetProperty("editable").GetBoolean());
        Assert.Equal("institution_scope_denied", (await (await community.PutAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}", new { latitude = 0, longitude = 0 })).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal("institution_scope_denied", (await (await community.PostAsJsonAsync($"/api/admin/emergency/hospitals/{facilityId}/team-members", new { pathway = "Trauma", accountId = member })).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        var memberId = added.GetProperty("id").GetGuid();
        Assert.Equal("institution_scope_denied", (await (await community.DeleteAsync($"/api/admin/emergency/hospitals/{facilityId}/team-members/{memberId}")).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        var stored = await FromDatabaseAsync(db => db.ReceivingHospitals.AsNoTracking().SingleAsync(r => r.FacilityId == facilityId));
        Assert.Equal(30.50, stored.Latitude);
        Assert.Equal(1, await FromDatabaseAsync(db => db.PathwayTeamMembers.CountAsync(m => m.FacilityId == facilityId)));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/emergency/hospitals/{facilityId}/team-members/{memberId}")).StatusCode);
        Assert.Equal(0, await FromDatabaseAsync(db => db.PathwayTeamMembers.CountAsync(m => m.FacilityId == facilityId)));
        var audited = await AuditActionsAsync(facilityId.ToString());
        Assert.Contains("emergency.receiving_hospital_set", audited);
        Assert.Contains("emergency.team_member_added", audited);
        Assert.Contains("emergency.team_member_removed", audited);
        Assert.Contains("institution.scope_denied", audited);
    }

    [Fact]
    public async Task The_security_administrator_hands_out_the_emergency_roles()
    {
        var (id, email) = await NewParamedicAsync();
        var security = await SecurityAdminAsync();
        var staff = await (await security.PutAsJsonAsync($"/api/admin/accounts/{id}/role", new { role = Roles.EmergencyStaff })).ReadJsonAsync();
        Assert.Equal([Roles.EmergencyStaff], staff.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The role is what the next sign-in carries: emergency-department staff, not crew.
        var client = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await StartCaseAsync(client)).StatusCode);
        Assert.Equal(JsonValueKind.Array, (await (await client.GetAsync("/api/emergency/destinations")).ReadJsonAsync()).ValueKind);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EmergencyAdministrationTestsOnSqlite(SqliteApiFactory factory) : EmergencyAdministrationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class EmergencyAdministrationTestsOnPostgres(PostgresApiFactory factory) : EmergencyAdministrationTests(factory);
