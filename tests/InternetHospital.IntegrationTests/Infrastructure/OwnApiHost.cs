using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// A host with a database of its own, for tests that damage data on purpose (cutting the audit chain) or move the clock
/// by years: the shared hosts of the collections must not see either. Starting one costs a migration and the seeding
/// (unless it reuses the seeded template), so only such tests use it.
/// </summary>
public sealed class OwnApiHost : ApiFactory
{
    private readonly string provider;
    private readonly string connectionString;
    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;
    private readonly Action<IWebHostBuilder>? configure;
    private readonly bool reuseSeed;
    private bool kestrel;

    private OwnApiHost(string provider, Action<IWebHostBuilder>? configure, bool reuseSeed)
    {
        this.provider = provider;
        this.configure = configure;
        this.reuseSeed = reuseSeed;
        if (provider == "Sqlite")
        {
            sqliteFile = TestDatabases.NewSqliteFile("ih-own");
            connectionString = $"Data Source={sqliteFile}";
        }
        else
        {
            postgresDatabase = $"ih_own_{Guid.NewGuid():N}";
            connectionString = TestDatabases.Postgres(postgresDatabase);
        }
    }

    public override string ProviderName => provider;

    /// <summary>Where a host started with <c>kestrel: true</c> listens (http://127.0.0.1:port).</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override string ConnectionString => connectionString;

    protected override bool ReusesSeededTemplate => reuseSeed;

    /// <summary>
    /// Starts a host on <paramref name="provider"/> (<c>Sqlite</c> or <c>PostgreSQL</c>) with extra settings or services;
    /// with <paramref name="kestrel"/> it listens on a free loopback port (for servers outside the test that call it,
    /// such as a Prometheus scraping it) and its clients go through real sockets. With <paramref name="reuseSeed"/> its
    /// database is a copy of the run's seeded template (see <see cref="ApiFactory.ReusesSeededTemplate"/>): for hosts whose
    /// settings and services leave seeding as it is (no other clock, no demo-data, hospital or key settings).
    /// </summary>
    public static async Task<OwnApiHost> StartAsync(string provider, Action<IWebHostBuilder>? configure = null, bool kestrel = false, bool reuseSeed = false)
    {
        var host = new OwnApiHost(provider, configure, reuseSeed);
        try
        {
            if (kestrel)
            {
                host.UseKestrel(0);
                host.StartServer();
                host.kestrel = true;
            }
            else
            {
                await host.InitializeAsync();
            }
        }
        catch
        {
            // A host that refuses to start (a test of start-up validation) still drops its database.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>On Kestrel, a real socket client (the factory's own would follow redirects, and the OIDC flow reads them).</summary>
    protected override HttpClient NewBrowserHttpClient() => kestrel
        ? new HttpClient(new CookieContainerHandler(new CookieContainer()) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } }) { BaseAddress = ServerAddress }
        : base.NewBrowserHttpClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        configure?.Invoke(builder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (sqliteFile is not null)
        {
            TestDatabases.DeleteSqlite(sqliteFile);
        }

        if (postgresDatabase is not null)
        {
            await TestDatabases.DropPostgresAsync(postgresDatabase);
        }
    }
}
