using System.IO.Compression;
using System.Net;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>What a phone downloads: the SPA's assets precompressed and cached, API JSON compressed except where secrets are.</summary>
[Collection(SqliteCollection.Name)]
public sealed class CompressionTests(SqliteApiFactory factory)
{
    private string WebRoot => factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;

    /// <summary>The SPA build writes a .br and a .gz beside every asset big enough to gain from it.</summary>
    private string CompressedAsset()
    {
        var asset = Directory.EnumerateFiles(Path.Combine(WebRoot, "assets"), "*.js").FirstOrDefault(file => File.Exists(file + ".br") && File.Exists(file + ".gz"));
        Assert.True(asset is not null, "the SPA build should write .br and .gz copies of its scripts (web/vite.config.ts)");
        return asset;
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task Assets_go_out_precompressed_in_an_encoding_the_browser_accepts(string acceptEncoding, string expected)
    {
        var asset = CompressedAsset();
        var client = factory.CreateBrowserClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/assets/" + Path.GetFileName(asset));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = expected == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await decoded.CopyToAsync(plain);
        Assert.Equal(await File.ReadAllBytesAsync(asset), plain.ToArray());
    }

    [Fact]
    public async Task A_browser_without_compression_gets_the_asset_as_it_is()
    {
        var asset = CompressedAsset();

        var response = await factory.CreateBrowserClient().GetAsync("/assets/" + Path.GetFileName(asset));

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(asset), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_compressed_copies_are_not_resources_of_their_own()
    {
        var asset = CompressedAsset();

        var response = await factory.CreateBrowserClient().GetAsync("/assets/" + Path.GetFileName(asset) + ".br");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_itself_is_revalidated_on_every_visit()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/login");

        Assert.True(response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Api_json_is_compressed_but_never_on_the_account_and_token_paths()
    {
        var patient = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword);
        patient.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        var doctors = await patient.GetAsync("/api/care/doctors");
        var session = await patient.GetAsync("/api/account/session");

        Assert.Equal(HttpStatusCode.OK, doctors.StatusCode);
        Assert.Equal("br", Assert.Single(doctors.Content.Headers.ContentEncoding));
        await using var decoded = new BrotliStream(await doctors.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        Assert.StartsWith("[{", await reader.ReadToEndAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Empty(session.Content.Headers.ContentEncoding);
    }
}
