using System.Net;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>What every response carries, and the non-API parts of the host (health, OpenAPI, the SPA).</summary>
[Collection(SqliteCollection.Name)]
public sealed class HostingTests(SqliteApiFactory factory)
{
    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/nope")]
    [InlineData("/health/live")]
    [InlineData("/")]
    [InlineData("/my-health")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src")[0], StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Api_responses_are_never_cached()
    {
        var patient = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword);

        var response = await patient.GetAsync("/api/me");

        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Unknown_non_api_paths_serve_the_spa()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/some/spa/route");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"root\"></div>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task Health_endpoints_answer_live_and_ready()
    {
        var client = factory.CreateBrowserClient();

        Assert.Equal("Healthy", await (await client.GetAsync("/health/live")).Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_and_the_reference_page_are_served()
    {
        var client = factory.CreateBrowserClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/account/register", out _));

        var docs = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_runs_its_stand_ins_without_a_staging_banner()
    {
        var site = await (await factory.CreateBrowserClient().GetAsync("/api/site")).ReadJsonAsync();

        Assert.Empty(site.GetProperty("developmentStandIns").EnumerateArray());
    }
}
