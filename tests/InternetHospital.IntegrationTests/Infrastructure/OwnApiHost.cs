using Microsoft.AspNetCore.Hosting;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// A host with a database of its own, for tests that damage data on purpose (cutting the audit chain) or move the clock
/// by years: the shared hosts of the collections must not see either. Starting one costs a migration and the seeding,
/// so only such tests use it.
/// </summary>
public sealed class OwnApiHost : ApiFactory
{
    private readonly string provider;
    private readonly string connectionString;
    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;
    private readonly Action<IWebHostBuilder>? configure;

    private OwnApiHost(string provider, Action<IWebHostBuilder>? configure)
    {
        this.provider = provider;
        this.configure = configure;
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

    protected override string ConnectionString => connectionString;

    /// <summary>Starts a host on <paramref name="provider"/> (<c>Sqlite</c> or <c>PostgreSQL</c>) with extra settings or services.</summary>
    public static async Task<OwnApiHost> StartAsync(string provider, Action<IWebHostBuilder>? configure = null)
    {
        var host = new OwnApiHost(provider, configure);
        try
        {
            await host.InitializeAsync();
        }
        catch
        {
            // A host that refuses to start (a test of start-up validation) still drops its database.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

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
