using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// Development stand-ins are not production defaults: a Production host refuses to start unless the payment gateway
/// and the HIS adapters are named, runs simulated payments or the demo HIS only when a staging site opts in (and then
/// says so), and has no simulated pay step with a real gateway.
/// </summary>
public sealed class ProductionDefaultsTests
{
    [Fact]
    public async Task A_production_host_without_payment_and_his_settings_refuses_to_start_and_names_them()
    {
        await using var host = ProductionHost.With(new Dictionary<string, string?>());

        var refusal = Assert.ThrowsAny<Exception>(() => host.Start());

        var message = Flatten(refusal);
        Assert.Contains("Payments:Gateway", message, StringComparison.Ordinal);
        Assert.Contains("His:Reader", message, StringComparison.Ordinal);
        Assert.Contains("His:Writer", message, StringComparison.Ordinal);
        Assert.Contains("Sms:Provider", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Payments:Gateway", "Simulated")]
    [InlineData("His:Reader", "Demo")]
    [InlineData("His:Writer", "Demo")]
    [InlineData("Sms:Provider", "Directory")]
    public async Task A_production_host_refuses_a_development_stand_in_without_the_opt_in(string setting, string standIn)
    {
        await using var host = ProductionHost.With(ProductionHost.RealAdapters, (setting, standIn));

        var refusal = Assert.ThrowsAny<Exception>(() => host.Start());

        Assert.Contains("AllowDevelopmentStandIns", Flatten(refusal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Demo", null)]
    [InlineData("DicomWeb", null)]
    public async Task A_production_host_refuses_to_start_without_a_pacs_even_on_a_staging_site(string? archive, string? baseUrl)
    {
        await using var host = ProductionHost.With(ProductionHost.RealAdapters, ("Imaging:Archive", archive), ("Imaging:DicomWeb:BaseUrl", baseUrl), ("AllowDevelopmentStandIns", "true"));

        var refusal = Assert.ThrowsAny<Exception>(() => host.Start());

        Assert.Contains("Imaging:DicomWeb:BaseUrl", Flatten(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_stripe_and_a_real_his_production_has_no_simulated_pay_step_and_no_banner()
    {
        await using var host = ProductionHost.With(ProductionHost.RealAdapters);
        var client = host.Start();

        var simulate = await client.PostAsJsonAsync($"/api/payments/{Guid.NewGuid()}/simulate", new { outcome = "Succeed" });

        Assert.Equal("no_such_endpoint", (await simulate.AssertProblemAsync(HttpStatusCode.NotFound)).Code());
        var site = await (await client.GetAsync("/api/site")).ReadJsonAsync();
        Assert.Empty(site.GetProperty("developmentStandIns").EnumerateArray());
    }

    [Fact]
    public async Task With_wechat_pay_and_alipay_production_starts_offers_both_and_has_no_simulated_pay_step()
    {
        await using var host = ProductionHost.With(ProductionHost.ChinaPayments());
        var client = host.Start();

        var simulate = await client.PostAsJsonAsync($"/api/payments/{Guid.NewGuid()}/simulate", new { outcome = "Succeed" });

        Assert.Equal("no_such_endpoint", (await simulate.AssertProblemAsync(HttpStatusCode.NotFound)).Code());
        Assert.Empty((await (await client.GetAsync("/api/site")).ReadJsonAsync()).GetProperty("developmentStandIns").EnumerateArray());
    }

    [Theory]
    [InlineData("Payments:WeChatPay:ApiV3Key", null, "ApiV3Key")]
    [InlineData("Payments:WeChatPay:ApiV3Key", "too-short", "ApiV3Key")]
    [InlineData("Payments:WeChatPay:MerchantPrivateKey", null, "MerchantPrivateKey")]
    [InlineData("Payments:WeChatPay:PlatformPublicKey", "not a key", "PlatformPublicKey")]
    [InlineData("Payments:Alipay:AppPrivateKey", null, "AppPrivateKey")]
    [InlineData("Payments:Alipay:AlipayPublicKey", "not a key", "AlipayPublicKey")]
    [InlineData("Payments:Providers:1", "UnionPay", "UnionPay")]
    public async Task Production_refuses_to_start_with_a_missing_or_unusable_wechat_pay_or_alipay_secret(string setting, string? value, string named)
    {
        await using var host = ProductionHost.With(ProductionHost.ChinaPayments(), (setting, value));

        var refusal = Assert.ThrowsAny<Exception>(() => host.Start());

        Assert.Contains(named, Flatten(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staging_site_that_opts_in_runs_the_stand_ins_and_tells_the_spa()
    {
        await using var host = ProductionHost.With(
            new Dictionary<string, string?>(),
            ("Payments:Gateway", "Simulated"),
            ("His:Reader", "Demo"),
            ("His:Writer", "Demo"),
            ("Imaging:Archive", "DicomWeb"),
            ("Imaging:DicomWeb:BaseUrl", "http://127.0.0.1:9/dicom-web/"),
            ("Sms:Provider", "Directory"),
            ("AllowDevelopmentStandIns", "true"));
        var client = host.Start();

        var site = await (await client.GetAsync("/api/site")).ReadJsonAsync();

        Assert.Equal(["payments", "his", "sms"], site.GetProperty("developmentStandIns").EnumerateArray().Select(s => s.GetString()!).ToArray());

        // The pay step exists here (it still needs the payer's sign-in).
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/payments/{Guid.NewGuid()}/simulate", new { outcome = "Succeed" })).StatusCode);
    }

    [Fact]
    public async Task Production_pins_the_issuer_and_serves_no_api_reference()
    {
        await using var host = ProductionHost.With(ProductionHost.RealAdapters);
        var client = host.Start();

        var forged = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        forged.Headers.Host = "evil.example";
        var discovery = await (await client.SendAsync(forged)).ReadJsonAsync();

        Assert.Equal("https://portal.example-hospital.test/", discovery.GetProperty("issuer").GetString());

        // The API reference is off outside Development: no document, and /docs is only the SPA's own page.
        // (No endpoint matches, so the fallback authorization policy answers 401 before anything could be served.)
        var openApi = await client.GetAsync("/openapi/v1.json");
        Assert.False(openApi.IsSuccessStatusCode, $"{(int)openApi.StatusCode}");
        Assert.DoesNotContain("\"openapi\"", await openApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var docs = await client.GetAsync("/docs");
        Assert.DoesNotContain("openapi/v1.json", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sms:Tencent:SecretKey")]
    [InlineData("Sms:Templates:sign_in_code")]
    public async Task A_production_host_with_a_real_sms_provider_refuses_to_start_without_its_secret_or_a_template(string setting)
    {
        await using var host = ProductionHost.With(ProductionHost.RealAdapters, (setting, null));

        var refusal = Assert.ThrowsAny<Exception>(() => host.Start());

        Assert.Contains(setting, Flatten(refusal), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

}
