using System.Data.Common;
using InternetHospital.Domain.His;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InternetHospital.Infrastructure.His.Delivery;

/// <summary>
/// Claims due outbox messages for one dispatcher: only the head of each patient's queue (the oldest message that is
/// pending or dead-lettered), so a patient's messages go out in order and one stuck message holds back only its own
/// patient. A claim is a lease (<c>ClaimedBy</c>, <c>ClaimedUntil</c>) written in a short transaction; the HIS call
/// happens outside it. If an instance dies mid-delivery its lease runs out and another instance delivers again, and
/// the HIS drops the duplicate by message id.
/// </summary>
internal static class HisOutboxClaims
{
    /// <summary>
    /// Note: on SQLite, one writer at a time is the database's own rule; claiming through one gate per process
    /// keeps the dispatchers of a process from queueing on the database lock, and the conditional update keeps
    /// two processes from claiming the same row.
    /// </summary>
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public static async Task<IReadOnlyList<long>> ClaimAsync(AppDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        return db.Database.IsNpgsql()
            ? await ClaimOnPostgresAsync(db, owner, now, now + lease, batchSize, cancellationToken)
            : await ClaimOnSqliteAsync(db, owner, now, now + lease, batchSize, cancellationToken);
    }

    /// <summary>PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so concurrent dispatchers take disjoint rows without waiting on each other.</summary>
    private static async Task<IReadOnlyList<long>> ClaimOnPostgresAsync(AppDbContext db, string owner, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE "HisOutbox" SET "ClaimedBy" = @owner, "ClaimedUntil" = @until
            WHERE "Sequence" IN (
                SELECT m."Sequence" FROM "HisOutbox" AS m
                WHERE m."Status" = 'Pending' AND m."NextAttemptAt" <= @now
                  AND (m."ClaimedUntil" IS NULL OR m."ClaimedUntil" <= @now)
                  AND NOT EXISTS (
                      SELECT 1 FROM "HisOutbox" AS e
                      WHERE e."PatientId" = m."PatientId" AND e."Sequence" < m."Sequence" AND e."Status" IN ('Pending', 'DeadLettered'))
                ORDER BY m."Sequence"
                LIMIT @batch
                FOR UPDATE SKIP LOCKED)
            RETURNING "Sequence";
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new NpgsqlParameter("owner", owner));
            command.Parameters.Add(new NpgsqlParameter("until", until.ToUniversalTime()));
            // Note: PostgreSQL keeps microseconds and rounds; a message written this very microsecond is due now.
            command.Parameters.Add(new NpgsqlParameter("now", now.ToUniversalTime().AddTicks(10)));
            command.Parameters.Add(new NpgsqlParameter("batch", batchSize));
            var claimed = new List<long>();
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(reader.GetInt64(0));
            }

            claimed.Sort();
            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlyList<long>> ClaimOnSqliteAsync(AppDbContext db, string owner, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        await SqliteGate.WaitAsync(cancellationToken);
        try
        {
            var candidates = await db.HisOutbox.AsNoTracking()
                .Where(m => m.Status == HisOutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
                .Where(m => !db.HisOutbox.Any(e => e.PatientId == m.PatientId && e.Sequence < m.Sequence
                    && (e.Status == HisOutboxStatus.Pending || e.Status == HisOutboxStatus.DeadLettered)))
                .OrderBy(m => m.Sequence)
                .Select(m => m.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);

            var claimed = new List<long>();
            foreach (var sequence in candidates)
            {
                var updated = await db.HisOutbox
                    .Where(m => m.Sequence == sequence && m.Status == HisOutboxStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, owner).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
                if (updated == 1)
                {
                    claimed.Add(sequence);
                }
            }

            return claimed;
        }
        finally
        {
            SqliteGate.Release();
        }
    }

    /// <summary>Gives claims back without an attempt (the dispatcher is stopping, or the HIS circuit is open).</summary>
    public static Task ReleaseAsync(AppDbContext db, string owner, IReadOnlyCollection<long> sequences) =>
        sequences.Count == 0
            ? Task.CompletedTask
            : db.HisOutbox
                .Where(m => sequences.Contains(m.Sequence) && m.ClaimedBy == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
}
