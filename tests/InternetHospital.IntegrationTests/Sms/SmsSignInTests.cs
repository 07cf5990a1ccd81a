using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Sms;

/// <summary>
/// Signing in with a mobile number and a code sent by SMS (read from the development sink), and proving the number at
/// registration: same session and tokens as a password, single use, lockout, send limits, and no enumeration.
/// </summary>
public abstract class SmsSignInTests(ApiFactory factory)
{
    [Fact]
    public async Task A_patient_registered_with_a_verified_number_signs_in_with_an_sms_code_through_the_oidc_flow()
    {
        var (mobile, _) = await RegisterVerifiedAsync();
        var browser = factory.CreateBrowserClient();

        var sent = await browser.PostAsJsonAsync("/api/account/login/mobile-code", new { mobile });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(300, (await sent.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("expiresInSeconds").GetInt32());
        var code = await SmsSink.CodeAsync(factory, mobile, count: 2);
        var message = SmsSink.MessagesTo(factory, mobile)[1];
        Assert.Equal("sign_in_code", message.GetProperty("template").GetString());
        Assert.Contains(code, message.GetProperty("text").GetString(), StringComparison.Ordinal);

        var login = await browser.PostAsJsonAsync("/api/account/login/mobile", new { mobile, code });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("signedIn", (await login.ReadJsonAsync()).GetProperty("status").GetString());

        // The same authorize + PKCE + token exchange as after a password.
        var (authorizationCode, verifier) = await OidcFlow.AuthorizeAsync(browser);
        var tokens = await OidcFlow.RedeemAsync(browser, authorizationCode, verifier);
        var api = factory.CreateBrowserClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var me = await (await api.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("孙小梅", me.GetProperty("name").GetString());
        Assert.True(me.GetProperty("channels").GetProperty("mobileVerified").GetBoolean());
        Assert.Equal(mobile[..3] + "****" + mobile[^4..], me.GetProperty("channels").GetProperty("maskedMobile").GetString());

        // Single use: the same code again is refused.
        var again = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile", new { mobile, code });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("invalid_sms_code", (await again.AssertProblemAsync(HttpStatusCode.Unauthorized)).Code());
    }

    [Fact]
    public async Task Sending_answers_the_same_for_an_unknown_number_a_staff_number_and_a_patient_and_texts_only_the_patient()
    {
        var (patient, _) = await RegisterVerifiedAsync();
        var unknown = SmsSink.NewMobile();
        const string pharmacist = "13800000007";
        var before = SmsSink.MessagesTo(factory, pharmacist).Count;

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var mobile in new[] { patient, unknown, pharmacist })
        {
            var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile-code", new { mobile });
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        await SmsSink.CodeAsync(factory, patient, count: 2);
        await Task.Delay(1000);
        Assert.Empty(SmsSink.MessagesTo(factory, unknown));
        Assert.Equal(before, SmsSink.MessagesTo(factory, pharmacist).Count);

        // And whatever code is tried for them, it is the same refusal as a wrong code.
        var staffLogin = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile", new { mobile = pharmacist, code = "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, staffLogin.StatusCode);
        Assert.Equal("invalid_sms_code", (await staffLogin.AssertProblemAsync(HttpStatusCode.Unauthorized)).Code());
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_number_for_fifteen_minutes_even_for_the_right_code()
    {
        var (mobile, _) = await RegisterVerifiedAsync();
        var browser = factory.CreateBrowserClient();
        await browser.PostAsJsonAsync("/api/account/login/mobile-code", new { mobile });
        var code = await SmsSink.CodeAsync(factory, mobile, count: 2);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 4; i++)
        {
            var attempt = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile", new { mobile, code = wrong });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var fifth = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile", new { mobile, code = wrong });
        Assert.Equal(HttpStatusCode.Forbidden, fifth.StatusCode);
        Assert.Equal("locked_out", (await fifth.AssertProblemAsync(HttpStatusCode.Forbidden)).Code());

        var right = await browser.PostAsJsonAsync("/api/account/login/mobile", new { mobile, code });
        Assert.Equal(HttpStatusCode.Forbidden, right.StatusCode);
        var lockoutEnd = (await right.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("lockoutEnd").GetDateTimeOffset();
        Assert.InRange(lockoutEnd - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
    }

    [Fact]
    public async Task At_most_five_codes_an_hour_per_number_and_per_address()
    {
        var mobile = SmsSink.NewMobile();
        for (var i = 0; i < 5; i++)
        {
            var ok = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile-code", new { mobile });
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }

        var sixth = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile-code", new { mobile });
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("rate_limited", (await sixth.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Code());

        // One address asking for many numbers is held to five too (new numbers, one client address).
        var browser = factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await browser.PostAsJsonAsync("/api/account/login/mobile-code", new { mobile = SmsSink.NewMobile() })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostAsJsonAsync("/api/account/login/mobile-code", new { mobile = SmsSink.NewMobile() })).StatusCode);
    }

    [Fact]
    public async Task Registration_refuses_a_wrong_code_and_a_number_given_without_a_code_gets_no_sign_in_code()
    {
        var mobile = SmsSink.NewMobile();
        var browser = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Accepted, (await browser.PostAsJsonAsync("/api/account/register/mobile-code", new { mobile })).StatusCode);
        var code = await SmsSink.CodeAsync(factory, mobile);

        var wrong = await browser.PostAsJsonAsync("/api/account/register", Registration(mobile, code == "000000" ? "111111" : "000000"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["invalid_mobile_code"], FieldCodes(await wrong.AssertProblemAsync(HttpStatusCode.BadRequest), "mobileCode"));

        // Without a code the number is kept but never texted, so it cannot be used to sign in.
        var unverified = await browser.PostAsJsonAsync("/api/account/register", Registration(mobile, null));
        Assert.Equal(HttpStatusCode.Created, unverified.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile-code", new { mobile })).StatusCode);
        await Task.Delay(1000);
        Assert.Single(SmsSink.MessagesTo(factory, mobile));
    }

    [Fact]
    public async Task A_code_is_valid_only_for_the_latest_request_and_a_number_verified_once_cannot_be_registered_again()
    {
        var (mobile, _) = await RegisterVerifiedAsync();
        var browser = factory.CreateBrowserClient();
        await browser.PostAsJsonAsync("/api/account/register/mobile-code", new { mobile });
        var code = await SmsSink.CodeAsync(factory, mobile, count: 2);

        var duplicate = await browser.PostAsJsonAsync("/api/account/register", Registration(mobile, code));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("duplicate_mobile", (await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    private async Task<(string Mobile, string Email)> RegisterVerifiedAsync()
    {
        var mobile = SmsSink.NewMobile();
        var browser = factory.CreateBrowserClient();
        var sent = await browser.PostAsJsonAsync("/api/account/register/mobile-code", new { mobile });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var code = await SmsSink.CodeAsync(factory, mobile);
        var registration = Registration(mobile, code);
        var registered = await browser.PostAsJsonAsync("/api/account/register", registration);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (mobile, (string)registration.GetType().GetProperty("email")!.GetValue(registration)!);
    }

    private static object Registration(string mobile, string? mobileCode)
    {
        var dateOfBirth = TestData.RandomDateOfBirth();
        return new
        {
            fullName = "孙小梅",
            idType = "ResidentId",
            idNumber = TestData.ResidentId(dateOfBirth, Domain.Patients.Sex.Female),
            dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sex = "Female",
            mobile,
            mobileCode,
            email = TestData.Email("sms"),
            password = TestData.StrongPassword,
        };
    }

    private static string[] FieldCodes(System.Text.Json.JsonElement problem, string field) =>
        [.. problem.GetProperty("fieldCodes").GetProperty(field).EnumerateArray().Select(c => c.GetString()!)];
}

[Collection(SqliteCollection.Name)]
public sealed class SmsSignInTestsOnSqlite(SqliteApiFactory factory) : SmsSignInTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class SmsSignInTestsOnPostgres(PostgresApiFactory factory) : SmsSignInTests(factory);
