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

            // Note: the list names the patient (like the appointment list), so a guardian sees whose medicines these are.
            var name = await db.Patients.AsNoTracking().Where(p => p.Id == query.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);
            return requests.Select(r => RenewalSummary.From(r, name)).ToList();
        }
    }
}
