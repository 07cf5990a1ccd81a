using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// The signed-in doctor's renewal queue: requests waiting for a doctor that are routed to them (their family-doctor
/// patients, then medicines they prescribed) before those open to every doctor; flagged ones first within each; and
/// what they decided recently.
/// </summary>
public sealed record GetDoctorRenewalQueue : IQuery<DoctorRenewalQueue>
{
    public const int Limit = 200;

    public sealed class Handler(IAppDbContext db, IRenewalAccess access, IAuditLog audit) : IQueryHandler<GetDoctorRenewalQueue, DoctorRenewalQueue>
    {
        private static readonly RenewalStatus[] Waiting = [RenewalStatus.Submitted, RenewalStatus.PharmacistRejected];

        public async ValueTask<DoctorRenewalQueue> Handle(GetDoctorRenewalQueue query, CancellationToken cancellationToken)
        {
            var doctor = await access.CurrentDoctorAsync(cancellationToken);
            var waiting = await db.RenewalRequests.AsNoTracking()
                .Where(r => Waiting.Contains(r.Status) && (r.OpenToAllDoctors || r.Routing.Any(x => x.DoctorId == doctor.Id)))
                .OrderBy(r => r.SubmittedAt)
                .Take(Limit)
                .Include(r => r.Items).Include(r => r.Routing)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var recent = await db.RenewalRequests.AsNoTracking()
                .Where(r => r.DecidedByDoctorId == doctor.Id && !Waiting.Contains(r.Status))
                .OrderByDescending(r => r.DoctorDecidedAt)
                .Take(20)
                .Include(r => r.Items)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);

            var patientIds = waiting.Concat(recent).Select(r => r.PatientId).Distinct().ToList();
            var names = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
            foreach (var request in waiting.Concat(recent))
            {
                audit.Record("renewal.listed", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, "doctor queue");
            }

            RoutingReason? ReasonFor(RenewalRequest r) => r.Routing.Where(x => x.DoctorId == doctor.Id).Select(x => (RoutingReason?)x.Reason).Min();
            var ordered = waiting
                .OrderBy(r => ReasonFor(r) is { } reason ? (int)reason : int.MaxValue)
                .ThenByDescending(r => r.IsFlagged)
                .ThenBy(r => r.SubmittedAt)
                .Select(r => RenewalSummary.From(r, names.GetValueOrDefault(r.PatientId), ReasonFor(r)))
                .ToList();
            return new DoctorRenewalQueue(ordered, recent.Select(r => RenewalSummary.From(r, names.GetValueOrDefault(r.PatientId))).ToList());
        }
    }
}

public sealed record DoctorRenewalQueue(IReadOnlyList<RenewalSummary> Waiting, IReadOnlyList<RenewalSummary> RecentlyDecided);
