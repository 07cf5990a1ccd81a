using Npgsql;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>Throwaway databases: a SQLite file in the temp folder, or a database of its own on the test PostgreSQL server.</summary>
public static class TestDatabases
{
    public static string NewSqliteFile(string prefix) => Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");

    public static void DeleteSqlite(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on the server ./test.sh started (created on first migration).</summary>
    public static string Postgres(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresApiFactory.ServerConnectionString) { Database = database }.ConnectionString;

    public static async Task DropPostgresAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Postgres("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
