using System.Net;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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

    [Theory]
    [InlineData("/api/appointments/not-a-guid")]
    [InlineData("/api/video-visits/123/note")]
    public async Task An_api_path_whose_parameters_do_not_fit_any_route_is_404_not_405(string path)
    {
        var patient = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword);

        var response = await patient.GetAsync(path);

        Assert.Equal("no_such_endpoint", (await response.AssertProblemAsync(HttpStatusCode.NotFound)).Code());
    }

    [Fact]
    public async Task A_known_path_with_the_wrong_method_is_still_405()
    {
        var response = await factory.CreateBrowserClient().DeleteAsync($"/api/appointments/{Guid.NewGuid()}");

        Assert.Equal("method_not_allowed", (await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed)).Code());
    }

    [Fact]
    public async Task A_json_endpoint_called_without_a_json_body_is_415_not_405()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/api/appointments", new StringContent("slotId=1"));

        Assert.Equal("unsupported_media_type", (await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType)).Code());
        Assert.Empty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Development_takes_the_issuer_from_the_request()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "dev-machine.local:5080";

        var discovery = await (await factory.CreateBrowserClient().SendAsync(request)).ReadJsonAsync();

        Assert.Equal("http://dev-machine.local:5080/", discovery.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task An_uploaded_file_name_loses_its_bidi_and_invisible_characters()
    {
        var patient = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword);
        var patientId = (await (await patient.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("patients")[0].GetProperty("id").GetGuid();
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 discharge summary"u8.ToArray()), "file", "invoice\u202Efdp\u200B\u2066.exe.pdf" } };

        var stored = await (await patient.PostAsync($"/api/appointments/proofs?patientId={patientId}", upload)).ReadJsonAsync();

        Assert.Equal("invoicefdp.exe.pdf", stored.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Every_request_body_in_the_openapi_document_is_the_type_the_endpoint_reads()
    {
        var document = await (await factory.CreateBrowserClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var wrong = new List<string>();
        var compared = 0;
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault();
            if (bodyType is null || method is null || endpoint.RoutePattern.RawText is not { } raw || !raw.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            var path = System.Text.RegularExpressions.Regex.Replace(raw.TrimEnd('/'), @":[^}]*\}", "}");
            if (!document.GetProperty("paths").TryGetProperty(path, out var item)
                || !item.TryGetProperty(method.ToLowerInvariant(), out var operation)
                || !operation.TryGetProperty("requestBody", out var body)
                || !body.GetProperty("content").TryGetProperty("application/json", out var json)
                || !json.GetProperty("schema").TryGetProperty("$ref", out var reference))
            {
                continue;
            }

            var schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            var documented = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList() : [];
            var actual = bodyType.GetProperties().Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal).ToList();
            compared++;
            if (!documented.SequenceEqual(actual))
            {
                wrong.Add($"{method} {path}: documented {string.Join(",", documented)}; reads {bodyType.Name} ({string.Join(",", actual)})");
            }
        }

        Assert.True(compared > 20, $"Only {compared} bodies compared.");
        Assert.Empty(wrong);
    }
}
