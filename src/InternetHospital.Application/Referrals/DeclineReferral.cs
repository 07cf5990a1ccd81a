using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>The receiving side declines with a reason; the referring doctor and the patient are told.</summary>
public sealed record DeclineReferral(Guid ReferralId, string Reason) : ICommand<ReferralView>
{
    public sealed class Validator : AbstractValidator<DeclineReferral>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(Referral.MaxReasonLength);
    }

    public sealed class Handler(IAppDbContext db, ReferralAccess access, INotifier notifier, IAuditLog audit, TimeProvider clock) : ICommandHandler<DeclineReferral, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(DeclineReferral command, CancellationToken cancellationToken)
        {
            var (referral, me) = await access.RequireForDoctorAsync(command.ReferralId, cancellationToken);
            ReferralAccess.EnsureReceiver(referral, me);
            referral.Decline(command.Reason, me.Doctor.Id, me.Doctor.AccountId, clock.GetUtcNow());
            audit.Record("referral.declined", nameof(Referral), referral.Id.ToString(), referral.PatientId, $"from={referral.FromFacilityId} to={referral.ToFacilityId}");
            await notifier.TellSenderAsync(db, referral, ReferralNotifications.Declined, cancellationToken);
            await notifier.TellPatientAsync(access, referral, ReferralNotifications.Declined, cancellationToken);
            return await ReferralViews.ToViewAsync(db, referral, me, cancellationToken);
        }
    }
}
