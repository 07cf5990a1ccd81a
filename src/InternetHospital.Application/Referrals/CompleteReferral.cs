using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>The receiving side closes the referral: the patient was seen (up, after booking) or is in the team's care (down).</summary>
public sealed record CompleteReferral(Guid ReferralId) : ICommand<ReferralView>
{
    public sealed class Handler(IAppDbContext db, ReferralAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<CompleteReferral, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(CompleteReferral command, CancellationToken cancellationToken)
        {
            var (referral, me) = await access.RequireForDoctorAsync(command.ReferralId, cancellationToken);
            ReferralAccess.EnsureReceiver(referral, me);
            referral.Complete(me.Doctor.AccountId, clock.GetUtcNow());
            audit.Record("referral.completed", nameof(Referral), referral.Id.ToString(), referral.PatientId, $"from={referral.FromFacilityId} to={referral.ToFacilityId}");
            return await ReferralViews.ToViewAsync(db, referral, me, cancellationToken);
        }
    }
}
