using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// The real API (the whole HTTP pipeline, real OpenIddict, real database) in memory. One host per database
/// provider is shared by every test class of its collection; tests create their own data (unique e-mails
/// and ID numbers) instead of resetting between tests.
/// </summary>
public abstract class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>A header only the test host understands: it sets the client address that rate limits partition on.</summary>
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public const string MachineClientId = "his-integration-test";
    public const string MachineClientSecret = "a-long-test-secret-for-the-his-client";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ih-it-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, (string Token, DateTime FetchedAt)> tokenCache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private readonly Lock templateLock = new();
    private Task<SeededTemplates.Template>? template;

    public abstract string ProviderName { get; }

    protected abstract string ConnectionString { get; }

    protected string DataDirectory => dataDirectory;

    /// <summary>
    /// True where this host's seed inputs are <see cref="ApiFactory"/>'s (no other clock, demo-data, hospital or key
    /// settings): it starts from a copy of the <see cref="SeededTemplates">template seeded once per run</see> instead of
    /// migrating and seeding a database of its own. Checked when the host starts: a host that opts in with different
    /// seed inputs fails instead of silently sharing a seed that is not its own.
    /// </summary>
    protected virtual bool ReusesSeededTemplate => false;

    private bool FromTemplate => ReusesSeededTemplate && SeededTemplates.Enabled;

    /// <summary>The template's host keeps its data directory (the keys its seed was encrypted under) for the copies.</summary>
    protected virtual bool KeepsDataDirectory => false;

    public virtual async Task InitializeAsync()
    {
        if (FromTemplate)
        {
            await PrepareFromTemplate();
        }

        // Start the host (migrations and seeding run now, not inside the first test).
        _ = Server;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the database driver: it is in the temp folder, so leave it.
        }
    }

    /// <summary>
    /// Copies the template once per factory (hosts made from this one with WithWebHostBuilder share its database, as
    /// before), whichever way the host is started.
    /// </summary>
    private Task<SeededTemplates.Template> PrepareFromTemplate()
    {
        lock (templateLock)
        {
            return template ??= CopyTemplateAsync();
        }

        async Task<SeededTemplates.Template> CopyTemplateAsync()
        {
            var seeded = await SeededTemplates.GetAsync(ProviderName);
            await SeededTemplates.CopyAsync(seeded, ConnectionString, dataDirectory);
            return seeded;
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (template is not null && SeededTemplates.SeedInputs(host.Services) is var inputs && inputs != template.Result.SeedInputs)
        {
            host.Dispose();
            throw new InvalidOperationException(
                $"{GetType().Name} reuses the seeded template, but its seed inputs differ from the template's; let it seed its own database.\nIts inputs:\n{inputs}\nThe template's:\n{template.Result.SeedInputs}");
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (FromTemplate)
        {
            // Note: a host started without InitializeAsync (on Kestrel) copies here, before it reads its keys.
            Task.Run(PrepareFromTemplate).GetAwaiter().GetResult();
        }

        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Auth:SpaOrigins:0", "http://localhost");
        builder.UseSetting("Auth:AllowInsecureHttp", "true");
        builder.UseSetting("Auth:RefreshTokenReuseLeeway", "00:00:00");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("Auth:MachineClients:0:ClientId", MachineClientId);
        builder.UseSetting("Auth:MachineClients:0:ClientSecret", MachineClientSecret);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Warning");
        var (smtpHost, smtpPort) = Mailbox.Smtp;
        builder.UseSetting("Email:Delivery", "Smtp");
        builder.UseSetting("Email:Smtp:Host", smtpHost);
        builder.UseSetting("Email:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:PollInterval", "00:00:00.200");
        builder.UseSetting("Sms:PollInterval", "00:00:00.200");
        builder.UseSetting("Hospital:PublicUrl", "http://localhost");
        TestPacs.Configure(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientIpStartupFilter>().UseFastPasswordHashing());
    }

    /// <summary>A client with its own cookie jar and its own client address (so rate limits do not leak between tests).</summary>
    public HttpClient CreateBrowserClient(string? clientIp = null)
    {
        var client = NewBrowserHttpClient();
        client.DefaultRequestHeaders.Add(ClientIpHeader, clientIp ?? TestData.ClientIp());
        return client;
    }

    /// <summary>A client of the in-memory server that keeps cookies and does not follow redirects.</summary>
    protected virtual HttpClient NewBrowserHttpClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client calling the API as the given account (signed in through the real OIDC endpoints).</summary>
    public async Task<HttpClient> CreateClientAsAsync(string email, string password)
    {
        var token = await AccessTokenAsync(email, password);
        var client = CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> AccessTokenAsync(string email, string password)
    {
        await tokenLock.WaitAsync();
        try
        {
            // Note: access tokens live 5 minutes; a long run must not reuse one that is about to expire.
            if (!tokenCache.TryGetValue(email, out var cached) || DateTime.UtcNow - cached.FetchedAt > TimeSpan.FromMinutes(3))
            {
                cached = ((await OidcFlow.SignInAsync(CreateBrowserClient(), email, password)).AccessToken, DateTime.UtcNow);
                tokenCache[email] = cached;
            }

            return cached.Token;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private sealed class ClientIpStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientIpHeader, out var ip) && IPAddress.TryParse(ip, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
