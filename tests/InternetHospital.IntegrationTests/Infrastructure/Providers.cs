
namespace InternetHospital.IntegrationTests.Infrastructure;

public sealed class SqliteApiFactory : ApiFactory
{
    private readonly string file = TestDatabases.NewSqliteFile("ih-it");

    public override string ProviderName => "Sqlite";

    protected override bool ReusesSeededTemplate => true;

    protected override string ConnectionString => $"Data Source={file}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteSqlite(file);
    }
}

/// <summary>
/// Runs against the throwaway PostgreSQL cluster that ./test.sh starts (connection in IH_TEST_POSTGRES);
/// each factory gets a database of its own, dropped afterwards.
/// </summary>
public sealed class PostgresApiFactory : ApiFactory
{
    public const string EnvironmentVariable = "IH_TEST_POSTGRES";

    private readonly string database = $"ih_it_{Guid.NewGuid():N}";

    public override string ProviderName => "PostgreSQL";

    protected override bool ReusesSeededTemplate => true;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL integration tests need a server: run ./test.sh (it starts one), or set {EnvironmentVariable} to a connection string such as 'Host=127.0.0.1;Port=5432;Username=postgres'.");

    protected override string ConnectionString => TestDatabases.Postgres(database);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropPostgresAsync(database);
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApiFactory>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApiFactory>
{
    public const string Name = "PostgreSQL";
}
