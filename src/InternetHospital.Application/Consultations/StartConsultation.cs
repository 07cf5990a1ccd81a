using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.Consultations;

/// <summary>
/// The lead specialist starts a video consultation: it opens a video visit room with no appointment behind it
/// (<see cref="VideoVisit.OpenForConsultation"/>), keyed by the consultation's id. The lead hosts it; the requesting
/// doctor and the other specialist are in it as invited specialists; the patient only if invited. From here the room is
/// the video visit's own (signalling hub, chat, the trace of who joined and left). The requester (and the patient) are told.
/// </summary>
public sealed record StartConsultation(Guid ConsultationId) : ICommand<ConsultationView>
{
    public sealed class Handler(IAppDbContext db, ConsultationAccess access, VideoVisits.Media.CallMedia media, TimeProvider clock) : ICommandHandler<StartConsultation, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(StartConsultation command, CancellationToken cancellationToken)
        {
            var (consultation, me) = await access.RequireForDoctorAsync(command.ConsultationId, cancellationToken);
            var now = clock.GetUtcNow();
            consultation.Start(me.Doctor.AccountId, now);
            var guests = consultation.Specialists.Where(s => s.DoctorId != me.Doctor.Id).Select(s => (s.DoctorId, s.AccountId))
                .Prepend((consultation.RequestingDoctorId, consultation.RequestingAccountId))
                .ToList();
            db.VideoVisits.Add(VideoVisit.OpenForConsultation(
                consultation.Id, consultation.PatientId, me.Doctor.Id, me.Doctor.AccountId, guests, consultation.PatientInvited, consultation.ScheduledStart ?? now, media.MaxParticipants, now));
            access.Audit(consultation, "consultation.started");
            await access.TellRequesterAsync(consultation, ConsultationNotifications.Started, cancellationToken, sendEmail: false);
            if (consultation.PatientInvited)
            {
                await access.TellPatientAsync(consultation, ConsultationNotifications.Started, cancellationToken, sendEmail: false);
            }

            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }
    }
}
