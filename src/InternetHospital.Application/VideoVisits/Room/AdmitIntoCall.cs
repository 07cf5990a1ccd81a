using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Room;

/// <summary>
/// The doctor admits the waiting patient and enters the call in the same step and the same save, from their room
/// connection. The patient, told of the admit, then finds the doctor already in the call and offers at once, instead of
/// both entering at the same moment after the admit. The same rules as <see cref="AdmitPatient"/> and
/// <see cref="EnterVisitCall"/>: the visit's doctor, a confirmed session of visits, a room connection first.
/// </summary>
public sealed record AdmitIntoCall(Guid VisitId, string ConnectionId, string PeerId) : ICommand<CallSnapshot>
{
    public sealed class Validator : AbstractValidator<AdmitIntoCall>
    {
        public Validator() => RuleFor(x => x.PeerId).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9-]+$");
    }

    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IVisitAppointments appointments,
        IAuditLog audit,
        IAccountService accounts,
        CallMedia media,
        IVisitRoom room,
        IAfterCommit afterCommit,
        TimeProvider clock) : ICommandHandler<AdmitIntoCall, CallSnapshot>
    {
        public async ValueTask<CallSnapshot> Handle(AdmitIntoCall command, CancellationToken cancellationToken)
        {
            var (visit, accountId, now) = await AdmitPatient.AdmitAsync(command.VisitId, db, access, currentUser, appointments, audit, clock, cancellationToken);
            var snapshot = await CallMembership.EnterAsync(db, accounts, media, visit, VisitRole.Doctor, accountId, command.ConnectionId, command.PeerId, now, cancellationToken);
            AdmitPatient.Announce(visit, room, afterCommit);
            await QueueAnnouncements.AnnounceQueueMovedAsync(db, room, afterCommit, visit.DoctorId, visit.Id, cancellationToken);
            return snapshot;
        }
    }
}
