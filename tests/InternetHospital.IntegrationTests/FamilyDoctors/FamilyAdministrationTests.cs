using System.Net;
using System.Net.Http.Json;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

/// <summary>An admin sets up family-doctor teams and service packages through the API; patients then sign with them.</summary>
public abstract class FamilyAdministrationTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    private async Task<HttpClient> AdminAsync() => await factory.CreateClientAsAsync(DemoAccounts.SystemAdmin.Email, TestData.DemoPassword);

    private async Task<(Guid FacilityId, Guid DepartmentId)> GeneralPracticeAsync()
    {
        var department = await kit.FromDatabaseAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Code == "GP"));
        return (department.FacilityId, department.Id);
    }

    private async Task<object> TeamBodyAsync(string name, Guid lead, Guid[] doctors, bool accepting = true, int? version = null, Guid[]? packageIds = null)
    {
        var (facilityId, departmentId) = await GeneralPracticeAsync();
        return new
        {
            name,
            nameEn = "Admin test team",
            description = "社区签约团队",
            descriptionEn = "Community team",
            facilityId,
            departmentId,
            leadDoctorId = lead,
            doctorIds = doctors,
            acceptingApplications = accepting,
            version,
            packageIds,
        };
    }

    private static string UniqueName() => "管理测试团队 " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_team_the_admin_creates_is_offered_to_patients_and_stops_taking_applications_when_closed()
    {
        var admin = await AdminAsync();
        var lead = await kit.NewDoctorAsync("lead");
        var member = await kit.NewDoctorAsync("member");
        var name = UniqueName();

        var created = await (await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId, member.DoctorId])))
            .ReadJsonAsync(HttpStatusCode.Created);
        var teamId = created.GetProperty("id").GetGuid();
        Assert.Equal(lead.DoctorId, created.GetProperty("members")[0].GetProperty("doctorId").GetGuid());
        Assert.Equal("Lead", created.GetProperty("members")[0].GetProperty("role").GetString());
        Assert.Equal(2, created.GetProperty("members").GetArrayLength());
        Assert.Equal(0, created.GetProperty("activeContracts").GetInt32());

        var patient = await kit.RegisterPatientAsync();
        var catalogue = await (await patient.Client.GetAsync("/api/family/teams")).ReadJsonAsync();
        var offered = catalogue.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == teamId);
        Assert.Equal(name, offered.GetProperty("name").GetString());
        Assert.True(offered.GetProperty("acceptingApplications").GetBoolean());
        var packageId = catalogue.GetProperty("packages")[0].GetProperty("id").GetGuid();

        var contract = await (await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/contracts", new { teamId, packageId }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await lead.Client.PostAsync($"/api/family/contracts/{contract.GetProperty("id").GetGuid()}/accept", null)).ReadJsonAsync();
        var listed = (await (await admin.GetAsync("/api/admin/family-teams")).ReadJsonAsync()).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == teamId);
        Assert.Equal(1, listed.GetProperty("activeContracts").GetInt32());

        var closed = await (await admin.PutAsJsonAsync($"/api/admin/family-teams/{teamId}", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId, member.DoctorId], accepting: false, version: 0)))
            .ReadJsonAsync();
        Assert.False(closed.GetProperty("acceptingApplications").GetBoolean());

        var another = await kit.RegisterPatientAsync();
        var refused = await another.Client.PostAsJsonAsync($"/api/family/patients/{another.PatientId}/contracts", new { teamId, packageId });
        Assert.Equal("team_not_accepting", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Fact]
    public async Task A_member_who_is_not_a_family_doctor_is_refused_and_nothing_is_created()
    {
        var admin = await AdminAsync();
        var lead = await kit.NewDoctorAsync("lead");
        var patient = await kit.RegisterPatientAsync();
        var name = UniqueName();

        var response = await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId, patient.PatientId]));

        Assert.Equal("unknown_doctor", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.False(await kit.FromDatabaseAsync(db => db.FamilyTeams.AnyAsync(t => t.Name == name)));

        var specialist = await kit.FromDatabaseAsync(db => db.Doctors.Where(d => !d.IsFamilyDoctor).Select(d => d.Id).FirstAsync());
        var notFamily = await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId, specialist]));
        Assert.Equal("not_a_family_doctor", (await notFamily.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.False(await kit.FromDatabaseAsync(db => db.FamilyTeams.AnyAsync(t => t.Name == name)));

        var blank = await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync("", lead.DoctorId, [lead.DoctorId]));
        Assert.NotEmpty((await blank.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("team.name"));
    }

    [Fact]
    public async Task The_lead_cannot_be_removed_but_can_be_handed_over()
    {
        var admin = await AdminAsync();
        var lead = await kit.NewDoctorAsync("lead");
        var member = await kit.NewDoctorAsync("member");
        var name = UniqueName();
        var teamId = (await (await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId, member.DoctorId])))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var removeLead = await admin.PutAsJsonAsync($"/api/admin/family-teams/{teamId}", await TeamBodyAsync(name, lead.DoctorId, [member.DoctorId], version: 0));
        Assert.Equal("cannot_remove_lead", (await removeLead.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(2, await kit.FromDatabaseAsync(db => db.FamilyTeamMembers.CountAsync(m => m.TeamId == teamId)));

        var handedOver = await (await admin.PutAsJsonAsync($"/api/admin/family-teams/{teamId}", await TeamBodyAsync(name, member.DoctorId, [member.DoctorId], version: 0)))
            .ReadJsonAsync();
        var only = Assert.Single(handedOver.GetProperty("members").EnumerateArray());
        Assert.Equal(member.DoctorId, only.GetProperty("doctorId").GetGuid());
        Assert.Equal("Lead", only.GetProperty("role").GetString());

        var unknown = await admin.PutAsJsonAsync($"/api/admin/family-teams/{Guid.NewGuid()}", await TeamBodyAsync(name, member.DoctorId, [member.DoctorId], version: 0));
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_adds_and_edits_a_service_package_patients_then_see()
    {
        var admin = await AdminAsync();
        var code = "pkg-" + Guid.NewGuid().ToString("N")[..8];
        var package = new
        {
            name = "老年人健康包",
            nameEn = "Elderly care",
            description = "65岁以上",
            descriptionEn = "Aged 65 and over",
            includes = new[] { "年度体检", "用药指导" },
            includesEn = new[] { "Yearly check-up", "Medication advice" },
            annualFee = 120m,
            conditionCode = (string?)null,
            followUpTemplateCode = (string?)null,
            displayOrder = 90,
            version = (int?)null,
        };

        // The plans a package may start come from the admin's own list (the doctors' one is not open to admins).
        var templates = await (await admin.GetAsync("/api/admin/family-follow-up-templates")).ReadJsonAsync();
        Assert.Contains(templates.EnumerateArray(), t => t.GetProperty("code").GetString() == "hypertension-bp-review" && t.GetProperty("intervalMonths").GetInt32() == 3);

        var created = await (await admin.PostAsJsonAsync("/api/admin/family-packages", new { code, package })).ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var duplicate = await admin.PostAsJsonAsync("/api/admin/family-packages", new { code, package });
        Assert.Equal("duplicate_package_code", (await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        var updated = await (await admin.PutAsJsonAsync($"/api/admin/family-packages/{id}", package with { annualFee = 150m, includes = new[] { "年度体检" }, conditionCode = (string?)"hypertension", version = (int?)0 }))
            .ReadJsonAsync();
        Assert.Equal(150m, updated.GetProperty("annualFee").GetDecimal());
        Assert.Equal(code, updated.GetProperty("code").GetString());

        var badCondition = await admin.PutAsJsonAsync($"/api/admin/family-packages/{id}", package with { conditionCode = (string?)"no-such-condition", version = (int?)1 });
        Assert.NotEmpty((await badCondition.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("package.conditionCode"));
        await (await admin.PutAsJsonAsync($"/api/admin/family-packages/{Guid.NewGuid()}", package with { version = (int?)0 })).AssertProblemAsync(HttpStatusCode.NotFound);

        var patient = await kit.RegisterPatientAsync();
        var seen = (await (await patient.Client.GetAsync("/api/family/teams")).ReadJsonAsync()).GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal(["年度体检"], seen.GetProperty("includes").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("hypertension", seen.GetProperty("conditionCode").GetString());
    }

    [Fact]
    public async Task A_team_that_narrows_its_packages_is_signed_only_for_those()
    {
        var admin = await AdminAsync();
        var lead = await kit.NewDoctorAsync("lead");
        var name = UniqueName();
        var patient = await kit.RegisterPatientAsync();
        var packages = (await (await patient.Client.GetAsync("/api/family/teams")).ReadJsonAsync()).GetProperty("packages").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetGuid(), Code: p.GetProperty("code").GetString())).ToList();
        var (basic, diabetes) = (packages.Single(p => p.Code == "basic").Id, packages.Single(p => p.Code == "diabetes").Id);

        var unknown = await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId], packageIds: [basic, Guid.NewGuid()]));
        Assert.Equal("unknown_package", (await unknown.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        var created = await (await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId], packageIds: [basic])))
            .ReadJsonAsync(HttpStatusCode.Created);
        var teamId = created.GetProperty("id").GetGuid();
        Assert.Equal([basic], created.GetProperty("packageIds").EnumerateArray().Select(p => p.GetGuid()));

        var offered = (await (await patient.Client.GetAsync("/api/family/teams")).ReadJsonAsync()).GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == teamId);
        Assert.Equal([basic], offered.GetProperty("packageIds").EnumerateArray().Select(p => p.GetGuid()));
        var refused = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/contracts", new { teamId, packageId = diabetes });
        Assert.Equal("package_not_offered", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal(0, await kit.FromDatabaseAsync(db => db.FamilyContracts.CountAsync(c => c.PatientId == patient.PatientId)));

        // Widened again to every package (an empty list), the diabetes package can be chosen.
        await (await admin.PutAsJsonAsync($"/api/admin/family-teams/{teamId}", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId], version: 0, packageIds: []))).ReadJsonAsync();
        await (await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/contracts", new { teamId, packageId = diabetes })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_edit_made_from_a_team_or_package_someone_has_changed_since_is_refused_and_their_change_kept()
    {
        var admin = await AdminAsync();
        var lead = await kit.NewDoctorAsync("lead");
        var name = UniqueName();
        var teamId = (await (await admin.PostAsJsonAsync("/api/admin/family-teams", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId])))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Two admins opened the team at version 0: the first closes it, the second (still at 0) renames it.
        var first = await (await admin.PutAsJsonAsync($"/api/admin/family-teams/{teamId}", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId], accepting: false, version: 0))).ReadJsonAsync();
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        var stale = await admin.PutAsJsonAsync($"/api/admin/family-teams/{teamId}", await TeamBodyAsync(name + " 改", lead.DoctorId, [lead.DoctorId], version: 0));
        Assert.Equal("team_changed", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var kept = await kit.FromDatabaseAsync(db => db.FamilyTeams.AsNoTracking().SingleAsync(t => t.Id == teamId));
        Assert.Equal((name, false, 1), (kept.Name, kept.AcceptingApplications, kept.Version));
        var unversioned = await admin.PutAsJsonAsync($"/api/admin/family-teams/{teamId}", await TeamBodyAsync(name, lead.DoctorId, [lead.DoctorId]));
        Assert.NotEmpty((await unversioned.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("team.version"));

        var code = "stale-" + Guid.NewGuid().ToString("N")[..8];
        var package = new
        {
            name = "测试包", nameEn = "Test package", description = "", descriptionEn = "", includes = new[] { "随访" }, includesEn = new[] { "Follow-up" },
            annualFee = 10m, conditionCode = (string?)null, followUpTemplateCode = (string?)null, displayOrder = 500, version = (int?)0,
        };
        var packageId = (await (await admin.PostAsJsonAsync("/api/admin/family-packages", new { code, package })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await admin.PutAsJsonAsync($"/api/admin/family-packages/{packageId}", package with { annualFee = 20m })).ReadJsonAsync();
        var stalePackage = await admin.PutAsJsonAsync($"/api/admin/family-packages/{packageId}", package with { annualFee = 30m });
        Assert.Equal("package_changed", (await stalePackage.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(20m, await kit.FromDatabaseAsync(db => db.ServicePackages.Where(p => p.Id == packageId).Select(p => p.AnnualFee).SingleAsync()));
    }

    [Fact]
    public async Task Doctors_and_patients_cannot_manage_teams_or_packages()
    {
        var doctor = await kit.NewDoctorAsync("outsider");
        var patient = await kit.RegisterPatientAsync();
        var body = await TeamBodyAsync(UniqueName(), doctor.DoctorId, [doctor.DoctorId]);
        foreach (var client in new[] { doctor.Client, patient.Client })
        {
            await (await client.GetAsync("/api/admin/family-teams")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/admin/family-teams", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/admin/family-teams/{Guid.NewGuid()}", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/admin/family-packages")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/admin/family-packages", new { code = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/admin/family-packages/{Guid.NewGuid()}", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/admin/family-follow-up-templates")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FamilyAdministrationTestsOnSqlite(SqliteApiFactory factory) : FamilyAdministrationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class FamilyAdministrationTestsOnPostgres(PostgresApiFactory factory) : FamilyAdministrationTests(factory);
