using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>A patient's renewal requests, newest first.</summary>
public sealed record ListMyRenewals(Guid PatientId) : IQuery<IReadOnlyList<RenewalSummary>>
{
    public const int Limit = 100;

    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit) : IQueryHandler<ListMyRenewals, IReadOnlyList<RenewalSummary>>
    {
        public async ValueTask<IReadOnlyList<RenewalSummary>> Handle(ListMyRenewals query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Medications, cancellationToken);
            var requests = await db.RenewalRequests.AsNoTracking()
                .Where(r => r.PatientId == query.PatientId)
                .OrderByDescending(r => r.SubmittedAt)
                .Take(Limit)
                .Include(r => r.Items)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            audit.Record("renewal.list", nameof(RenewalRequest), null, query.PatientId, $"count={requests.Count}");
            return requests.Select(r => RenewalSummary.From(r)).ToList();
        }
    }
}
