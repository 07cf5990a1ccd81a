using InternetHospital.Application.His;
using InternetHospital.Domain.Consultations;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.Consultations;

/// <summary>
/// The lead specialist signs the opinion (text + structured recommendation), hashed like the visit note and read-only
/// from then on (domain rules 11 and 28). A video consultation's room closes. The opinion goes back to the requesting
/// doctor and the patient (notifications) and to the HIS of both institutions: one outbox message per institution,
/// carrying that institution's id, in the same unit of work.
/// </summary>
public sealed record SignConsultationOpinion(
    Guid ConsultationId,
    string Text,
    ConsultationDisposition Disposition,
    string? SuggestedTests,
    string? SuggestedMedication,
    int? FollowUpInDays) : ICommand<ConsultationView>
{
    public sealed class Validator : AbstractValidator<SignConsultationOpinion>
    {
        public Validator()
        {
            RuleFor(x => x.Text).NotEmpty().MaximumLength(Consultation.MaxOpinionLength);
            RuleFor(x => x.Disposition).IsInEnum();
            RuleFor(x => x.SuggestedTests).MaximumLength(1000);
            RuleFor(x => x.SuggestedMedication).MaximumLength(1000);
            RuleFor(x => x.FollowUpInDays).InclusiveBetween(1, 365).When(x => x.FollowUpInDays is not null);
        }
    }

    public sealed class Handler(IAppDbContext db, ConsultationAccess access, IHisOutbox outbox, VideoVisits.Media.CallMedia media, TimeProvider clock) : ICommandHandler<SignConsultationOpinion, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(SignConsultationOpinion command, CancellationToken cancellationToken)
        {
            var (consultation, me) = await access.RequireForDoctorAsync(command.ConsultationId, cancellationToken);
            var now = clock.GetUtcNow();
            var opinion = consultation.SignOpinion(
                command.Text,
                new ConsultationRecommendation(command.Disposition, command.SuggestedTests, command.SuggestedMedication, command.FollowUpInDays),
                me.Doctor.AccountId,
                me.Doctor.FullName,
                now);

            if (consultation.Mode == ConsultationMode.Video
                && await db.VideoVisits.SingleOrDefaultAsync(v => v.Id == consultation.Id && v.Purpose == VisitPurpose.Consultation, cancellationToken) is { } room)
            {
                room.CloseConsultationRoom(me.Doctor.AccountId, now);
                await media.CloseAfterCommitAsync(room.Id, cancellationToken);
            }

            // Note: both institutions' records get the opinion (domain rule 28): each message goes to that institution's own
            // HIS when it has one, otherwise to the consortium's.
            foreach (var (institution, role) in new[] { (consultation.FromFacilityId, "requesting"), (consultation.ToFacilityId, "consulted") })
            {
                outbox.Enqueue(consultation.PatientId, new ConsultationOpinionSignedMessage(
                    consultation.Id,
                    consultation.PatientId,
                    institution,
                    role,
                    consultation.RequestingDoctorId,
                    me.Doctor.Id,
                    opinion.SignedAt,
                    consultation.Question,
                    opinion.Text,
                    opinion.Disposition.ToString(),
                    opinion.SuggestedTests,
                    opinion.SuggestedMedication,
                    opinion.FollowUpInDays,
                    opinion.ContentHash),
                    institution);
            }

            access.Audit(consultation, "consultation.opinion_signed");
            await access.TellRequesterAsync(consultation, ConsultationNotifications.OpinionSigned, cancellationToken);
            await access.TellPatientAsync(consultation, ConsultationNotifications.OpinionSigned, cancellationToken);
            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }
    }
}
