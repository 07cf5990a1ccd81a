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
/// Seals new audit entries into the hash chain every few seconds. Several instances may run it: the sequence
/// number and the entry are unique in the database, so when two race one save fails and simply tries again.
/// </summary>
internal sealed class AuditSealer(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<AuditSealer> logger)
    : PeriodicWorker(clock, logger)
{
    private const int Batch = 500;

    protected override TimeSpan Interval => configuration.GetValue("Audit:SealInterval", TimeSpan.FromSeconds(5));

    // Note: when another instance sealed the same entries first, the save fails on the unique sequence; the next
    // round continues from its chain head.
    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken) => await SealPendingAsync(cancellationToken) == Batch;

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
            var hash = AuditChain.HashOf(previous, entry);
            db.AuditSeals.Add(new AuditSeal(++sequence, entry.Id, previous, hash, now));
            previous = hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }
}
