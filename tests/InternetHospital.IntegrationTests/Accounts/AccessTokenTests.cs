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

    private static Task<HttpResponseMessage> Call(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/care/hospital");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
