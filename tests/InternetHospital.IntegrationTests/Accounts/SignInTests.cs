using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace InternetHospital.IntegrationTests.Accounts;

public abstract class SignInTests(ApiFactory factory)
{
    private const string DoctorEmail = "dr.li@demo.test";

    [Fact]
    public async Task The_code_flow_with_pkce_issues_tokens_that_call_the_api()
    {
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), DoctorEmail, TestData.DemoPassword);

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        Assert.False(string.IsNullOrEmpty(tokens.IdToken));
        var api = factory.CreateBrowserClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var me = await (await api.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("李伟", me.GetProperty("name").GetString());
        Assert.Contains("Doctor", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKindNull, me.GetProperty("maskedIdNumber").ValueKind);
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_reusing_an_old_one_revokes_the_whole_chain()
    {
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "dr.wang@demo.test", TestData.DemoPassword);
        var client = factory.CreateBrowserClient();

        var refreshed = await OidcFlow.ReadTokensAsync(await OidcFlow.RefreshAsync(client, tokens.RefreshToken!));
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);

        var replay = await OidcFlow.RefreshAsync(client, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("invalid_grant", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The reuse looks like a stolen token: the newer token of the same chain stops working too.
        var afterReplay = await OidcFlow.RefreshAsync(client, refreshed.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, afterReplay.StatusCode);
    }

    [Fact]
    public async Task The_authorize_endpoint_sends_a_browser_without_a_session_to_the_login_page()
    {
        var browser = factory.CreateBrowserClient();
        var response = await browser.GetAsync($"/connect/authorize?client_id={OidcFlow.ClientId}&redirect_uri={Uri.EscapeDataString(OidcFlow.RedirectUri)}&response_type=code&scope=openid%20api&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=abc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/login?returnUrl=", location, StringComparison.Ordinal);
        var returnUrl = QueryHelpers.ParseQuery(location[location.IndexOf('?', StringComparison.Ordinal)..])["returnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", returnUrl, StringComparison.Ordinal);
        Assert.Contains("code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", returnUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_browser_gets_a_code_silently_in_a_frame_only_the_app_itself_may_show()
    {
        var browser = factory.CreateBrowserClient();
        await browser.PostAsJsonAsync("/api/account/login", new { email = DoctorEmail, password = TestData.DemoPassword });

        // What the SPA's hidden frame asks after a reload (oidc-client-ts signinSilent): prompt=none, landing on the static page.
        var response = await browser.GetAsync(SilentAuthorizeUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(SilentCallback + "?", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var tokens = await OidcFlow.ReadTokensAsync(await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = OidcFlow.ClientId, ["redirect_uri"] = SilentCallback,
            ["code"] = QueryHelpers.ParseQuery(location.Query)["code"].ToString(), ["code_verifier"] = PkceVerifier,
        })));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));

        // The same endpoint asked to show itself (no prompt=none) and the app's pages stay unframeable.
        var interactive = await browser.GetAsync(SilentAuthorizeUrl.Replace("&prompt=none", string.Empty, StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(interactive.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(interactive.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task A_silent_request_without_a_session_is_answered_login_required_never_the_login_page()
    {
        var response = await factory.CreateBrowserClient().GetAsync(SilentAuthorizeUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(SilentCallback + "?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("login_required", query["error"].ToString());
        Assert.False(query.ContainsKey("code"));
    }

    /// <summary>A PKCE verifier and its S256 challenge (base64url of its SHA-256).</summary>
    private const string PkceVerifier = "silent-sign-in-test-verifier-0123456789-abcdefghij";

    private const string PkceChallenge = "PqadsidBzL7zvP8Hwia4_fGqV8NaLGsUYNZOEHB_94E";

    private const string SilentCallback = "http://localhost/auth/silent.html";

    private static readonly string SilentAuthorizeUrl =
        $"/connect/authorize?client_id={OidcFlow.ClientId}&redirect_uri={Uri.EscapeDataString(SilentCallback)}&response_type=code" +
        $"&scope={Uri.EscapeDataString(OidcFlow.Scopes)}&code_challenge={PkceChallenge}&code_challenge_method=S256&state=abc&prompt=none";

    [Fact]
    public async Task A_code_request_without_pkce_is_refused()
    {
        var browser = factory.CreateBrowserClient();
        await browser.PostAsJsonAsync("/api/account/login", new { email = DoctorEmail, password = TestData.DemoPassword });

        var response = await browser.GetAsync($"/connect/authorize?client_id={OidcFlow.ClientId}&redirect_uri={Uri.EscapeDataString(OidcFlow.RedirectUri)}&response_type=code&scope=openid&state=abc");

        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.DoesNotContain("code=", location, StringComparison.Ordinal);
        Assert.True(location.Contains("error=invalid_request", StringComparison.Ordinal) || response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {location}");
    }

    [Fact]
    public async Task An_authorization_code_works_once()
    {
        var browser = factory.CreateBrowserClient();
        await browser.PostAsJsonAsync("/api/account/login", new { email = DoctorEmail, password = TestData.DemoPassword });
        var (code, verifier) = await OidcFlow.AuthorizeAsync(browser);

        await OidcFlow.RedeemAsync(browser, code, verifier);
        var second = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = OidcFlow.ClientId, ["redirect_uri"] = OidcFlow.RedirectUri,
            ["code"] = code, ["code_verifier"] = verifier,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_refresh_token_and_ends_the_session()
    {
        var email = await RegisterAsync();
        var browser = factory.CreateBrowserClient();
        var tokens = await OidcFlow.SignInAsync(browser, email, TestData.StrongPassword);

        var signOut = await browser.GetAsync($"/connect/endsession?id_token_hint={tokens.IdToken}&post_logout_redirect_uri={Uri.EscapeDataString("http://localhost/")}");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("http://localhost/", signOut.Headers.Location?.ToString());

        var refresh = await OidcFlow.RefreshAsync(factory.CreateBrowserClient(), tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        var session = await (await browser.GetAsync("/api/account/session")).ReadJsonAsync();
        Assert.False(session.GetProperty("authenticated").GetBoolean());
    }

    [Fact]
    public async Task The_session_endpoint_tells_the_spa_whether_the_browser_is_signed_in()
    {
        var browser = factory.CreateBrowserClient();
        Assert.False((await (await browser.GetAsync("/api/account/session")).ReadJsonAsync()).GetProperty("authenticated").GetBoolean());

        await browser.PostAsJsonAsync("/api/account/login", new { email = DoctorEmail, password = TestData.DemoPassword });

        Assert.True((await (await browser.GetAsync("/api/account/session")).ReadJsonAsync()).GetProperty("authenticated").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        var unknown = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email = TestData.Email(), password = "whatever-it-is" });
        var wrong = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email = "dr.zhao@demo.test", password = "not-the-password" });

        var a = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var b = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_credentials", a.Code());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var email = await RegisterAsync();
        var browser = factory.CreateBrowserClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await browser.PostAsJsonAsync("/api/account/login", new { email, password = "wrong-password-" + attempt });
            Assert.Equal("invalid_credentials", (await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized)).Code());
        }

        var fifth = await browser.PostAsJsonAsync("/api/account/login", new { email, password = "wrong-password-5" });
        var locked = await fifth.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("locked_out", locked.Code());
        var lockoutEnd = locked.GetProperty("lockoutEnd").GetDateTimeOffset();
        Assert.InRange(lockoutEnd - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));

        // Even the right password does not get in while the lock lasts.
        var right = await browser.PostAsJsonAsync("/api/account/login", new { email, password = TestData.StrongPassword });
        Assert.Equal("locked_out", (await right.AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after()
    {
        var browser = factory.CreateBrowserClient();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            var response = await browser.PostAsJsonAsync("/api/account/login", new { email = TestData.Email(), password = "x-" + i });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", problem.Code());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Another client address is not affected.
        var other = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email = TestData.Email(), password = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task A_machine_client_gets_a_token_with_client_credentials()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ApiFactory.MachineClientId,
            ["client_secret"] = ApiFactory.MachineClientSecret,
            ["scope"] = "his",
        }));

        var tokens = await OidcFlow.ReadTokensAsync(response);
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.Null(tokens.RefreshToken);

        var wrongSecret = await factory.CreateBrowserClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ApiFactory.MachineClientId, ["client_secret"] = "not-the-secret-at-all-000",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task<string> RegisterAsync()
    {
        var email = TestData.Email();
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInTestsOnSqlite(SqliteApiFactory factory) : SignInTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class SignInTestsOnPostgres(PostgresApiFactory factory) : SignInTests(factory);
