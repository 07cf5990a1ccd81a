using InternetHospital.Domain.Audit;

namespace InternetHospital.Application.Audit;

/// <summary>
/// Recomputes the keyed audit chain and compares its head with the newest signed checkpoint kept outside the database
/// (admins; domain rule 13). Reports the first link that does not hold, and whether the newest entries were cut off.
/// </summary>
public sealed record VerifyAuditChain : IQuery<AuditChainReport>
{
    public sealed class Handler(IAppDbContext db, IAuditLog audit, AuditChainKey key, IAuditCheckpoints checkpoints) : IQueryHandler<VerifyAuditChain, AuditChainReport>
    {
        private const int Batch = 1000;

        public async ValueTask<AuditChainReport> Handle(VerifyAuditChain query, CancellationToken cancellationToken)
        {
            // Note: only checkpoints signed under the key count; a line someone appended without it proves nothing.
            var written = await checkpoints.ReadAllAsync(cancellationToken);
            var valid = written.Where(c => c.IsValid(key)).ToList();
            var latest = valid.MaxBy(c => c.Sequence);
            var checkpointHashes = valid.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.Select(c => c.HeadHash).ToHashSet(StringComparer.Ordinal));
            var head = await db.AuditSeals.AsNoTracking().MaxAsync(s => (long?)s.Sequence, cancellationToken) ?? 0;
            var tailCut = latest is not null && latest.Sequence > head;

            var previous = AuditSeal.Genesis;
            long expected = 1;
            long checkedCount = 0;
            long? brokenAt = null;
            string? problem = null;
            while (brokenAt is null)
            {
                var page = await (
                    from seal in db.AuditSeals.AsNoTracking()
                    where seal.Sequence >= expected
                    orderby seal.Sequence
                    join entry in db.AuditEntries.AsNoTracking() on seal.EntryId equals entry.Id into entries
                    from entry in entries.DefaultIfEmpty()
                    select new { seal, entry })
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
                foreach (var link in page)
                {
                    problem = link.seal.Sequence != expected ? "a link of the chain is missing"
                        : link.entry is null ? "the sealed entry was deleted"
                        : link.seal.PreviousHash != previous ? "the link does not follow the one before"
                        : AuditChain.HashOf(key, previous, link.entry) != link.seal.Hash ? "the entry was changed after it was sealed"
                        : checkpointHashes.TryGetValue(link.seal.Sequence, out var signed) && !signed.Contains(link.seal.Hash) ? "the chain differs from its signed checkpoint"
                        : null;
                    if (problem is not null)
                    {
                        brokenAt = expected;
                        break;
                    }

                    previous = link.seal.Hash;
                    expected++;
                    checkedCount++;
                }

                if (page.Count < Batch)
                {
                    break;
                }
            }

            if (brokenAt is null && tailCut)
            {
                // The chain holds up to its head, but a checkpoint saw it longer: the newest entries were removed with their seals.
                brokenAt = head + 1;
                problem = "the newest entries were removed";
            }

            var unsealed = brokenAt is null ? await db.AuditEntries.CountAsync(e => !db.AuditSeals.Any(s => s.EntryId == e.Id), cancellationToken) : 0;
            var report = new AuditChainReport(
                brokenAt is null, checkedCount, brokenAt, problem, unsealed,
                head, tailCut, latest?.Sequence, latest?.At, written.Count - valid.Count, ReasonOf(problem));
            audit.Record("audit.verified", "AuditLog", null, null,
                report.Intact ? $"intact; {report.Checked} sealed" : $"broken at {report.BrokenAtSequence}{(tailCut ? "; tail cut" : string.Empty)}");
            return report;
        }

        /// <summary>A stable code for the problem, which the SPA words in the reader's language.</summary>
        private static string? ReasonOf(string? problem) => problem switch
        {
            null => null,
            "a link of the chain is missing" => "link_missing",
            "the sealed entry was deleted" => "entry_deleted",
            "the link does not follow the one before" => "link_mismatch",
            "the entry was changed after it was sealed" => "entry_changed",
            "the chain differs from its signed checkpoint" => "checkpoint_mismatch",
            "the newest entries were removed" => "tail_cut",
            _ => "other",
        };
    }
}

/// <param name="Intact">True when every sealed entry is unchanged, the chain has no gaps and reaches its newest checkpoint.</param>
/// <param name="BrokenAtSequence">The first sequence number that does not hold (after the head when only the tail was cut).</param>
/// <param name="Unsealed">Entries not yet sealed (the sealer runs every few seconds).</param>
/// <param name="HeadSequence">The newest sequence number in the database.</param>
/// <param name="TailCut">A signed checkpoint names a newer sequence than the database's head: entries were cut off the end.</param>
/// <param name="CheckpointSequence">The newest signed checkpoint's sequence number (null before the first checkpoint).</param>
/// <param name="CheckpointAt">When that checkpoint was written.</param>
/// <param name="RejectedCheckpoints">Lines of the checkpoint store whose signature does not hold (written without the key).</param>
/// <param name="Reason">The problem as a code: link_missing, entry_deleted, link_mismatch, entry_changed, checkpoint_mismatch, tail_cut.</param>
public sealed record AuditChainReport(
    bool Intact,
    long Checked,
    long? BrokenAtSequence,
    string? Problem,
    int Unsealed = 0,
    long HeadSequence = 0,
    bool TailCut = false,
    long? CheckpointSequence = null,
    DateTimeOffset? CheckpointAt = null,
    int RejectedCheckpoints = 0,
    string? Reason = null);
