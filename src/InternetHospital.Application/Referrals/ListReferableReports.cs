using InternetHospital.Application.Results;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Referrals;

/// <summary>
/// The lab reports a referring doctor may attach for a patient they look after: the ones the patient can see
/// themselves (a sensitive report not yet released stays out), newest first.
/// </summary>
public sealed record ListReferableReports(Guid PatientId) : IQuery<IReadOnlyList<ReferableReport>>
{
    public sealed class Handler(IAppDbContext db, ReferralAccess access, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListReferableReports, IReadOnlyList<ReferableReport>>
    {
        public async ValueTask<IReadOnlyList<ReferableReport>> Handle(ListReferableReports query, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            await access.EnsureTreatsAsync(me, query.PatientId, cancellationToken);
            var hisPatientId = await db.Patients.Where(p => p.Id == query.PatientId).Select(p => p.HisPatientId).SingleAsync(cancellationToken);
            var reports = hisPatientId is null
                ? []
                : await db.LabReports.AsNoTracking().VisibleTo(hisPatientId, clock.GetUtcNow())
                    .OrderByDescending(r => r.IssuedAt)
                    .Take(50)
                    .Select(r => new ReferableReport(r.Id, r.Name, r.IssuedAt))
                    .ToListAsync(cancellationToken);
            audit.Record("referral.reports_listed", nameof(Patient), query.PatientId.ToString(), query.PatientId, $"count={reports.Count}");
            return reports;
        }
    }
}

public sealed record ReferableReport(Guid Id, string Name, DateTimeOffset IssuedAt);
