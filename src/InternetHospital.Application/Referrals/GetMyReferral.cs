using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>One of the patient's referrals; while a time is proposed, with the department's other free referral times too.</summary>
public sealed record GetMyReferral(Guid PatientId, Guid ReferralId) : IQuery<ReferralDetail>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : IQueryHandler<GetMyReferral, ReferralDetail>
    {
        public async ValueTask<ReferralDetail> Handle(GetMyReferral query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var referral = await db.Referrals.AsNoTracking()
                .Include(r => r.Events).Include(r => r.Attachments).Include(r => r.Medicines).Include(r => r.Tasks)
                .AsSplitQuery()
                .SingleOrDefaultAsync(r => r.Id == query.ReferralId && r.PatientId == query.PatientId, cancellationToken) ?? throw new NotFoundException("Referral", query.ReferralId);
            audit.Record("referral.read_by_patient", nameof(Referral), referral.Id.ToString(), referral.PatientId);
            var slots = referral is { Status: ReferralStatus.AppointmentProposed, ToDepartmentId: { } department }
                ? await ReferralSlots.Free(db, department, clock.GetUtcNow()).Take(50).ToListAsync(cancellationToken)
                : [];
            return new ReferralDetail(await ReferralViews.ToViewAsync(db, referral, viewer: null, cancellationToken), slots);
        }
    }
}
