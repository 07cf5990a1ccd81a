using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// The pharmacy's work (处方审核 and dispensing): signed prescriptions waiting for review, approved ones waiting for
/// payment, to be dispensed, or out for collection or delivery; and who is on duty now.
/// </summary>
public sealed record GetPharmacyQueue : IQuery<PharmacyQueue>
{
    public const int Limit = 200;

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit) : IQueryHandler<GetPharmacyQueue, PharmacyQueue>
    {
        private static readonly RenewalStatus[] Pharmacy =
            [RenewalStatus.DoctorApproved, RenewalStatus.PharmacistApproved, RenewalStatus.Paid, RenewalStatus.Dispensed];

        public async ValueTask<PharmacyQueue> Handle(GetPharmacyQueue query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var requests = await db.RenewalRequests.AsNoTracking()
                .Where(r => Pharmacy.Contains(r.Status))
                .OrderBy(r => r.UpdatedAt)
                .Take(Limit)
                .Include(r => r.Items)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var patientIds = requests.Select(r => r.PatientId).Distinct().ToList();
            var names = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
            var onDuty = await OnDutyPharmacist.ListAsync(db, cancellationToken);
            foreach (var request in requests)
            {
                audit.Record("renewal.listed", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, "pharmacy queue");
            }

            RenewalSummary Summary(RenewalRequest r) => RenewalSummary.From(r, names.GetValueOrDefault(r.PatientId));
            return new PharmacyQueue(
                onDuty,
                onDuty.Any(d => d.AccountId == accountId),
                requests.Where(r => r.Status == RenewalStatus.DoctorApproved).Select(Summary).ToList(),
                requests.Where(r => r.AwaitsPayment).Select(Summary).ToList(),
                requests.Where(r => r.IsReadyToDispense).Select(Summary).ToList(),
                requests.Where(r => r.Status == RenewalStatus.Dispensed).Select(Summary).ToList());
        }
    }
}

public sealed record OnDutyPharmacist(Guid AccountId, string Name, DateTimeOffset Since)
{
    /// <summary>Who is on duty now, longest first.</summary>
    public static async Task<IReadOnlyList<OnDutyPharmacist>> ListAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.PharmacistDuties.AsNoTracking()
            .Where(d => d.EndedAt == null)
            .OrderBy(d => d.StartedAt)
            .Select(d => new OnDutyPharmacist(d.PharmacistAccountId, d.PharmacistName, d.StartedAt))
            .ToListAsync(cancellationToken);
}

public sealed record PharmacyQueue(
    IReadOnlyList<OnDutyPharmacist> OnDuty,
    bool IAmOnDuty,
    IReadOnlyList<RenewalSummary> ToReview,
    IReadOnlyList<RenewalSummary> AwaitingPayment,
    IReadOnlyList<RenewalSummary> ToDispense,
    IReadOnlyList<RenewalSummary> Dispensed);
