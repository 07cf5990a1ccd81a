using System.Net;
using System.Net.Http.Json;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Accounts;

public abstract class RegistrationTests(ApiFactory factory)
{
    [Fact]
    public async Task A_registered_patient_can_sign_in_and_sees_their_masked_id()
    {
        var email = TestData.Email();
        var idNumber = TestData.ResidentId(new DateOnly(1975, 9, 3), Sex.Male);
        var anonymous = factory.CreateBrowserClient();

        var response = await anonymous.PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, "1975-09-03", "Male", fullName: "王建国"));
        var registered = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/me", response.Headers.Location?.ToString());

        var patient = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        var me = await (await patient.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("王建国", me.GetProperty("name").GetString());
        Assert.Equal(["Patient"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal($"{idNumber[..4]}**********{idNumber[^4..]}", me.GetProperty("maskedIdNumber").GetString());
        var own = Assert.Single(me.GetProperty("patients").EnumerateArray());
        Assert.Equal(registered.GetProperty("patientId").GetGuid(), own.GetProperty("id").GetGuid());
        Assert.Equal("Self", own.GetProperty("relationship").GetString());
        Assert.DoesNotContain(idNumber, me.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_id_number_is_stored_encrypted_and_never_in_clear()
    {
        var idNumber = TestData.ResidentId(new DateOnly(1990, 1, 20), Sex.Female);
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(idNumber: idNumber, dateOfBirth: "1990-01-20"));
        var patientId = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("patientId").GetGuid();

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId);
        Assert.DoesNotContain(idNumber, stored.IdNumberCiphertext, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, stored.IdNumberHash, StringComparison.Ordinal);
        Assert.Equal(idNumber, scope.ServiceProvider.GetRequiredService<Application.Common.Abstractions.IIdentifierProtector>().Reveal(stored.IdNumberCiphertext));
    }

    [Fact]
    public async Task The_key_ring_that_encrypts_id_numbers_is_itself_encrypted_in_the_database()
    {
        var idNumber = TestData.ResidentId(new DateOnly(1986, 4, 11), Sex.Male);
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(idNumber: idNumber, dateOfBirth: "1986-04-11", sex: "Male"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(ring);
        var keys = scope.ServiceProvider.GetRequiredService<InternetHospital.Infrastructure.Security.KeyRingKeys>();
        foreach (var xml in ring)
        {
            // A key's secret is never in the row: only its AES-GCM sealed form, under the key kept outside the database.
            var key = System.Xml.Linq.XElement.Parse(xml);
            Assert.Empty(key.Descendants("masterKey"));
            var sealedSecret = Assert.Single(key.Descendants("keyRingEncrypted"));
            Assert.Equal(keys.Current.Id, sealedSecret.Attribute("keyId")?.Value);
            Assert.Single(InternetHospital.Infrastructure.Security.KeyRingEncryptor.Decrypt(sealedSecret, keys).DescendantsAndSelf("masterKey"));
        }

        // After a restart (a new host on the same database and key file) the sealed keys open, so the ID number does.
        var patientId = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("patientId").GetGuid();
        await using var restarted = factory.WithWebHostBuilder(_ => { });
        using var after = restarted.Services.CreateScope();
        var stored = await after.ServiceProvider.GetRequiredService<AppDbContext>().Patients.AsNoTracking().SingleAsync(p => p.Id == patientId);
        Assert.Equal(idNumber, after.ServiceProvider.GetRequiredService<Application.Common.Abstractions.IIdentifierProtector>().Reveal(stored.IdNumberCiphertext));
    }

    [Fact]
    public async Task The_portal_does_not_start_with_a_key_ring_key_the_ring_was_not_written_under()
    {
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        int keysBefore;
        using (var scope = factory.Services.CreateScope())
        {
            keysBefore = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.CountAsync();
        }

        // A restart on the same database with another key: it stops before serving, naming the key it cannot open, and
        // writes no key under the wrong one.
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var wrong = factory.WithWebHostBuilder(builder => builder.UseSetting("Security:KeyRingKey", otherKey));
        var refused = Assert.Throws<InvalidOperationException>(() => wrong.Services);
        Assert.Contains("key ring cannot be read", refused.Message, StringComparison.Ordinal);
        Assert.Contains("which is not configured", refused.Message, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(keysBefore, await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.CountAsync());
        }
    }

    [Fact]
    public async Task A_child_under_six_cannot_have_an_account_of_their_own()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var child = today.AddYears(-4);
        var email = TestData.Email();

        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register",
            TestData.Registration(email, dateOfBirth: child.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("guardian", Assert.Single(problem.FieldErrors("dateOfBirth")), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email));

        var sixToday = today.AddYears(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(dateOfBirth: sixToday))).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_resident_id_with_a_wrong_check_character_is_refused_on_the_id_field()
    {
        var valid = TestData.ResidentId(new DateOnly(1980, 5, 17), Sex.Female);
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var email = TestData.Email();

        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, wrongCheck, "1980-05-17"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("check character", Assert.Single(problem.FieldErrors("idNumber")), StringComparison.Ordinal);
        await AssertNothingRegisteredAsync(email);
    }

    [Fact]
    public async Task A_birth_date_that_disagrees_with_the_resident_id_is_refused_on_the_date_field()
    {
        var idNumber = TestData.ResidentId(new DateOnly(1980, 5, 17), Sex.Female);

        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(idNumber: idNumber, dateOfBirth: "1980-05-18"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["The date of birth does not agree with the resident ID number."], problem.FieldErrors("dateOfBirth"));
        Assert.Empty(problem.FieldErrors("idNumber"));
    }

    [Fact]
    public async Task A_sex_that_disagrees_with_the_resident_id_is_refused_on_the_sex_field()
    {
        var idNumber = TestData.ResidentId(new DateOnly(1980, 5, 17), Sex.Female);

        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(idNumber: idNumber, dateOfBirth: "1980-05-17", sex: "Male"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["The sex does not agree with the resident ID number."], problem.FieldErrors("sex"));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password123")]
    [InlineData("12345678")]
    [InlineData("woaini1314")]
    [InlineData("aaaaaaaaaaaa")]
    public async Task A_weak_password_is_refused_on_the_password_field_and_nothing_is_saved(string password)
    {
        var email = TestData.Email();
        var idNumber = TestData.ResidentId(new DateOnly(1985, 2, 2), Sex.Female);

        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, "1985-02-02", password: password));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("password"));
        await AssertNothingRegisteredAsync(email);

        // The same person can still register with a good password: the refused attempt left nothing behind.
        var retry = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, "1985-02-02"));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_gets_409_duplicate_email()
    {
        var email = TestData.Email();
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).StatusCode);

        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email.ToUpperInvariant()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("duplicate_email", problem.Code());
    }

    [Fact]
    public async Task A_second_patient_with_the_same_id_number_gets_409_duplicate_id_number()
    {
        var idNumber = TestData.ResidentId(new DateOnly(1970, 12, 31), Sex.Male);
        var first = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(idNumber: idNumber, dateOfBirth: "1970-12-31", sex: "Male"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var email = TestData.Email();
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber.ToLowerInvariant(), "1970-12-31", "Male"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("duplicate_id_number", problem.Code());
        await AssertNothingRegisteredAsync(email);
    }

    [Fact]
    public async Task A_passport_holder_can_register_without_a_resident_id()
    {
        var response = await factory.CreateBrowserClient().PostAsJsonAsync(
            "/api/account/register",
            TestData.Registration(idNumber: "E" + Random.Shared.Next(10_000_000, 99_999_999), idType: "Passport", fullName: "Maria Schmidt"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Fields_of_the_wrong_type_are_reported_by_name()
    {
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", new
        {
            fullName = "张三", idType = "DriverLicence", idNumber = "1", dateOfBirth = "1980-01-01", sex = "Male",
            mobile = "13900000000", email = TestData.Email(), password = TestData.StrongPassword,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("idType"));
    }

    [Fact]
    public async Task Missing_fields_are_each_reported()
    {
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", new
        {
            fullName = "", idType = "ResidentId", idNumber = "", dateOfBirth = "1980-01-01", sex = "Male", mobile = "12", email = "not-an-email", password = "",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "fullName", "idNumber", "mobile", "email", "password" })
        {
            Assert.True(problem.FieldErrors(field).Count > 0, $"no error for {field}: {problem}");
        }
    }

    private async Task AssertNothingRegisteredAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = email.ToUpperInvariant();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == normalized));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegistrationTestsOnSqlite(SqliteApiFactory factory) : RegistrationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class RegistrationTestsOnPostgres(PostgresApiFactory factory) : RegistrationTests(factory);
