using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// The API started as Production, with every secret Production requires (generated per host, never stored) and
/// nothing of the development set-up: no demo data, no plain-http exemption. <paramref name="settings"/> adds or
/// overrides settings (a null value leaves a setting out), so a test can start it with or without the payment and HIS
/// adapters.
/// </summary>
public sealed class ProductionHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>Real adapters named (Stripe, FHIR, Tencent Cloud SMS); their endpoints are never called by the tests that use this.</summary>
    public static readonly IReadOnlyDictionary<string, string?> RealAdapters = new Dictionary<string, string?>
    {
        ["Payments:Gateway"] = "Stripe",
        ["Payments:Stripe:SecretKey"] = "sk_test_not_a_real_key",
        ["Payments:Stripe:WebhookSecret"] = "whsec_test_not_a_real_secret",
        ["Payments:Stripe:ApiBase"] = "http://127.0.0.1:9",
        ["His:Reader"] = "Fhir",
        ["His:FhirReader:BaseUrl"] = "http://127.0.0.1:9/fhir",
        ["His:Writer"] = "Fhir",
        ["His:FhirWriter:BaseUrl"] = "http://127.0.0.1:9/fhir",
        ["Imaging:Archive"] = "DicomWeb",
        ["Imaging:DicomWeb:BaseUrl"] = "http://127.0.0.1:9/dicom-web/",
        ["Sms:Provider"] = "Tencent",
        ["Sms:Tencent:Endpoint"] = "http://127.0.0.1:9/",
        ["Sms:Tencent:SecretId"] = "AKIDnot-a-real-id",
        ["Sms:Tencent:SecretKey"] = "not-a-real-key",
        ["Sms:Tencent:SdkAppId"] = "1400000000",
        ["Sms:Tencent:SignName"] = "测试医院",
        ["Sms:Templates:sign_in_code"] = "1000001",
        ["Sms:Templates:registration_code"] = "1000002",
        ["Sms:Templates:appointment_reminder"] = "1000003",
        ["Sms:Templates:appointment_cancelled"] = "1000004",
    };

    /// <summary>
    /// <see cref="RealAdapters"/> with WeChat Pay and Alipay as the payment providers and every secret they need
    /// (keys generated here, endpoints never called).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ChinaPayments()
    {
        using var merchant = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        using var app = RSA.Create(2048);
        using var alipay = RSA.Create(2048);
        return new Dictionary<string, string?>(RealAdapters, StringComparer.OrdinalIgnoreCase)
        {
            ["Payments:Gateway"] = null,
            ["Payments:Providers:0"] = "WeChatPay",
            ["Payments:Providers:1"] = "Alipay",
            ["Payments:WeChatPay:AppId"] = "wx0000000000000000",
            ["Payments:WeChatPay:MchId"] = "1900000000",
            ["Payments:WeChatPay:MerchantSerialNo"] = "0000000000000000000000000000000000000000",
            ["Payments:WeChatPay:MerchantPrivateKey"] = merchant.ExportPkcs8PrivateKeyPem(),
            ["Payments:WeChatPay:ApiV3Key"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["Payments:WeChatPay:PlatformPublicKeyId"] = "PUB_KEY_ID_0000000000000000000000000000",
            ["Payments:WeChatPay:PlatformPublicKey"] = platform.ExportSubjectPublicKeyInfoPem(),
            ["Payments:WeChatPay:ApiBase"] = "http://127.0.0.1:9",
            ["Payments:Alipay:AppId"] = "2021000000000000",
            ["Payments:Alipay:AppPrivateKey"] = app.ExportPkcs8PrivateKeyPem(),
            ["Payments:Alipay:AlipayPublicKey"] = alipay.ExportSubjectPublicKeyInfoPem(),
            ["Payments:Alipay:GatewayUrl"] = "http://127.0.0.1:9/gateway.do",
            ["Payments:Reconciliation:Enabled"] = "false",
        };
    }

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ih-prod-" + Guid.NewGuid().ToString("N"));
    private readonly string database = TestDatabases.NewSqliteFile("ih-prod");

    public static ProductionHost With(IReadOnlyDictionary<string, string?> settings, params (string Key, string? Value)[] overrides)
    {
        var merged = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            merged[key] = value;
        }

        return new ProductionHost(merged);
    }

    /// <summary>Starts the host (migrations run now) and returns an anonymous client.</summary>
    public HttpClient Start() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={database}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Auth:SpaOrigins:0", "https://localhost");
        builder.UseSetting("Auth:SigningKey", NewRsaPem());
        builder.UseSetting("Auth:EncryptionKey", NewRsaPem());
        builder.UseSetting("Security:IdentifierHashKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Security:KeyRingKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Security:AuditChainKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        using (var healthCodeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            builder.UseSetting("HealthCode:SigningKey", healthCodeKey.ExportPkcs8PrivateKeyPem());
        }

        builder.UseSetting("His:Outbox:DispatcherEnabled", "false");
        builder.UseSetting("Hospital:PublicUrl", "https://portal.example-hospital.test");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteSqlite(database);
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Never created (the host refused to start), or a file still open: it is in the temp folder, so leave it.
        }
    }

    private static string NewRsaPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
