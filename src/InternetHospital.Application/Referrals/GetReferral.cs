namespace InternetHospital.Application.Referrals;

/// <summary>One referral for a doctor of the sending or the receiving institution, with the timeline and, for the receiver, the reserved times to propose.</summary>
public sealed record GetReferral(Guid ReferralId) : IQuery<ReferralDetail>
{
    public sealed class Handler(IAppDbContext db, ReferralAccess access, InstitutionReads reads, TimeProvider clock) : IQueryHandler<GetReferral, ReferralDetail>
    {
        public async ValueTask<ReferralDetail> Handle(GetReferral query, CancellationToken cancellationToken)
        {
            var (referral, me) = await access.RequireForDoctorAsync(query.ReferralId, cancellationToken);
            access.AuditRead(referral);
            var holder = me.FacilityId == referral.FromFacilityId ? referral.ToFacilityId : referral.FromFacilityId;
            await reads.RecordAsync("referral.read", nameof(Domain.Referrals.Referral), referral.Id.ToString(), referral.PatientId, holder, cancellationToken, me.FacilityId);
            var slots = referral.ToDepartmentId is { } department && ReferralAccess.IsReceiver(referral, me) && referral.IsOpen
                ? await ReferralSlots.Free(db, department, clock.GetUtcNow()).Take(50).ToListAsync(cancellationToken)
                : [];
            return new ReferralDetail(await ReferralViews.ToViewAsync(db, referral, me, cancellationToken), slots);
        }
    }
}

/// <param name="ReservedSlots">Free reserved referral times of the receiving department (to propose, or to book another).</param>
public sealed record ReferralDetail(ReferralView Referral, IReadOnlyList<ReferralSlotView> ReservedSlots);
