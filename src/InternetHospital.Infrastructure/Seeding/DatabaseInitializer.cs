using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>Applies migrations (when asked) and runs the seeders in order.</summary>
public sealed partial class DatabaseInitializer(AppDbContext db, IEnumerable<IDataSeeder> seeders, KeyRingCheck keyRing, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            // Note: WAL lets readers proceed while one writer commits; the setting is stored in the database file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>An arbitrary key of the advisory lock under which instances seed one at a time.</summary>
    internal const long SeedLockKey = 0x1A_5EED;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Note: before anything is encrypted (demo ID numbers, the first key of a new ring) under a key that may be wrong.
        keyRing.EnsureReadable();

        // Note: instances starting together (three replicas, a rolling update) would seed at once and trip over each
        // other's updates (the OIDC client's concurrency token stopped all but one). On PostgreSQL they take turns
        // under a session advisory lock held on this context's connection; SQLite serves one instance.
        var takeTurns = db.Database.IsNpgsql();
        if (takeTurns)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SeedLockKey})", cancellationToken);
        }

        try
        {
            foreach (var seeder in seeders.OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }
        finally
        {
            if (takeTurns)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SeedLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);
}
