using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// A database migrated and seeded once per test process and provider (with the data directory its seed depends on: the
/// generated keys that encrypt the demo ID numbers, the key ring and the audit chain, and the audit checkpoints), copied
/// for each host that opts in (<c>ApiFactory.ReusesSeededTemplate</c>). Migrating and seeding was most of a host
/// start's CPU (demo accounts, slots of the coming weeks) and some forty hosts a run did it with the same inputs.
/// A copy is a fresh database like before: nothing a test writes reaches the template or another host.
/// </summary>
public static class SeededTemplates
{
    /// <summary>
    /// What seeding reads besides the database: a host whose values differ (another clock, environment, demo-data or
    /// hospital settings, configured keys) would get a database it did not seed, so it must seed itself.
    /// </summary>
    private static readonly string[] SeedSections = ["DemoData", "Hospital", "Booking", "Security", "HealthCode", "FamilyDoctor", "Family", "Emergency", "Storage"];

    private static readonly TimeZoneInfo HospitalZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly ConcurrentDictionary<(string Provider, DateOnly Day), Lazy<Task<Template>>> Templates = new();
    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    static SeededTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>IH_TEST_SEED_REUSE=0 makes every host seed its own database again (to compare, or to rule the template out).</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("IH_TEST_SEED_REUSE") != "0";

    /// <summary>The seeded template of <paramref name="provider"/>, built on first use.</summary>
    /// <remarks>Keyed by the hospital's date too: the seed plans slots from today, so a run that crosses midnight gets a new one.</remarks>
    public static Task<Template> GetAsync(string provider)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, HospitalZone).DateTime);
        return Templates.GetOrAdd((provider, day), key => new Lazy<Task<Template>>(() => Task.Run(() => BuildAsync(key.Provider)))).Value;
    }

    /// <summary>The seed inputs of a started host, compared with the template's so that sharing is never silent.</summary>
    public static string SeedInputs(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var lines = new List<string>
        {
            "environment=" + services.GetRequiredService<IHostEnvironment>().EnvironmentName,
            "clock=" + services.GetRequiredService<TimeProvider>().GetType().FullName,
        };
        foreach (var section in SeedSections)
        {
            lines.AddRange(configuration.GetSection(section).AsEnumerable()
                .Where(pair => pair.Value is not null && !pair.Key.Equals("Storage:DataDirectory", StringComparison.OrdinalIgnoreCase))
                .Select(pair => $"{pair.Key}={pair.Value}")
                .Order(StringComparer.Ordinal));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Gives a host the template's database (under its own connection string) and a copy of its data directory.</summary>
    public static async Task CopyAsync(Template template, string connectionString, string dataDirectory)
    {
        CopyDirectory(template.DataDirectory, dataDirectory);
        if (template.Provider == "Sqlite")
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            File.Copy(template.Database, file, overwrite: false);
            return;
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await PostgresCopies.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(TestDatabases.Postgres("postgres"));
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{template.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            PostgresCopies.Release();
        }
    }

    private static async Task<Template> BuildAsync(string provider)
    {
        var host = new TemplateHost(provider);
        try
        {
            await host.InitializeAsync();
            var inputs = SeedInputs(host.Services);
            await host.DisposeAsync();
            if (provider == "Sqlite")
            {
                // Note: the host left the file in WAL mode; a self-contained file can be copied as it is (each host
                // turns WAL on again when it migrates).
                SqliteConnection.ClearAllPools();
                await using var connection = new SqliteConnection($"Data Source={host.Database};Pooling=False");
                await connection.OpenAsync();
                await using var journal = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;", connection);
                await journal.ExecuteNonQueryAsync();
            }
            else
            {
                // Note: CREATE DATABASE … TEMPLATE refuses a template with open connections, pooled ones included.
                await using var pooled = new NpgsqlConnection(TestDatabases.Postgres(host.Database));
                NpgsqlConnection.ClearPool(pooled);
            }

            return new Template(provider, host.Database, host.KeptDataDirectory, inputs);
        }
        catch
        {
            await host.DisposeAsync();
            host.Drop();
            throw;
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }

    private static void DropAll()
    {
        foreach (var lazy in Templates.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            var template = lazy.Value.Result;
            try
            {
                if (template.Provider == "Sqlite")
                {
                    TestDatabases.DeleteSqlite(template.Database);
                }
                else
                {
                    TestDatabases.DropPostgresAsync(template.Database).Wait(TimeSpan.FromSeconds(10));
                }

                Directory.Delete(template.DataDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or NpgsqlException or AggregateException or UnauthorizedAccessException)
            {
                // Leftovers are in the temp folder or on the throwaway test server.
            }
        }
    }

    /// <param name="Database">The SQLite file, or the PostgreSQL database's name.</param>
    /// <param name="SeedInputs">What <see cref="SeededTemplates.SeedInputs(IServiceProvider)"/> read on the host that seeded it.</param>
    public sealed record Template(string Provider, string Database, string DataDirectory, string SeedInputs);

    /// <summary>The host that seeds the template: <see cref="ApiFactory"/>'s settings and nothing else.</summary>
    private sealed class TemplateHost(string provider) : ApiFactory
    {
        public string Database { get; } = provider == "Sqlite" ? TestDatabases.NewSqliteFile("ih-template") : $"ih_template_{Guid.NewGuid():N}";

        public override string ProviderName => provider;

        public string KeptDataDirectory => DataDirectory;

        protected override bool KeepsDataDirectory => true;

        protected override string ConnectionString => provider == "Sqlite" ? $"Data Source={Database}" : TestDatabases.Postgres(Database);

        public void Drop()
        {
            if (provider == "Sqlite")
            {
                TestDatabases.DeleteSqlite(Database);
            }
            else
            {
                TestDatabases.DropPostgresAsync(Database).Wait(TimeSpan.FromSeconds(10));
            }
        }
    }
}
