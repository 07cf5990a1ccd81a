using InternetHospital.Domain.Consultations;

namespace InternetHospital.Application.Consultations;

/// <summary>A correction to a signed opinion: the opinion stays as signed; the addendum is signed and hash-chained (domain rule 11).</summary>
public sealed record AddConsultationAddendum(Guid ConsultationId, string Text) : ICommand<ConsultationView>
{
    public sealed class Validator : AbstractValidator<AddConsultationAddendum>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(Consultation.MaxOpinionLength);
    }

    public sealed class Handler(IAppDbContext db, ConsultationAccess access, TimeProvider clock) : ICommandHandler<AddConsultationAddendum, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(AddConsultationAddendum command, CancellationToken cancellationToken)
        {
            var (consultation, me) = await access.RequireForDoctorAsync(command.ConsultationId, cancellationToken);
            consultation.AddAddendum(command.Text, me.Doctor.AccountId, me.Doctor.FullName, clock.GetUtcNow());
            access.Audit(consultation, "consultation.addendum_added");
            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }
    }
}
