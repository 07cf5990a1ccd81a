using System.Net;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.PaymentFakes;

namespace InternetHospital.E2ETests.Payments;

/// <summary>
/// A second app whose hospital takes Alipay only, through a fake Alipay on loopback. Kept apart from the
/// shared host because the other journeys pay through the simulated gateway; it has its own database (so its demo
/// patients book nothing another journey sees), reuses the built SPA, and uses the browser of <see cref="AppFixture"/>.
/// The fake's callbacks reach it over real HTTP at its public address, as Alipay's would.
/// </summary>
public sealed class AlipayHost : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ih-e2e-alipay-" + Guid.NewGuid().ToString("N"));
    private AppFixture.AppFactory? app;

    public FakeAlipay Alipay { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Alipay.StartAsync();
        var port = AppFixture.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string>(Alipay.Settings)
        {
            ["Payments:Providers:0"] = "Alipay",
            ["Payments:Reconciliation:Enabled"] = "false",
            // Note: Alipay sends the payer back to, and its callback to, the hospital's public address.
            ["Hospital:PublicUrl"] = BaseUrl,
        };
        app = new AppFixture.AppFactory(port, dataDirectory, BaseUrl, hisMllpPort: null, settings);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await Alipay.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
