using System.Data.Common;
using System.Runtime.CompilerServices;
using InternetHospital.Application.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

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
/// <para>Both are set once per physical connection. Microsoft.Data.Sqlite pools the handles, EF opens a new
/// SqliteConnection object on each use, and a collation registered through that object is removed again when it goes
/// back to the pool; so registering it at every open left a native callback handle per open for the finalizer thread
/// (53,859 SQLitePCL.hook_handle finalized in 4 s of GET /api/me; the finalizer thread was 20.7% of CPU samples). The
/// collation is registered on the handle itself instead, where it lives as long as the handle, and a handle seen
/// before is left as it is (busy_timeout, a connection setting, stays set too).</para>
/// </remarks>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    private const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = new();
    private static readonly strdelegate_collation CompareNames = (_, x, y) => NameOrder.Comparer.Compare(x, y);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = BusyTimeout;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = BusyTimeout;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Registers the collation on a physical connection the first time it is opened; false when it was seen before.</summary>
    private static bool FirstOpen(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || !Prepared.TryAdd(handle, Prepared))
        {
            return false;
        }

        var rc = raw.sqlite3_create_collation(handle, PersonNameCollation.Sqlite, null, CompareNames);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return true;
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
