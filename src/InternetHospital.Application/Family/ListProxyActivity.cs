using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// What guardians and proxies did on my record, from the audit log (domain rules 13 and 24): the latest 200 entries
/// made by accounts that act or acted for me. Staff reads are not listed here (the audit administrator answers those).
/// </summary>
public sealed record ListProxyActivity : IQuery<IReadOnlyList<ProxyActivity>>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts) : IQueryHandler<ListProxyActivity, IReadOnlyList<ProxyActivity>>
    {
        public async ValueTask<IReadOnlyList<ProxyActivity>> Handle(ListProxyActivity query, CancellationToken cancellationToken)
        {
            var own = await family.OwnPatientIdsAsync(cancellationToken);
            var proxies = await db.PatientAccesses.AsNoTracking()
                .Where(a => own.Contains(a.PatientId) && a.Relationship != PatientRelationship.Self)
                .Select(a => new { a.AccountId, a.Relation, a.Relationship })
                .ToListAsync(cancellationToken);
            var proxyAccounts = proxies.Select(p => p.AccountId).Distinct().ToList();
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.PatientId != null && own.Contains(e.PatientId.Value) && e.ActorAccountId != null && proxyAccounts.Contains(e.ActorAccountId.Value))
                .OrderByDescending(e => e.At)
                .Take(200)
                .Select(e => new { e.At, e.Action, e.ActorAccountId, e.Resource, e.ResourceId })
                .ToListAsync(cancellationToken);
            var names = new Dictionary<Guid, string>();
            foreach (var id in entries.Select(e => e.ActorAccountId!.Value).Distinct())
            {
                names[id] = (await accounts.FindAsync(id, cancellationToken))?.FullName ?? string.Empty;
            }

            return [.. entries.Select(e =>
            {
                var proxy = proxies.First(p => p.AccountId == e.ActorAccountId);
                var relation = proxy.Relationship == PatientRelationship.Guardian ? "guardian" : FamilyNames.Relation(proxy.Relation);
                return new ProxyActivity(e.At, e.Action, e.Resource, e.ResourceId, e.ActorAccountId!.Value, names[e.ActorAccountId!.Value], relation);
            })];
        }
    }
}

public sealed record ProxyActivity(DateTimeOffset At, string Action, string Resource, string? ResourceId, Guid AccountId, string AccountName, string Relation);
