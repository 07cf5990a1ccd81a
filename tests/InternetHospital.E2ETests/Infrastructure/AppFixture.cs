using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InternetHospital.E2ETests.Infrastructure;

/// <summary>
/// The whole app on a free loopback port (Kestrel, SQLite in a temp folder, demo data, the built SPA) and one
/// headless Debian Chromium. Each test gets a fresh browser context (its own cookies and storage).
/// The app writes to the HIS in HL7 v2 over MLLP to a simulator the tests control (<see cref="His"/>); it accepts
/// everything unless a test says otherwise, and a test that changes it resets it when done. Reads stay with the
/// embedded demo HIS (the demo patients' history).
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ih-e2e-" + Guid.NewGuid().ToString("N"));
    private AppFactory? app;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    /// <summary>
    /// The latest one-time code texted to <paramref name="mobile"/>, read from the development SMS sink (App_Data/sms, one
    /// JSON file per message), waiting for the outbox to send it; <paramref name="count"/> is how many messages to expect.
    /// </summary>
    public async Task<string> SmsCodeAsync(string mobile, int count = 1)
    {
        var directory = Path.Combine(dataDirectory, "sms");
        for (var i = 0; i < 150; i++)
        {
            var codes = Directory.Exists(directory)
                ? Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
                    .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement)
                    .Where(m => m.GetProperty("to").GetString() == mobile)
                    .Select(m => m.GetProperty("parameters").GetProperty("code").GetString()!)
                    .ToList()
                : [];
            if (codes.Count >= count)
            {
                return codes[^1];
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No SMS code reached {mobile}.");
    }

    public HisSimulator.HisSimulator His { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        His = await HisSimulator.HisSimulator.StartAsync();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        app = new AppFactory(port, dataDirectory, BaseUrl, His.MllpPort);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app.StartServer();

        // Note: web-first assertions wait as long as actions do (15 s, see NewPageAsync): on a shared 2-core machine
        // a sign-in round trip can take longer than Playwright's default 5 s without anything being wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchBrowserAsync(playwright);
    }

    /// <summary>The journeys' browser: headless Debian Chromium with fake camera and microphone (also the video benchmark's).</summary>
    public static Task<IBrowser> LaunchBrowserAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
        ],
    });

    /// <summary>A new browser context and page, as a person on a phone-sized screen in the given language would have.</summary>
    /// <param name="baseUrl">Another host's address (a journey with its own host); this fixture's app by default.</param>
    public async Task<IPage> NewPageAsync(string locale = "en-US", bool phone = false, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 812 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (His is not null)
        {
            await His.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The app as the journeys run it. <paramref name="hisMllpPort"/> null keeps the embedded demo HIS writer;
    /// <paramref name="settings"/> are applied last (a journey's own host, e.g. another payment provider).
    /// </summary>
    internal sealed class AppFactory(int port, string dataDirectory, string baseUrl, int? hisMllpPort, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "e2e.db")}");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Auth:SpaOrigins:0", baseUrl);
            builder.UseSetting("Auth:AllowInsecureHttp", "true");
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "500");
            builder.UseSetting("RateLimits:Registration:PermitLimit", "500");
            builder.UseSetting("RateLimits:Token:PermitLimit", "1000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("urls", $"http://127.0.0.1:{port}");
            if (hisMllpPort is { } mllpPort)
            {
                builder.UseSetting("His:Writer", "Hl7v2");
                builder.UseSetting("His:Mllp:Host", "127.0.0.1");
                builder.UseSetting("His:Mllp:Port", mllpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // Note: a refused message becomes a dead letter within a second or two, and a retried one goes out at
            // once, so a journey through the admin screens does not wait for production-sized delays.
            builder.UseSetting("His:Outbox:MaxAttempts", "2");
            builder.UseSetting("His:Outbox:ImmediateRetries", "0");
            builder.UseSetting("His:Outbox:RetryBaseDelay", "00:00:00.200");
            builder.UseSetting("His:Outbox:RetryMaxDelay", "00:00:01");
            builder.UseSetting("His:Outbox:PollInterval", "00:00:00.200");
            // Note: PBKDF2 at production strength (~40 ms of CPU a hash here) for every demo account seeded and every
            // sign-in of a journey; the journeys check what a password admits, not how slowly (the count is in each hash).
            builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}
