using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.VideoVisits.Consultation;

/// <summary>
/// Remote consultation: the visit's doctor invites another doctor, who gets a live notification and may then join the
/// room and the call as a specialist. How many fit is the media path's: four on the browser mesh, the configured room
/// size through Janus; the visit's active guests take places too.
/// </summary>
public sealed record InviteSpecialist(Guid VisitId, Guid DoctorId) : ICommand<InvitationDto>
{
    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        INotifier notifier,
        IAuditLog audit,
        IVisitRoom room,
        IAfterCommit afterCommit,
        Media.CallMedia media,
        TimeProvider clock) : ICommandHandler<InviteSpecialist, InvitationDto>
    {
        public async ValueTask<InvitationDto> Handle(InviteSpecialist command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            VisitAccess.EnsureDoctor(role);
            var specialist = await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DoctorId, cancellationToken)
                ?? throw new NotFoundException("Doctor", command.DoctorId);
            var guests = await access.ActiveGuestCountAsync(visit.Id, cancellationToken);
            var invitation = visit.Invite(specialist.Id, specialist.AccountId, currentUser.RequireAccountId(), media.MaxParticipants, guests, clock.GetUtcNow());
            audit.Record("visit.specialist_invited", "VideoVisit", visit.Id.ToString(), visit.PatientId, specialist.Id.ToString());
            await notifier.NotifyAsync(
                new Notice(specialist.AccountId, VisitNotices.SpecialistInvited, new Dictionary<string, string> { ["visitId"] = visit.Id.ToString() }, $"/visits/{visit.Id}", SendEmail: false),
                cancellationToken);
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.VisitUpdated, new VisitUpdatedEvent(visit.Id, visit.Status), ct));
            return new InvitationDto(specialist.Id, specialist.FullName, invitation.InvitedAt);
        }
    }
}

public sealed record InvitationDto(Guid DoctorId, string Name, DateTimeOffset InvitedAt);
