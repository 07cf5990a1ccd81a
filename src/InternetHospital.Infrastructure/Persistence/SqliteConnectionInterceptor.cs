using System.Data.Common;
using InternetHospital.Application.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternetHospital.Infrastructure.Persistence;

/// <summary>
/// Sets up every SQLite connection as it opens: a busy timeout, and the collation person names are sorted with.
/// </summary>
/// <remarks>
/// SQLite allows one writer at a time. Without a busy timeout, a second writer gets SQLITE_BUSY at once and
/// Microsoft.Data.Sqlite retries it after sleeping 150 ms, so two requests that save at the same moment (the doctor's
/// admit and both browsers entering the call, say) wait 150 ms for a lock held for a millisecond or two. SQLite's own
/// busy handler waits in steps of a few milliseconds instead; the driver's retry stays as the fallback.
/// The name collation (<see cref="PersonNameCollation.Sqlite"/>) is named by the schema, so a connection without it
/// could not sort or index those columns: it is registered on every connection.
/// </remarks>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    private const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        RegisterCollation(connection);
        using var command = connection.CreateCommand();
        command.CommandText = BusyTimeout;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RegisterCollation(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = BusyTimeout;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void RegisterCollation(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateCollation(PersonNameCollation.Sqlite, (x, y) => NameOrder.Comparer.Compare(x, y));
        }
    }
}

/// <summary>The column collation of person names in each database (see <see cref="NameOrder"/>).</summary>
internal static class PersonNameCollation
{
    /// <summary>Registered by <see cref="SqliteConnectionInterceptor"/> on every connection.</summary>
    public const string Sqlite = "ZH_NAME";

    /// <summary>ICU's Chinese collation (pinyin order), predefined when PostgreSQL is built with ICU.</summary>
    public const string Postgres = "zh-x-icu";
}
