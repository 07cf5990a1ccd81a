using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Audit;

/// <summary>Recomputes the audit hash chain and reports the first link that does not hold (admins; domain rule 13).</summary>
public sealed record VerifyAuditChain : IQuery<AuditChainReport>
{
    public sealed class Handler(IAppDbContext db, IAuditLog audit) : IQueryHandler<VerifyAuditChain, AuditChainReport>
    {
        private const int Batch = 1000;

        public async ValueTask<AuditChainReport> Handle(VerifyAuditChain query, CancellationToken cancellationToken)
        {
            var previous = AuditSeal.Genesis;
            long expected = 1;
            long checkedCount = 0;
            while (true)
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
                    var problem = link.seal.Sequence != expected ? "a link of the chain is missing"
                        : link.entry is null ? "the sealed entry was deleted"
                        : link.seal.PreviousHash != previous ? "the link does not follow the one before"
                        : AuditChain.HashOf(previous, link.entry) != link.seal.Hash ? "the entry was changed after it was sealed"
                        : null;
                    if (problem is not null)
                    {
                        return await ReportAsync(new AuditChainReport(false, checkedCount, expected, problem), cancellationToken);
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

            var unsealed = await db.AuditEntries.CountAsync(e => !db.AuditSeals.Any(s => s.EntryId == e.Id), cancellationToken);
            return await ReportAsync(new AuditChainReport(true, checkedCount, null, null, unsealed), cancellationToken);
        }

        private async Task<AuditChainReport> ReportAsync(AuditChainReport report, CancellationToken cancellationToken)
        {
            audit.Record("audit.verified", "AuditLog", null, null, report.Intact ? $"intact; {report.Checked} sealed" : $"broken at {report.BrokenAtSequence}");
            return report;
        }
    }
}

/// <param name="Intact">True when every sealed entry is unchanged and the chain has no gaps.</param>
/// <param name="Unsealed">Entries not yet sealed (the sealer runs every few seconds).</param>
public sealed record AuditChainReport(bool Intact, long Checked, long? BrokenAtSequence, string? Problem, int Unsealed = 0);
