namespace InternetHospital.Application.Audit;

/// <summary>
/// The action codes the log holds (e.g. "visit.read"), for the audit page's action filter: the codes come from the
/// entries themselves, so a new kind of entry is filterable without a release of the SPA.
/// </summary>
public sealed record ListAuditActions : IQuery<IReadOnlyList<string>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListAuditActions, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(ListAuditActions query, CancellationToken cancellationToken) =>
            await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}
