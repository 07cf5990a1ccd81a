using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Accounts;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Accounts;

/// <summary>
/// The security administrator looks after staff accounts (domain rule 31): lists them, locks and unlocks, disables
/// (which signs the account out everywhere) and hands out roles, never two administrator roles to one account. Every
/// change is in the audit log, which only the audit administrator reads.
/// </summary>
public abstract class StaffAccountAdministrationTests(ApiFactory factory)
{
    private Task<HttpClient> SecurityAdminAsync() => factory.CreateClientAsAsync(DemoAccounts.SecurityAdmin.Email, TestData.DemoPassword);

    /// <summary>A new pharmacist of this test's own (the demo staff are shared by every test).</summary>
    private async Task<(Guid Id, string Email)> NewPharmacistAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = Guid.NewGuid();
        var email = TestData.Email("pharmacist");
        var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new NewAccount(id, email, "孙测试", "13900000000", "zh-CN"), TestData.StrongPassword, Roles.Pharmacist, CancellationToken.None);
        Assert.True(created.Succeeded);
        return (id, email);
    }

    private static JsonElement AccountIn(JsonElement list, Guid id) => list.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task The_security_administrator_lists_staff_accounts_and_no_patients()
    {
        var (id, _) = await NewPharmacistAsync();
        var list = await (await (await SecurityAdminAsync()).GetAsync("/api/admin/accounts")).ReadJsonAsync();

        var emails = list.EnumerateArray().Select(a => a.GetProperty("email").GetString()).ToList();
        Assert.Contains("dr.li@demo.test", emails);
        Assert.Contains(DemoAccounts.AuditAdmin.Email, emails);
        Assert.DoesNotContain("zhangwei@demo.test", emails);
        var pharmacist = AccountIn(list, id);
        Assert.Equal(["Pharmacist"], pharmacist.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(pharmacist.GetProperty("isDisabled").GetBoolean());
    }

    [Fact]
    public async Task Disabling_signs_the_account_out_everywhere_and_stops_new_sign_ins_until_enabled()
    {
        var (id, email) = await NewPharmacistAsync();
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, TestData.StrongPassword);
        var security = await SecurityAdminAsync();

        var disabled = await (await security.PostAsync($"/api/admin/accounts/{id}/disable", null)).ReadJsonAsync();
        Assert.True(disabled.GetProperty("isDisabled").GetBoolean());

        // The access token it already holds fails at once, not when it expires.
        var holder = factory.CreateClient();
        holder.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await holder.GetAsync("/api/me")).StatusCode);

        var refresh = await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Contains("invalid_grant", await refresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signIn = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email, password = TestData.StrongPassword });
        Assert.False(signIn.IsSuccessStatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.DoesNotContain(await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken<Guid>>().Where(t => t.Subject == id.ToString()).Select(t => t.Status).ToListAsync(), s => s == "valid");
        }

        await (await security.PostAsync($"/api/admin/accounts/{id}/enable", null)).ReadJsonAsync();
        await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, TestData.StrongPassword);

        // The audit administrator sees who did it.
        var securityId = (await (await security.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("id").GetGuid();
        var auditor = await factory.CreateClientAsAsync(DemoAccounts.AuditAdmin.Email, TestData.DemoPassword);
        var log = await (await auditor.GetAsync($"/api/admin/audit?actorAccountId={securityId}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&pageSize=100")).ReadJsonAsync();
        var mine = log.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("resourceId").GetString() == id.ToString()).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("account.disabled", mine);
        Assert.Contains("account.enabled", mine);
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_until_unlocked()
    {
        var (id, email) = await NewPharmacistAsync();
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, TestData.StrongPassword);
        var security = await SecurityAdminAsync();

        var locked = await (await security.PostAsync($"/api/admin/accounts/{id}/lock", null)).ReadJsonAsync();
        Assert.True(locked.GetProperty("lockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddYears(10));
        Assert.Equal(HttpStatusCode.BadRequest, (await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), tokens.RefreshToken!)).StatusCode);
        Assert.False((await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email, password = TestData.StrongPassword })).IsSuccessStatusCode);

        var unlocked = await (await security.PostAsync($"/api/admin/accounts/{id}/unlock", null)).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, unlocked.GetProperty("lockedUntil").ValueKind);
        await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, TestData.StrongPassword);

        var past = await (await security.PostAsync($"/api/admin/accounts/{id}/lock?until={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"))}", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(past.FieldErrors("until"));
    }

    [Fact]
    public async Task A_new_role_replaces_the_old_one_so_no_account_holds_two_administrator_roles()
    {
        var (id, email) = await NewPharmacistAsync();
        var security = await SecurityAdminAsync();

        var auditor = await (await security.PutAsJsonAsync($"/api/admin/accounts/{id}/role", new { role = Roles.AuditAdmin })).ReadJsonAsync();
        Assert.Equal([Roles.AuditAdmin], auditor.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var system = await (await security.PutAsJsonAsync($"/api/admin/accounts/{id}/role", new { role = Roles.SystemAdmin })).ReadJsonAsync();
        Assert.Equal([Roles.SystemAdmin], system.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The new role is what the account's next sign-in carries: a system administrator, not an auditor.
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, TestData.StrongPassword);
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/departments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/audit/verify")).StatusCode);

        var doctorId = await AccountIdAsync("dr.li@demo.test");
        var doctor = await (await security.PutAsJsonAsync($"/api/admin/accounts/{doctorId}/role", new { role = Roles.SecurityAdmin })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("role_not_assignable", doctor.Code());
        var invalid = await (await security.PutAsJsonAsync($"/api/admin/accounts/{id}/role", new { role = Roles.Doctor })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(invalid.FieldErrors("role"));
        var patientId = await AccountIdAsync("zhangwei@demo.test");
        await (await security.PutAsJsonAsync($"/api/admin/accounts/{patientId}/role", new { role = Roles.Pharmacist })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_locks_disables_or_re_roles_their_own_account()
    {
        var security = await SecurityAdminAsync();
        var own = await AccountIdAsync(DemoAccounts.SecurityAdmin.Email);

        Assert.Equal("own_account", (await (await security.PostAsync($"/api/admin/accounts/{own}/lock", null)).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal("own_account", (await (await security.PostAsync($"/api/admin/accounts/{own}/disable", null)).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal("own_account", (await (await security.PutAsJsonAsync($"/api/admin/accounts/{own}/role", new { role = Roles.SystemAdmin })).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task The_portal_refuses_to_start_while_an_account_holds_two_administrator_roles()
    {
        var (id, _) = await NewPharmacistAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InternetHospital.Infrastructure.Identity.Account>>();
        var account = (await users.FindByIdAsync(id.ToString()))!;
        Assert.True((await users.RemoveFromRoleAsync(account, Roles.Pharmacist)).Succeeded);
        Assert.True((await users.AddToRolesAsync(account, [Roles.SystemAdmin, Roles.AuditAdmin])).Succeeded);
        try
        {
            var check = new AdministratorSeparationCheck(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => check.SeedAsync(CancellationToken.None));
            Assert.Contains(id.ToString(), refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Assert.True((await users.RemoveFromRoleAsync(account, Roles.AuditAdmin)).Succeeded);
        }

        await new AdministratorSeparationCheck(scope.ServiceProvider.GetRequiredService<AppDbContext>()).SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Holders_of_the_old_admin_role_become_system_administrators_and_the_role_is_gone()
    {
        var (id, _) = await NewPharmacistAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InternetHospital.Infrastructure.Identity.Account>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var account = (await users.FindByIdAsync(id.ToString()))!;
        Assert.True((await users.RemoveFromRoleAsync(account, Roles.Pharmacist)).Succeeded);
        if (!await roles.RoleExistsAsync(RoleSeeder.RetiredAdminRole))
        {
            Assert.True((await roles.CreateAsync(new IdentityRole<Guid>(RoleSeeder.RetiredAdminRole) { Id = Guid.NewGuid() })).Succeeded);
        }

        Assert.True((await users.AddToRoleAsync(account, RoleSeeder.RetiredAdminRole)).Succeeded);

        await new RoleSeeder(roles, users, Microsoft.Extensions.Logging.Abstractions.NullLogger<RoleSeeder>.Instance).SeedAsync(CancellationToken.None);

        Assert.Equal([Roles.SystemAdmin], await users.GetRolesAsync((await users.FindByIdAsync(id.ToString()))!));
        Assert.False(await roles.RoleExistsAsync(RoleSeeder.RetiredAdminRole));
    }

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffAccountAdministrationTestsOnSqlite(SqliteApiFactory factory) : StaffAccountAdministrationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class StaffAccountAdministrationTestsOnPostgres(PostgresApiFactory factory) : StaffAccountAdministrationTests(factory);
