namespace InternetHospital.Application.Consultations;

/// <summary>
/// The specialist side accepts and sets the time (for a written consultation: when the answer is due), optionally
/// inviting the patient into the video room (if the media path's room holds them with the doctors). The doctor who
/// schedules leads it. The requester and the patient are told.
/// </summary>
public sealed record ScheduleConsultation(Guid ConsultationId, DateTimeOffset Start, bool InvitePatient) : ICommand<ConsultationView>
{
    public sealed class Validator : AbstractValidator<ScheduleConsultation>
    {
        public Validator() => RuleFor(x => x.Start).NotEmpty();
    }

    public sealed class Handler(IAppDbContext db, ConsultationAccess access, VideoVisits.Media.CallMedia media, TimeProvider clock) : ICommandHandler<ScheduleConsultation, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(ScheduleConsultation command, CancellationToken cancellationToken)
        {
            var (consultation, me) = await access.RequireForDoctorAsync(command.ConsultationId, cancellationToken);
            ConsultationAccess.EnsureConsulted(consultation, me);
            consultation.Schedule(me.Doctor.Id, me.Doctor.AccountId, command.Start, command.InvitePatient, media.MaxParticipants, clock.GetUtcNow());
            access.Audit(consultation, "consultation.scheduled");
            await access.TellRequesterAsync(consultation, ConsultationNotifications.Scheduled, cancellationToken);
            await access.TellPatientAsync(consultation, ConsultationNotifications.Scheduled, cancellationToken);
            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }
    }
}
