using InternetHospital.Application.Audit;
using InternetHospital.Domain.Audit;
using InternetHospital.Infrastructure.Hosting;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Audit;

/// <summary>
/// Seals new audit entries into the keyed chain every few seconds, and writes a signed checkpoint of the chain's head
/// outside the database at most every <c>Audit:CheckpointInterval</c>. Several instances may run it: the sequence
/// number and the entry are unique in the database, so when two race one save fails and simply tries again; their
/// checkpoints of the same chain agree.
/// </summary>
internal sealed class AuditSealer(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    AuditChainKey key,
    IAuditCheckpoints checkpoints,
    TimeProvider clock,
    ILogger<AuditSealer> logger) : PeriodicWorker(clock, logger)
{
    private const int Batch = 500;
    private long lastCheckpointSequence;
    private DateTimeOffset lastCheckpointAt = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => configuration.GetValue("Audit:SealInterval", TimeSpan.FromSeconds(5));

    private TimeSpan CheckpointInterval => configuration.GetValue("Audit:CheckpointInterval", TimeSpan.FromMinutes(1));

    // Note: when another instance sealed the same entries first, the save fails on the unique sequence; the next
    // round continues from its chain head.
    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        if (await SealPendingAsync(cancellationToken) == Batch)
        {
            return true;
        }

        if (Clock.GetUtcNow() - lastCheckpointAt >= CheckpointInterval)
        {
            await WriteCheckpointAsync(cancellationToken);
        }

        return false;
    }

    /// <summary>Seals up to one batch of unsealed entries, oldest first; returns how many.</summary>
    internal async Task<int> SealPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var head = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(cancellationToken);
        var pending = await db.AuditEntries.AsNoTracking()
            .Where(e => !db.AuditSeals.Any(s => s.EntryId == e.Id))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var previous = head?.Hash ?? AuditSeal.Genesis;
        var sequence = head?.Sequence ?? 0;
        var now = Clock.GetUtcNow();
        foreach (var entry in pending)
        {
            var hash = AuditChain.HashOf(key, previous, entry);
            db.AuditSeals.Add(new AuditSeal(++sequence, entry.Id, previous, hash, now));
            previous = hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>Signs the chain's current head and appends it to the checkpoint store (nothing when the head has not moved).</summary>
    internal async Task<AuditCheckpoint?> WriteCheckpointAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var head = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        lastCheckpointAt = now;
        if (head is null || head.Sequence == lastCheckpointSequence)
        {
            return null;
        }

        var checkpoint = AuditCheckpoint.Sign(key, head.Sequence, head.Hash, now);
        await checkpoints.AppendAsync(checkpoint, cancellationToken);
        lastCheckpointSequence = head.Sequence;
        return checkpoint;
    }

}
