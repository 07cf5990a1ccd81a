using System.Net;
using System.Net.Http.Json;
using InternetHospital.Api.Common;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// What signed-in people do is limited per account, never per address; limits per address (sign-in) take the address
/// from <c>X-Forwarded-For</c> only when a configured proxy sent it.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class RateLimitTests(SqliteApiFactory factory)
{
    [Fact]
    public async Task Two_people_on_one_address_do_not_share_the_visit_chat_limit()
    {
        var (visit, doctor) = await VisitScenario.AdmittedAsync(factory);
        var sharedAddress = TestData.ClientIp();
        foreach (var api in new[] { visit.Patient.Api, doctor.Api })
        {
            api.DefaultRequestHeaders.Remove(ApiFactory.ClientIpHeader);
            api.DefaultRequestHeaders.Add(ApiFactory.ClientIpHeader, sharedAddress);
        }

        var url = $"/api/video-visits/{visit.AppointmentId}/messages";
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            var sent = await visit.Patient.Api.PostAsJsonAsync(url, new { text = $"message {i}" });
            if (sent.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = sent;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            }
        }

        Assert.Equal("rate_limited", (await limited!.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Code());

        // The doctor beside the patient, on the same address, has a limit of their own.
        await (await doctor.Api.PostAsJsonAsync(url, new { text = "Let us slow down; I read everything." })).ReadJsonAsync();
    }

    [Fact]
    public async Task A_spoofed_forwarded_for_from_loopback_does_not_reset_the_sign_in_limit()
    {
        // Loopback is what the framework trusts as a proxy by default; nothing is configured here.
        var browser = factory.CreateBrowserClient($"127.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            using var attempt = new HttpRequestMessage(HttpMethod.Post, "/api/account/login") { Content = JsonContent.Create(new { email = TestData.Email(), password = "x-" + i }) };
            attempt.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            var response = await browser.SendAsync(attempt);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal("rate_limited", (await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Code());
    }

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3", "203.0.113.7")]
    [InlineData("10.1.2.3", "127.0.0.1", "127.0.0.1")]
    [InlineData("10.1.2.3", "10.9.9.9", "10.9.9.9")]
    [InlineData(null, "127.0.0.1", "127.0.0.1")]
    [InlineData(null, "10.9.9.9", "10.9.9.9")]
    [InlineData("", "127.0.0.1", "127.0.0.1")]
    public async Task Only_a_configured_proxy_names_the_client(string? knownProxy, string connectedFrom, string clientSeen)
    {
        var settings = knownProxy is null ? [] : new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = knownProxy };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ForwardedHeadersOptions();
        ApiServices.ConfigureForwardedHeaders(options, configuration);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(connectedFrom);
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";

        await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Microsoft.Extensions.Options.Options.Create(options)).Invoke(context);

        Assert.Equal(IPAddress.Parse(clientSeen), context.Connection.RemoteIpAddress);
    }

    // An ingress controller's pods have no fixed address: a trusted network (the pod CIDR) names the client for them,
    // and nobody outside it can.
    [Theory]
    [InlineData("10.244.0.0/16", "10.244.3.17", "203.0.113.7", "https")]
    [InlineData("10.244.0.0/16", "10.245.0.1", "10.245.0.1", "http")]
    [InlineData("10.244.0.0/16", "127.0.0.1", "127.0.0.1", "http")]
    [InlineData(" ", "10.244.3.17", "10.244.3.17", "http")]
    public async Task Only_a_configured_proxy_network_names_the_client(string knownNetwork, string connectedFrom, string clientSeen, string schemeSeen)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ReverseProxy:KnownNetworks:0"] = knownNetwork }).Build();
        var options = new ForwardedHeadersOptions();
        ApiServices.ConfigureForwardedHeaders(options, configuration);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(connectedFrom);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        context.Request.Headers["X-Forwarded-Proto"] = "https";

        await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Microsoft.Extensions.Options.Options.Create(options)).Invoke(context);

        Assert.Equal(IPAddress.Parse(clientSeen), context.Connection.RemoteIpAddress);
        Assert.Equal(schemeSeen, context.Request.Scheme);
    }
}
