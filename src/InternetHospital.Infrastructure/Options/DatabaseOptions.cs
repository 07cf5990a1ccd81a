using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Infrastructure.Options;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>Section <c>Database</c>. SQLite is the zero set-up default; PostgreSQL is for production.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. Empty with SQLite means a file in the data directory; PostgreSQL requires it
    /// (use <c>SSL Mode=VerifyFull</c> in production).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up. On in Development; in production run <c>InternetHospital.Api migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; }
}

/// <summary>Section <c>Storage</c>: where the app keeps its files (SQLite database, development keys, uploads).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Relative paths are resolved against the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "App_Data";
}
