using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>Applies migrations (when asked) and runs the seeders in order.</summary>
public sealed partial class DatabaseInitializer(AppDbContext db, IEnumerable<IDataSeeder> seeders, ILogger<DatabaseInitializer> logger)
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

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);
}
