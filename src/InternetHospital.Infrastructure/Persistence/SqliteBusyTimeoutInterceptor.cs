using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternetHospital.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writer at a time. Without a busy timeout, a second writer gets SQLITE_BUSY at once and
/// Microsoft.Data.Sqlite retries it after sleeping 150 ms, so two requests that save at the same moment (the doctor's
/// admit and both browsers entering the call, say) wait 150 ms for a lock held for a millisecond or two. SQLite's own
/// busy handler waits in steps of a few milliseconds instead; the driver's retry stays as the fallback.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    private const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = BusyTimeout;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = BusyTimeout;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
