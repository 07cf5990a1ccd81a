using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.Accounts;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Institutions;

/// <summary>
/// Institutions are first-class (医联体): a community centre's administrator changes its own centre and nothing of the
/// city hospital; the consortium's administrator changes any institution; reads across institutions name both.
/// </summary>
public abstract class InstitutionScopeTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    private Task<HttpClient> CommunityAdminAsync() => factory.CreateClientAsAsync(DemoAccounts.CommunityAdmin.Email, TestData.DemoPassword);

    private Task<HttpClient> ConsortiumAdminAsync() => factory.CreateClientAsAsync(DemoAccounts.SystemAdmin.Email, TestData.DemoPassword);

    private Task<Guid> FacilityAsync(string code) => kit.FromDatabaseAsync(db => db.Facilities.Where(f => f.Code == code).Select(f => f.Id).SingleAsync());

    private Task<Guid> AccountIdAsync(string email) => kit.FromDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_secondary_hospital_joining_does_not_take_over_the_shared_record_or_the_head_of_the_list()
    {
        var consortium = await ConsortiumAdminAsync();
        var code = $"SEC-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        await (await consortium.PostAsJsonAsync("/api/admin/institutions", new
        {
            code,
            settings = new { name = "二级医院", nameEn = "A secondary hospital", level = "Secondary", timeZone = "Asia/Shanghai", address = (string?)null, phone = (string?)null, hisAdapter = "ConsortiumDefault", hisEndpoint = (string?)null },
        })).ReadJsonAsync(HttpStatusCode.Created);

        // The city hospital (tertiary) still holds the consortium's record and heads the list; the level is not sorted by its name.
        using var scope = factory.Services.CreateScope();
        var holder = await scope.ServiceProvider.GetRequiredService<InstitutionReads>().SharedRecordHolderAsync(CancellationToken.None);
        Assert.Equal(await FacilityAsync("CFH"), holder);
        var listed = (await (await consortium.GetAsync("/api/admin/institutions")).ReadJsonAsync()).GetProperty("institutions").EnumerateArray()
            .Select(i => i.GetProperty("level").GetString()).ToList();
        Assert.Equal("Tertiary", listed[0]);
        Assert.True(listed.IndexOf("Secondary") < listed.IndexOf("Community"), string.Join(",", listed));
    }

    private Task<int> DeniedAsync(Guid accountId) =>
        kit.FromDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == "institution.scope_denied" && a.ActorAccountId == accountId));

    private static object Settings(string name, string nameEn, string level = "Community", string? phone = null, string hisAdapter = "ConsortiumDefault", string? hisEndpoint = null) => new
    {
        name,
        nameEn,
        level,
        timeZone = "Asia/Shanghai",
        address = "东湖区",
        phone,
        hisAdapter,
        hisEndpoint,
    };

    /// <summary>A JSON snapshot of what the hospital's data looks like, to prove the refusals changed nothing.</summary>
    private Task<string> HospitalSnapshotAsync(Guid hospitalId) => kit.FromDatabaseAsync(async db =>
    {
        var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == hospitalId);
        var departments = await db.Departments.AsNoTracking().Where(d => d.FacilityId == hospitalId).OrderBy(d => d.Code).Select(d => d.Code).ToListAsync();
        var conditions = await (from c in db.DepartmentConditions
                                join d in db.Departments on c.DepartmentId equals d.Id
                                where d.FacilityId == hospitalId
                                select c).AsNoTracking().ToListAsync();
        var doctors = await (from doc in db.Doctors
                             join d in db.Departments on doc.DepartmentId equals d.Id
                             where d.FacilityId == hospitalId
                             orderby doc.FullName
                             select new { doc.FullName, doc.Title, doc.PhotoFileId, doc.InPersonFee }).AsNoTracking().ToListAsync();
        var templates = await db.ScheduleTemplates.AsNoTracking().CountAsync();
        var blocks = await db.BlockedPeriods.AsNoTracking().CountAsync();
        var referral = await db.DepartmentReferralSettings.AsNoTracking().OrderBy(s => s.DepartmentId).Select(s => new { s.DepartmentId, s.AcceptsReferrals, s.ReleaseHoursBefore }).ToListAsync();
        var members = await db.StaffMemberships.AsNoTracking().Where(m => m.FacilityId == hospitalId).OrderBy(m => m.AccountId).Select(m => m.AccountId).ToListAsync();
        var fee = await db.RenewalSettings.AsNoTracking().Select(s => s.Fee).ToListAsync();
        var packages = await db.ServicePackages.AsNoTracking().CountAsync();
        return JsonSerializer.Serialize(new
        {
            facility.Name, facility.Phone, facility.Level, facility.HisEndpoint, departments,
            conditions = conditions.Select(c => string.Join(',', c.Ranges)), doctors, templates, blocks, referral, members, fee, packages,
        });
    });

    [Fact]
    public async Task A_community_administrator_is_refused_every_change_to_the_hospitals_data_with_an_audit_entry_each_and_nothing_changed()
    {
        var admin = await CommunityAdminAsync();
        var adminId = await AccountIdAsync(DemoAccounts.CommunityAdmin.Email);
        var hospital = await FacilityAsync("CFH");
        var cardiology = await kit.FromDatabaseAsync(db => db.Departments.Where(d => d.Code == "CARD").Select(d => d.Id).SingleAsync());
        var drLi = await kit.FromDatabaseAsync(db => db.Doctors.Where(d => d.FullName == DemoAccounts.Cardiologist.FullName).Select(d => d.Id).SingleAsync());
        var registrar = await AccountIdAsync(DemoAccounts.Registrar.Email);
        var consortium = await ConsortiumAdminAsync();
        var profile = (await (await consortium.GetAsync($"/api/admin/doctors/{drLi}")).ReadJsonAsync()).GetProperty("profile");
        var changedProfile = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(profile.GetRawText())!;
        changedProfile["fullName"] = JsonSerializer.SerializeToElement("改名医生");
        var before = await HospitalSnapshotAsync(hospital);
        var deniedBefore = await DeniedAsync(adminId);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);

        (string Route, Func<Task<HttpResponseMessage>> Send)[] writes =
        [
            ("POST /api/admin/departments", () => admin.PostAsJsonAsync("/api/admin/departments", new { facilityId = hospital, code = "NEW" + Random.Shared.Next(1000, 9999), name = "新科室", nameEn = "New", conditions = Array.Empty<string>() })),
            ("PUT /api/admin/departments/{id}/conditions", () => admin.PutAsJsonAsync($"/api/admin/departments/{cardiology}/conditions", new { conditions = new[] { "J45" } })),
            ("POST /api/admin/doctors", () => admin.PostAsJsonAsync("/api/admin/doctors", new { email = TestData.Email("dr-new"), mobile = "13800001234", initialPassword = TestData.StrongPassword, profile = changedProfile })),
            ("PUT /api/admin/doctors/{id}", () => admin.PutAsJsonAsync($"/api/admin/doctors/{drLi}", changedProfile)),
            ("POST /api/admin/doctors/{id}/photo", () => admin.PostAsync($"/api/admin/doctors/{drLi}/photo", Photo())),
            ("PUT /api/admin/doctors/{id}/schedule", () => admin.PutAsJsonAsync($"/api/admin/doctors/{drLi}/schedule", new { sessions = Array.Empty<object>() })),
            ("POST /api/admin/doctors/{id}/blocks", () => admin.PostAsJsonAsync($"/api/admin/doctors/{drLi}/blocks", new { startDate = tomorrow, startTime = "08:00", endDate = tomorrow, endTime = "12:00", reason = "会议" })),
            ("PUT /api/admin/referrals/departments/{id}", () => admin.PutAsJsonAsync($"/api/admin/referrals/departments/{cardiology}", new { acceptsReferrals = false, releaseHoursBefore = 1 })),
            ("PUT /api/admin/referrals/departments/{id}/slots", () => admin.PutAsJsonAsync($"/api/admin/referrals/departments/{cardiology}/slots", new { slotIds = new[] { Guid.NewGuid() }, reserved = true })),
            ("PUT /api/admin/institutions/{id}", () => admin.PutAsJsonAsync($"/api/admin/institutions/{hospital}", Settings("被改名的医院", "Renamed", "Tertiary"))),
            ("PUT /api/admin/staff-institutions/{id}", () => admin.PutAsJsonAsync($"/api/admin/staff-institutions/{registrar}", new { institutionIds = Array.Empty<Guid>() })),
            ("PUT /api/admin/renewal-settings", () => admin.PutAsJsonAsync("/api/admin/renewal-settings", new { fee = 99 })),
            ("POST /api/admin/family-packages", () => admin.PostAsJsonAsync("/api/admin/family-packages", new { code = "new-package", package = new { name = "新包", nameEn = "New", description = "d", descriptionEn = "d", includes = new[] { "随访" }, includesEn = new[] { "Follow-up" }, annualFee = 0, displayOrder = 9 } })),
        ];

        var failures = new List<string>();
        foreach (var (route, send) in writes)
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("\"institution_scope_denied\"", StringComparison.Ordinal))
            {
                failures.Add($"{route}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(deniedBefore + writes.Length, await DeniedAsync(adminId));
        Assert.Equal(before, await HospitalSnapshotAsync(hospital));

        // Adding institutions is the consortium's: the route itself refuses a system administrator.
        await (await admin.PostAsJsonAsync("/api/admin/institutions", new { code = "CHC-X", settings = Settings("新中心", "New centre") })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_consortium_administrator_changes_any_institution_and_adds_one()
    {
        var admin = await ConsortiumAdminAsync();
        var hospital = await FacilityAsync("CFH");
        var overview = await (await admin.GetAsync("/api/admin/institutions")).ReadJsonAsync();
        Assert.True(overview.GetProperty("canAddInstitutions").GetBoolean());
        var listed = overview.GetProperty("institutions").EnumerateArray().ToList();
        Assert.All(listed, i => Assert.True(i.GetProperty("editable").GetBoolean()));
        var current = listed.Single(i => i.GetProperty("id").GetGuid() == hospital);

        var changed = await (await admin.PutAsJsonAsync($"/api/admin/institutions/{hospital}", Settings(
            current.GetProperty("name").GetString()!, current.GetProperty("nameEn").GetString()!, "Tertiary", phone: "020-11112222"))).ReadJsonAsync();
        Assert.Equal("020-11112222", changed.GetProperty("phone").GetString());
        Assert.Equal("Tertiary", changed.GetProperty("level").GetString());

        var code = "CHC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var created = await (await admin.PostAsJsonAsync("/api/admin/institutions", new { code, settings = Settings("西湖社区卫生服务中心", "Xihu Community Health Centre") }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Community", created.GetProperty("level").GetString());
        Assert.Equal("CommunityHealthCentre", created.GetProperty("kind").GetString());
        var again = await admin.PostAsJsonAsync("/api/admin/institutions", new { code, settings = Settings("重复", "Duplicate") });
        Assert.Equal("duplicate_institution_code", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        var badZone = await admin.PutAsJsonAsync($"/api/admin/institutions/{created.GetProperty("id").GetGuid()}", new
        {
            name = "西湖", nameEn = "Xihu", level = "Community", timeZone = "Mars/Olympus", hisAdapter = "Fhir",
        });
        var problem = await badZone.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("settings.TimeZone").Concat(problem.FieldErrors("settings.timeZone")).Concat(problem.FieldErrors("timeZone")).Concat(problem.FieldErrors("TimeZone")));
    }

    [Fact]
    public async Task A_community_administrator_runs_its_own_centre_and_gives_a_new_nurse_its_institution_but_not_the_hospitals()
    {
        var admin = await CommunityAdminAsync();
        var community = await FacilityAsync("DHCHC");
        var hospital = await FacilityAsync("CFH");

        var listed = (await (await admin.GetAsync("/api/admin/institutions")).ReadJsonAsync()).GetProperty("institutions").EnumerateArray().ToList();
        Assert.True(listed.Single(i => i.GetProperty("id").GetGuid() == community).GetProperty("editable").GetBoolean());
        Assert.False(listed.Single(i => i.GetProperty("id").GetGuid() == hospital).GetProperty("editable").GetBoolean());

        var mine = listed.Single(i => i.GetProperty("id").GetGuid() == community);
        var changed = await (await admin.PutAsJsonAsync($"/api/admin/institutions/{community}", Settings(
            mine.GetProperty("name").GetString()!, mine.GetProperty("nameEn").GetString()!, phone: "020-80000000"))).ReadJsonAsync();
        Assert.Equal("020-80000000", changed.GetProperty("phone").GetString());

        var department = await (await admin.PostAsJsonAsync("/api/admin/departments", new { facilityId = community, code = "REHAB" + Random.Shared.Next(1000, 9999), name = "康复科", nameEn = "Rehabilitation", conditions = Array.Empty<string>() }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("康复科", department.GetProperty("name").GetString());

        var nurse = await NewStaffAsync(Roles.Nurse);
        var staff = (await (await admin.GetAsync("/api/admin/staff-institutions")).ReadJsonAsync()).EnumerateArray().Single(s => s.GetProperty("accountId").GetGuid() == nurse);
        Assert.Equal(0, staff.GetProperty("institutionIds").GetArrayLength());

        var given = await (await admin.PutAsJsonAsync($"/api/admin/staff-institutions/{nurse}", new { institutionIds = new[] { community } })).ReadJsonAsync();
        Assert.Equal([community], given.GetProperty("institutionIds").EnumerateArray().Select(i => i.GetGuid()));
        var refused = await admin.PutAsJsonAsync($"/api/admin/staff-institutions/{nurse}", new { institutionIds = new[] { community, hospital } });
        Assert.Equal(InstitutionScope.DeniedCode, (await refused.AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal([community], await kit.FromDatabaseAsync(db => db.StaffMemberships.Where(m => m.AccountId == nurse).Select(m => m.FacilityId).ToListAsync()));

        // The consortium's administrator may add the hospital too; a patient account is nobody's staff (404).
        var consortium = await ConsortiumAdminAsync();
        var both = await (await consortium.PutAsJsonAsync($"/api/admin/staff-institutions/{nurse}", new { institutionIds = new[] { community, hospital } })).ReadJsonAsync();
        Assert.Equal(2, both.GetProperty("institutionIds").GetArrayLength());
        var patient = await kit.RegisterPatientAsync();
        var patientAccount = await AccountIdAsync(patient.Email);
        await (await consortium.PutAsJsonAsync($"/api/admin/staff-institutions/{patientAccount}", new { institutionIds = new[] { community } })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_community_doctor_reading_a_signed_patients_hospital_record_is_audited_with_both_institutions()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);

        await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).ReadJsonAsync();

        var entry = await kit.FromDatabaseAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == InstitutionReads.CrossReadAction && a.PatientId == patient.PatientId && a.ActorAccountId == team.Lead.AccountId));
        Assert.Equal("family.summary.read; reader=DHCHC; holder=CFH", entry.Detail);
    }

    [Fact]
    public async Task A_read_inside_ones_own_institution_is_not_a_cross_institution_read()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);
        await kit.InDatabaseAsync(async db =>
        {
            // The team's lead works at the hospital instead: the HIS record is then its own institution's.
            var hospitalDepartment = await db.Departments.Where(d => d.Code == "CARD").Select(d => d.Id).SingleAsync();
            var lead = await db.Doctors.SingleAsync(d => d.Id == team.Lead.DoctorId);
            lead.UpdateProfile(lead.FullName, hospitalDepartment, lead.Title, lead.TitleEn, lead.IsFamilyDoctor, lead.Specialties, lead.SpecialtiesEn, lead.Bio, lead.BioEn, lead.Languages);
            await db.SaveChangesAsync();
        });

        await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).ReadJsonAsync();

        Assert.False(await kit.FromDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.Action == InstitutionReads.CrossReadAction && a.PatientId == patient.PatientId)));
        Assert.True(await kit.FromDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "family.summary.read" && a.PatientId == patient.PatientId)));
    }

    private static MultipartFormDataContent Photo()
    {
        // A 1x1 PNG.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } }, "file", "photo.png");
        return content;
    }

    private async Task<Guid> NewStaffAsync(string role)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var email = TestData.Email(role.ToLowerInvariant());
        var account = new Account
        {
            Id = Domain.Common.NewId.Next(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "新护士",
            PhoneNumber = "13800007777",
            CreatedAt = DateTimeOffset.UtcNow,
            LockoutEnabled = true,
        };
        Assert.True((await users.CreateAsync(account, TestData.StrongPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        return account.Id;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InstitutionScopeTestsOnSqlite(SqliteApiFactory factory) : InstitutionScopeTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class InstitutionScopeTestsOnPostgres(PostgresApiFactory factory) : InstitutionScopeTests(factory);
