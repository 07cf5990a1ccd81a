using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// What the SPA does, over HTTP: post the password to /api/account/login (session cookie), follow
/// /connect/authorize with PKCE to get a code, and exchange it at /connect/token.
/// </summary>
public static class OidcFlow
{
    public const string ClientId = "internet-hospital-spa";
    public const string RedirectUri = "http://localhost/auth/callback";
    public const string Scopes = "openid profile email roles offline_access api";

    public static async Task<TokenResponse> SignInAsync(HttpClient browser, string email, string password)
    {
        var login = await browser.PostAsJsonAsync("/api/account/login", new { email, password });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        }

        var code = await AuthorizeAsync(browser);
        return await RedeemAsync(browser, code.Code, code.Verifier);
    }

    public static async Task<(string Code, string Verifier)> AuthorizeAsync(HttpClient browser)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var url = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = Scopes,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
        });
        var response = await browser.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
        {
            throw new InvalidOperationException($"Authorize did not redirect: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var location = response.Headers.Location;
        if (!location.ToString().StartsWith(RedirectUri, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Authorize redirected elsewhere: {location}");
        }

        var query = QueryHelpers.ParseQuery(location.Query);
        if (query["state"] != state)
        {
            throw new InvalidOperationException("The state came back changed.");
        }

        return (query["code"].ToString(), verifier);
    }

    public static async Task<TokenResponse> RedeemAsync(HttpClient client, string code, string verifier)
    {
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["code"] = code,
            ["code_verifier"] = verifier,
        }));
        return await ReadTokensAsync(response);
    }

    public static async Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        }));

    public static async Task<TokenResponse> ReadTokensAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The token endpoint refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
