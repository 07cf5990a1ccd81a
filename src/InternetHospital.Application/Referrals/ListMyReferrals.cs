using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Referrals;

/// <summary>"My referrals": the patient's own referrals, newest first (for themselves or someone they book for).</summary>
public sealed record ListMyReferrals(Guid PatientId) : IQuery<IReadOnlyList<ReferralView>>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit) : IQueryHandler<ListMyReferrals, IReadOnlyList<ReferralView>>
    {
        public async ValueTask<IReadOnlyList<ReferralView>> Handle(ListMyReferrals query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var referrals = await db.Referrals.AsNoTracking()
                .Where(r => r.PatientId == query.PatientId)
                .Include(r => r.Events).Include(r => r.Attachments).Include(r => r.Medicines).Include(r => r.Tasks)
                .AsSplitQuery()
                .OrderByDescending(r => r.CreatedAt)
                .Take(ListReferrals.Limit)
                .ToListAsync(cancellationToken);
            audit.Record("referral.listed_by_patient", nameof(Patient), query.PatientId.ToString(), query.PatientId, $"count={referrals.Count}");
            return await ReferralViews.ToViewsAsync(db, referrals, viewer: null, cancellationToken);
        }
    }
}
