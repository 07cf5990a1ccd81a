using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Accounts;

/// <summary>
/// A patient closes their account (PIPL): sign-in ends, the account keeps nothing that identifies them, and the medical
/// record stays with the hospital as the law requires.
/// </summary>
public abstract class AccountClosureTests(ApiFactory factory)
{
    [Fact]
    public async Task Closing_ends_sign_in_removes_identifiers_and_keeps_the_medical_record()
    {
        var email = TestData.Email();
        var idNumber = TestData.ResidentId(new DateOnly(1980, 5, 6), Domain.Patients.Sex.Female);
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, "1980-05-06"))).ReadJsonAsync(HttpStatusCode.Created);
        var patientId = registered.GetProperty("patientId").GetGuid();
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, TestData.StrongPassword);
        var patient = factory.CreateBrowserClient();
        patient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var closed = await (await patient.PostAsJsonAsync("/api/account/close", new { password = TestData.StrongPassword })).ReadJsonAsync();
        Assert.Equal(15, closed.GetProperty("medicalRecordRetentionYears").GetInt32());
        Assert.Equal(patientId, Assert.Single(closed.GetProperty("patientIds").EnumerateArray()).GetGuid());
        Assert.Contains("15", closed.GetProperty("notice").GetProperty("zhCn").GetString(), StringComparison.Ordinal);
        Assert.Contains("medical record", closed.GetProperty("notice").GetProperty("en").GetString(), StringComparison.Ordinal);

        // The access token it holds, the old password and the old refresh token no longer work.
        Assert.Equal(HttpStatusCode.Unauthorized, (await patient.GetAsync("/api/me")).StatusCode);
        var login = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email, password = TestData.StrongPassword });
        Assert.Equal("invalid_credentials", (await login.AssertProblemAsync(HttpStatusCode.Unauthorized)).Code());
        var refresh = await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);

        // Nothing on the account identifies the person any more.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.AsNoTracking().SingleAsync(a => a.Id == tokens.SubjectOf());
            Assert.DoesNotContain(email, $"{account.Email} {account.UserName} {account.NormalizedEmail}", StringComparison.OrdinalIgnoreCase);
            Assert.Null(account.PhoneNumber);
            Assert.Equal(string.Empty, account.FullName);
            Assert.Null(account.PasswordHash);
            Assert.True(account.IsDisabled);
        }

        // The record stays for staff, and the closing is in its audit trail.
        var admin = await factory.CreateClientAsAsync(DemoAccounts.AuditAdmin.Email, TestData.DemoPassword);
        var found = await (await admin.PostAsJsonAsync("/api/admin/patients/search", new { idNumber })).ReadJsonAsync();
        Assert.Equal(patientId, Assert.Single(found.EnumerateArray()).GetProperty("id").GetGuid());
        var log = await (await admin.GetAsync($"/api/admin/audit?patientId={patientId}")).ReadJsonAsync();
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "account.closed");

        // The e-mail is free again; the same person registering again is told their record already exists.
        var samePerson = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, "1980-05-06"));
        Assert.Equal("duplicate_id_number", (await samePerson.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Closing_needs_the_password_and_a_wrong_one_changes_nothing()
    {
        var email = TestData.Email();
        (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).EnsureSuccessStatusCode();
        var patient = await factory.CreateClientAsAsync(email, TestData.StrongPassword);

        var wrong = await (await patient.PostAsJsonAsync("/api/account/close", new { password = "not-the-password" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("identity_check_failed", wrong.Code());
        var empty = await (await patient.PostAsJsonAsync("/api/account/close", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(empty.FieldErrors("password"));

        (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email, password = TestData.StrongPassword })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Staff_accounts_are_not_closed_this_way()
    {
        var doctor = await factory.CreateClientAsAsync("dr.wang@demo.test", TestData.DemoPassword);

        await (await doctor.PostAsJsonAsync("/api/account/close", new { password = TestData.DemoPassword })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

internal static class TokenSubject
{
    /// <summary>The account id (the access token's <c>sub</c>), read from the id token, which is a plain signed JWT.</summary>
    public static Guid SubjectOf(this TokenResponse tokens)
    {
        var payload = tokens.IdToken!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload));
        return Guid.Parse(json.RootElement.GetProperty("sub").GetString()!);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountClosureTestsOnSqlite(SqliteApiFactory factory) : AccountClosureTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class AccountClosureTestsOnPostgres(PostgresApiFactory factory) : AccountClosureTests(factory);
