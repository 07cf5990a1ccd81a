using InternetHospital.Domain.Consultations;

namespace InternetHospital.Application.Consultations;

/// <summary>The specialist side declines with a reason; the requesting doctor and the patient are told.</summary>
public sealed record DeclineConsultation(Guid ConsultationId, string Reason) : ICommand<ConsultationView>
{
    public sealed class Validator : AbstractValidator<DeclineConsultation>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(Consultation.MaxReasonLength);
    }

    public sealed class Handler(IAppDbContext db, ConsultationAccess access, TimeProvider clock) : ICommandHandler<DeclineConsultation, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(DeclineConsultation command, CancellationToken cancellationToken)
        {
            var (consultation, me) = await access.RequireForDoctorAsync(command.ConsultationId, cancellationToken);
            ConsultationAccess.EnsureConsulted(consultation, me);
            consultation.Decline(command.Reason, me.Doctor.Id, me.Doctor.AccountId, clock.GetUtcNow());
            access.Audit(consultation, "consultation.declined");
            await access.TellRequesterAsync(consultation, ConsultationNotifications.Declined, cancellationToken);
            await access.TellPatientAsync(consultation, ConsultationNotifications.Declined, cancellationToken);
            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }
    }
}
