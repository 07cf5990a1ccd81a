using InternetHospital.Domain.Consultations;

namespace InternetHospital.Application.Consultations;

/// <summary>The requesting doctor withdraws a consultation that has not started; the specialists are told.</summary>
public sealed record CancelConsultation(Guid ConsultationId, string? Reason) : ICommand<ConsultationView>
{
    public sealed class Validator : AbstractValidator<CancelConsultation>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(Consultation.MaxReasonLength);
    }

    public sealed class Handler(IAppDbContext db, ConsultationAccess access, TimeProvider clock) : ICommandHandler<CancelConsultation, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(CancelConsultation command, CancellationToken cancellationToken)
        {
            var (consultation, me) = await access.RequireForDoctorAsync(command.ConsultationId, cancellationToken);
            ConsultationAccess.EnsureRequester(consultation, me);
            consultation.Cancel(command.Reason, me.Doctor.AccountId, clock.GetUtcNow());
            access.Audit(consultation, "consultation.cancelled");
            await access.TellConsultedAsync(consultation, ConsultationNotifications.Cancelled, cancellationToken);
            await access.TellPatientAsync(consultation, ConsultationNotifications.Cancelled, cancellationToken, sendEmail: false);
            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }
    }
}
