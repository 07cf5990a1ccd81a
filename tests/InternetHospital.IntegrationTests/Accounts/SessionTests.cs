using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Accounts;

/// <summary>
/// Sign-in sessions and what ends them: sign-out, "sign out this device", a password or two-factor change elsewhere.
/// Access tokens of an ended session fail on the very next request, not when they expire.
/// </summary>
public abstract class SessionTests(ApiFactory factory)
{
    [Fact]
    public async Task Signing_out_makes_the_access_token_fail_at_once()
    {
        var email = await RegisterAsync();
        var device = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await device.Api.GetAsync("/api/me")).StatusCode);

        var signOut = await device.Browser.GetAsync($"/connect/endsession?id_token_hint={device.Tokens.IdToken}&post_logout_redirect_uri={Uri.EscapeDataString("http://localhost/")}");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await device.Api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), device.Tokens.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_is_accepted_only_from_the_authorization_header()
    {
        var email = await RegisterAsync();
        var device = await SignInAsync(email);
        var anonymous = factory.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await device.Api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/me?access_token={device.Tokens.AccessToken}")).StatusCode);
        var form = await anonymous.PostAsync("/api/notifications/read-all", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["access_token"] = device.Tokens.AccessToken,
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, form.StatusCode);
    }

    [Fact]
    public async Task A_person_sees_their_sessions_and_signs_one_out_without_the_other()
    {
        var email = await RegisterAsync();
        var phone = await SignInAsync(email, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", "203.0.113.77");
        var laptop = await SignInAsync(email, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "198.51.100.23");

        var sessions = (await (await laptop.Api.GetAsync("/api/account/sessions")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("Chrome", current.GetProperty("browser").GetString());
        Assert.Equal("Windows", current.GetProperty("os").GetString());
        Assert.Equal("198.51.100.*", current.GetProperty("address").GetString());
        var other = Assert.Single(sessions, s => !s.GetProperty("current").GetBoolean());
        Assert.Equal("Safari", other.GetProperty("browser").GetString());
        Assert.Equal("iOS", other.GetProperty("os").GetString());
        Assert.Equal("203.0.113.*", other.GetProperty("address").GetString());
        Assert.True(other.GetProperty("signedInAt").GetDateTimeOffset() <= other.GetProperty("lastActiveAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.OK, (await phone.Api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.Api.DeleteAsync($"/api/account/sessions/{other.GetProperty("id").GetGuid()}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), phone.Tokens.RefreshToken!)).StatusCode);
        Assert.False((await (await phone.Browser.GetAsync("/api/account/session")).ReadJsonAsync()).GetProperty("authenticated").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await laptop.Api.GetAsync("/api/me")).StatusCode);
        Assert.Single((await (await laptop.Api.GetAsync("/api/account/sessions")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Another_persons_session_cannot_be_signed_out()
    {
        var mine = await SignInAsync(await RegisterAsync());
        var theirs = await SignInAsync(await RegisterAsync());
        var theirSession = (await (await theirs.Api.GetAsync("/api/account/sessions")).ReadJsonAsync()).EnumerateArray().Single().GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await mine.Api.DeleteAsync($"/api/account/sessions/{theirSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await theirs.Api.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_signs_out_every_other_session_and_keeps_this_one()
    {
        var email = await RegisterAsync();
        var other = await SignInAsync(email);
        var here = await SignInAsync(email);
        const string NewPassword = "a brand new passphrase 2026";

        var wrong = await here.Api.PostAsJsonAsync("/api/account/password", new { currentPassword = "not the password", newPassword = NewPassword });
        Assert.Equal("wrong_password", (await wrong.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        Assert.Equal(HttpStatusCode.OK, (await other.Api.GetAsync("/api/me")).StatusCode);

        var changed = await here.Api.PostAsJsonAsync("/api/account/password", new { currentPassword = TestData.StrongPassword, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), other.Tokens.RefreshToken!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Api.GetAsync("/api/me")).StatusCode);
        var refreshed = await OidcFlow.ReadTokensAsync(await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), here.Tokens.RefreshToken!));
        Assert.False(string.IsNullOrEmpty(refreshed.AccessToken));

        // This browser's sign-in still gets codes; the old password no longer signs in, the new one does.
        await OidcFlow.AuthorizeAsync(here.Browser);
        var old = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email, password = TestData.StrongPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, NewPassword);
    }

    [Fact]
    public async Task The_authenticator_key_is_shown_only_during_enrolment_and_enrolling_signs_out_other_sessions()
    {
        var email = await RegisterAsync();
        var other = await SignInAsync(email);
        var here = await SignInAsync(email);

        var enrolment = await (await here.Api.GetAsync("/api/account/two-factor")).ReadJsonAsync();
        Assert.False(enrolment.GetProperty("enabled").GetBoolean());
        var key = enrolment.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("authenticatorUri").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await here.Api.PostAsJsonAsync("/api/account/two-factor/enable", new { code = Totp.Code(key) })).StatusCode);

        var enrolled = await (await here.Api.GetAsync("/api/account/two-factor")).ReadJsonAsync();
        Assert.True(enrolled.GetProperty("enabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, enrolled.GetProperty("sharedKey").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, enrolled.GetProperty("authenticatorUri").ValueKind);
        Assert.DoesNotContain(key, await (await here.Api.GetAsync("/api/account/two-factor")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Api.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_and_a_current_code()
    {
        var email = await RegisterAsync();
        var here = await SignInAsync(email);
        var key = (await (await here.Api.GetAsync("/api/account/two-factor")).ReadJsonAsync()).GetProperty("sharedKey").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await here.Api.PostAsJsonAsync("/api/account/two-factor/enable", new { code = Totp.Code(key) })).StatusCode);

        var bare = await here.Api.PostAsJsonAsync("/api/account/two-factor/disable", new { });
        Assert.Equal("reauthentication_failed", (await bare.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        var codeOnly = await here.Api.PostAsJsonAsync("/api/account/two-factor/disable", new { password = "not the password", code = Totp.Code(key) });
        Assert.Equal("reauthentication_failed", (await codeOnly.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        var passwordOnly = await here.Api.PostAsJsonAsync("/api/account/two-factor/disable", new { password = TestData.StrongPassword, code = "000000" == Totp.Code(key) ? "111111" : "000000" });
        Assert.Equal("reauthentication_failed", (await passwordOnly.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        Assert.True((await (await here.Api.GetAsync("/api/account/two-factor")).ReadJsonAsync()).GetProperty("enabled").GetBoolean());

        var off = await here.Api.PostAsJsonAsync("/api/account/two-factor/disable", new { password = TestData.StrongPassword, code = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        Assert.False((await (await here.Api.GetAsync("/api/account/two-factor")).ReadJsonAsync()).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Nothing_security_relevant_works_while_the_account_is_locked_out()
    {
        var email = await RegisterAsync();
        var device = await SignInAsync(email);
        var key = (await (await device.Api.GetAsync("/api/account/two-factor")).ReadJsonAsync()).GetProperty("sharedKey").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await device.Api.PostAsJsonAsync("/api/account/two-factor/enable", new { code = Totp.Code(key) })).StatusCode);

        // Someone else guesses the password five times: the account locks.
        var attacker = factory.CreateBrowserClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.PostAsJsonAsync("/api/account/login", new { email, password = "guess-" + attempt });
        }

        var disable = await device.Api.PostAsJsonAsync("/api/account/two-factor/disable", new { password = TestData.StrongPassword, code = Totp.Code(key) });
        Assert.Equal("locked_out", (await disable.AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal("locked_out", (await (await device.Api.GetAsync("/api/account/two-factor")).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal("locked_out", (await (await device.Api.GetAsync("/api/account/sessions")).AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        var password = await device.Api.PostAsJsonAsync("/api/account/password", new { currentPassword = TestData.StrongPassword, newPassword = "a brand new passphrase 2026" });
        Assert.Equal("locked_out", (await password.AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal(HttpStatusCode.BadRequest, (await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), device.Tokens.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task The_lockout_answer_is_the_same_for_a_registered_and_an_unknown_address()
    {
        var registered = await RegisterAsync();
        var unknown = TestData.Email("nobody");
        var answers = new Dictionary<string, List<HttpResponseMessage>> { [registered] = [], [unknown] = [] };
        foreach (var email in answers.Keys)
        {
            var browser = factory.CreateBrowserClient();
            for (var attempt = 0; attempt < 6; attempt++)
            {
                answers[email].Add(await browser.PostAsJsonAsync("/api/account/login", new { email, password = "wrong-password-" + attempt }));
            }
        }

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var a = answers[registered][attempt];
            var b = answers[unknown][attempt];
            Assert.Equal(a.StatusCode, b.StatusCode);
            var problemA = await a.AssertProblemAsync(a.StatusCode);
            var problemB = await b.AssertProblemAsync(b.StatusCode);
            Assert.Equal(problemA.Code(), problemB.Code());
            Assert.Equal(problemA.GetProperty("title").GetString(), problemB.GetProperty("title").GetString());
            Assert.Equal(problemA.TryGetProperty("lockoutEnd", out _), problemB.TryGetProperty("lockoutEnd", out _));
        }

        var lockedA = await answers[registered][4].AssertProblemAsync(HttpStatusCode.Forbidden);
        var lockedB = await answers[unknown][4].AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("locked_out", lockedB.Code());
        Assert.InRange(lockedB.GetProperty("lockoutEnd").GetDateTimeOffset() - lockedA.GetProperty("lockoutEnd").GetDateTimeOffset(), TimeSpan.FromSeconds(-30), TimeSpan.FromSeconds(30));
    }

    private async Task<string> RegisterAsync()
    {
        var email = TestData.Email("session");
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    private async Task<Device> SignInAsync(string email, string? userAgent = null, string? address = null)
    {
        var browser = factory.CreateBrowserClient(address);
        var api = factory.CreateBrowserClient(address);
        if (userAgent is not null)
        {
            browser.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
            api.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        var tokens = await OidcFlow.SignInAsync(browser, email, TestData.StrongPassword);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new Device(browser, api, tokens);
    }

    private sealed record Device(HttpClient Browser, HttpClient Api, TokenResponse Tokens);
}

[Collection(SqliteCollection.Name)]
public sealed class SessionTestsOnSqlite(SqliteApiFactory factory) : SessionTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class SessionTestsOnPostgres(PostgresApiFactory factory) : SessionTests(factory);
