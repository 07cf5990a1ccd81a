using System.Net;
using System.Net.Http.Headers;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Validation;

namespace InternetHospital.IntegrationTests.Accounts;

/// <summary>What the API refuses however cheap validating tokens becomes: a changed token, an expired one, none.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AccessTokenTests(SqliteApiFactory factory)
{
    [Fact]
    public async Task A_tampered_access_token_is_refused()
    {
        var token = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "dr.zhao@demo.test", TestData.DemoPassword)).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await Call(factory.CreateBrowserClient(), token)).StatusCode);

        // One character changed in each part of the token (header, key, IV, content, tag / payload, signature).
        var parts = token.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var changed = parts.ToArray();
            var middle = changed[i].Length / 2;
            changed[i] = changed[i][..middle] + (changed[i][middle] == 'A' ? 'B' : 'A') + changed[i][(middle + 1)..];
            Assert.Equal(HttpStatusCode.Unauthorized, (await Call(factory.CreateBrowserClient(), string.Join('.', changed))).StatusCode);
        }
    }

    [Fact]
    public async Task Two_accepted_tokens_spliced_together_are_refused()
    {
        // Note: verified tokens are remembered by their whole text; a token built from parts of two accepted ones
        // (one's claims, the other's signature) must be verified, and refused, like any changed token.
        var first = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "dr.zhao@demo.test", TestData.DemoPassword)).AccessToken;
        var second = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "zhangwei@demo.test", TestData.DemoPassword)).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await Call(factory.CreateBrowserClient(), first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Call(factory.CreateBrowserClient(), second)).StatusCode);

        var a = first.Split('.');
        var b = second.Split('.');
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(factory.CreateBrowserClient(), $"{a[0]}.{b[1]}.{a[2]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(factory.CreateBrowserClient(), $"{a[0]}.{a[1]}.{b[2]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Call(factory.CreateBrowserClient(), first)).StatusCode);
    }

    [Fact]
    public async Task An_access_token_carries_ids_and_roles_but_no_personal_data()
    {
        var token = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "zhangwei@demo.test", TestData.DemoPassword)).AccessToken;

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var payload = System.Text.Json.JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        Assert.True(Guid.TryParse(payload.GetProperty("sub").GetString(), out _));
        Assert.True(Guid.TryParse(payload.GetProperty("ih_sid").GetString(), out _));
        Assert.Contains("Patient", payload.GetProperty("role").ValueKind == System.Text.Json.JsonValueKind.Array
            ? payload.GetProperty("role").EnumerateArray().Select(r => r.GetString()) : [payload.GetProperty("role").GetString()]);
        var text = System.Text.Encoding.UTF8.GetString(Base64Url(parts[1]));
        Assert.False(payload.TryGetProperty("email", out _), text);
        Assert.False(payload.TryGetProperty("name", out _), text);
        Assert.False(payload.TryGetProperty("ih_stamp", out _), text);
        Assert.DoesNotContain("zhangwei", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("张伟", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_token_is_refused_once_its_five_minutes_are_over()
    {
        var token = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "dr.zhao@demo.test", TestData.DemoPassword)).AccessToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(4));
        using var later = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<OpenIddictValidationOptions>(options => options.TimeProvider = clock)));
        var client = later.CreateClient();
        client.DefaultRequestHeaders.Add(ApiFactory.ClientIpHeader, TestData.ClientIp());

        Assert.Equal(HttpStatusCode.OK, (await Call(client, token)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(client, token)).StatusCode);
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static Task<HttpResponseMessage> Call(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/care/hospital");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
