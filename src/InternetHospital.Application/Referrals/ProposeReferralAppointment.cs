using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>A doctor of the receiving department proposes a reserved referral time (after accepting, or another time before the patient booked).</summary>
public sealed record ProposeReferralAppointment(Guid ReferralId, Guid SlotId) : ICommand<ReferralView>
{
    public sealed class Validator : AbstractValidator<ProposeReferralAppointment>
    {
        public Validator() => RuleFor(x => x.SlotId).NotEmpty();
    }

    public sealed class Handler(IAppDbContext db, ReferralAccess access, INotifier notifier, IAuditLog audit, TimeProvider clock) : ICommandHandler<ProposeReferralAppointment, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(ProposeReferralAppointment command, CancellationToken cancellationToken)
        {
            var (referral, me) = await access.RequireForDoctorAsync(command.ReferralId, cancellationToken);
            ReferralAccess.EnsureReceiver(referral, me);
            var now = clock.GetUtcNow();
            if (referral.ToDepartmentId is not { } department)
            {
                throw new DomainConflictException("referral_wrong_state", "Only a referral up to a hospital department proposes an appointment.");
            }

            await ReferralSlots.RequireFreeAsync(db, department, command.SlotId, now, cancellationToken);
            referral.ProposeAppointment(command.SlotId, me.Doctor.AccountId, now);
            audit.Record("referral.appointment_proposed", nameof(Referral), referral.Id.ToString(), referral.PatientId, $"from={referral.FromFacilityId} to={referral.ToFacilityId}");
            await notifier.TellPatientAsync(access, referral, ReferralNotifications.AppointmentProposed, cancellationToken);
            return await ReferralViews.ToViewAsync(db, referral, me, cancellationToken);
        }
    }
}
