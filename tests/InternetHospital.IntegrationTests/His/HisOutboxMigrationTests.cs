using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.His;

/// <summary>
/// The HisIntegration migration on a database that already has outbox messages (written by features before the
/// dispatcher existed): the outbox's key becomes a sequence, and that sequence is the per-patient delivery order, so
/// existing messages must be numbered by when they were written, whatever order the database stores them in.
/// </summary>
public abstract class HisOutboxMigrationTests(HisDeliveryFixture fixture) : IAsyncLifetime
{
    private string connectionString = string.Empty;

    protected abstract string FreshDatabase();

    protected abstract Task DropDatabaseAsync();

    public Task InitializeAsync()
    {
        connectionString = FreshDatabase();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => DropDatabaseAsync();

    [Fact]
    public async Task Outbox_messages_written_before_the_migration_keep_their_writing_order_and_new_ones_follow()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["Database:ConnectionString"] = connectionString });
        var patient = Guid.NewGuid();
        var written = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var (first, second, third, sameTimeLow, sameTimeHigh) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.Parse("00000000-0000-7000-8000-000000000001"), Guid.Parse("ffffffff-ffff-7fff-bfff-ffffffffffff"));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var his = migrations.FindIndex(m => m.EndsWith("_HisIntegration", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[his - 1]);

            // Stored in an order unlike the order of writing; two share a time, so the id decides between them.
            await InsertOldRowAsync(db, third, patient, written.AddMinutes(3), attempts: 2);
            await InsertOldRowAsync(db, sameTimeHigh, patient, written.AddMinutes(5), attempts: 0);
            await InsertOldRowAsync(db, first, patient, written.AddMinutes(1), attempts: 0);
            await InsertOldRowAsync(db, sameTimeLow, patient, written.AddMinutes(5), attempts: 0);
            await InsertOldRowAsync(db, second, patient, written.AddMinutes(2), attempts: 1);

            await db.Database.MigrateAsync();
        }

        Guid added;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<IHisOutbox>().Enqueue(patient, new AppointmentCancelledMessage(Guid.NewGuid(), patient, "计划有变"));
            added = db.ChangeTracker.Entries<HisOutboxMessage>().Single().Entity.Id;
            await db.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.HisOutbox.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync();
            Assert.Equal([first, second, third, sameTimeLow, sameTimeHigh, added], rows.Select(m => m.Id));
            Assert.Equal([1L, 2, 3, 4, 5], rows.Take(5).Select(m => m.Sequence));
            Assert.True(rows[5].Sequence > 5);
            Assert.Equal([0, 1, 2, 0, 0], rows.Take(5).Select(m => m.TotalAttempts));
            Assert.All(rows, m => Assert.Null(m.ClaimedBy));
        }
    }

    private static Task InsertOldRowAsync(AppDbContext db, Guid id, Guid patientId, DateTimeOffset createdAt, int attempts)
    {
        // The table as it was before the migration (EF's model already has the new columns, so plain SQL it is).
        const string sql = """
            INSERT INTO "HisOutbox" ("Id", "PatientId", "Kind", "Payload", "CreatedAt", "Status", "Attempts", "NextAttemptAt")
            VALUES ({0}, {1}, 'appointment.cancelled', '{{}}', {2}, 'Pending', {3}, {2})
            """;
        return db.Database.IsSqlite()
            ? db.Database.ExecuteSqlRawAsync(sql, id.ToString().ToUpperInvariant(), patientId.ToString().ToUpperInvariant(), createdAt.UtcTicks, attempts)
            : db.Database.ExecuteSqlRawAsync(sql, id, patientId, createdAt, attempts);
    }
}

[Collection(SqliteHisCollection.Name)]
public sealed class HisOutboxMigrationTestsOnSqlite(SqliteHisDeliveryFixture fixture) : HisOutboxMigrationTests(fixture)
{
    private readonly string file = TestDatabases.NewSqliteFile("ih-mig");

    protected override string FreshDatabase() => $"Data Source={file}";

    protected override Task DropDatabaseAsync()
    {
        TestDatabases.DeleteSqlite(file);
        return Task.CompletedTask;
    }
}

[Collection(PostgresHisCollection.Name)]
public sealed class HisOutboxMigrationTestsOnPostgres(PostgresHisDeliveryFixture fixture) : HisOutboxMigrationTests(fixture)
{
    private readonly string database = $"ih_mig_{Guid.NewGuid():N}";

    protected override string FreshDatabase() => TestDatabases.Postgres(database);

    protected override Task DropDatabaseAsync() => TestDatabases.DropPostgresAsync(database);
}
