using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>The referring doctor withdraws an open referral (a visit already booked through it stays; the patient cancels that themselves).</summary>
public sealed record CancelReferral(Guid ReferralId, string? Reason) : ICommand<ReferralView>
{
    public sealed class Validator : AbstractValidator<CancelReferral>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(Referral.MaxReasonLength);
    }

    public sealed class Handler(IAppDbContext db, ReferralAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<CancelReferral, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(CancelReferral command, CancellationToken cancellationToken)
        {
            var (referral, me) = await access.RequireForDoctorAsync(command.ReferralId, cancellationToken);
            ReferralAccess.EnsureSender(referral, me);
            referral.Cancel(command.Reason, me.Doctor.AccountId, clock.GetUtcNow());
            audit.Record("referral.cancelled", nameof(Referral), referral.Id.ToString(), referral.PatientId, $"from={referral.FromFacilityId} to={referral.ToFacilityId}");
            return await ReferralViews.ToViewAsync(db, referral, me, cancellationToken);
        }
    }
}
