using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// The doctor admits the waiting patient: the visit and the appointment move to in progress and the room is told, so
/// both browsers join the call. Needs the doctor's confirmed session of visits (domain rule 3).
/// </summary>
public sealed record AdmitPatient(Guid VisitId) : ICommand<VisitUpdatedEvent>
{
    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IVisitAppointments appointments,
        IAuditLog audit,
        IVisitRoom room,
        IAfterCommit afterCommit,
        TimeProvider clock) : ICommandHandler<AdmitPatient, VisitUpdatedEvent>
    {
        public async ValueTask<VisitUpdatedEvent> Handle(AdmitPatient command, CancellationToken cancellationToken)
        {
            var admission = await AdmitAsync(command.VisitId, db, access, currentUser, appointments, audit, clock, cancellationToken);
            await QueueAnnouncements.AnnounceQueueMovedAsync(db, room, afterCommit, admission.Visit.DoctorId, admission.Visit.Id, cancellationToken);
            return Announce(admission.Visit, room, afterCommit);
        }
    }

    /// <summary>Admits (not saved yet): the caller must be the visit's doctor within a confirmed session.</summary>
    internal static async Task<(VideoVisit Visit, Guid DoctorAccountId, DateTimeOffset Now)> AdmitAsync(
        Guid visitId, IAppDbContext db, VisitAccess access, ICurrentUser currentUser, IVisitAppointments appointments, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (visit, role) = await access.LoadAsync(visitId, cancellationToken);
        VisitAccess.EnsureDoctor(role);
        var accountId = currentUser.RequireAccountId();
        var now = clock.GetUtcNow();
        await ConsultingSessions.EnsureActiveAsync(db, accountId, now, cancellationToken);
        visit.Admit(accountId, now);
        await appointments.StartAsync(visit.Id, cancellationToken);
        audit.Record("visit.admitted", "VideoVisit", visit.Id.ToString(), visit.PatientId);
        return (visit, accountId, now);
    }

    /// <summary>Once saved, the room hears that the visit is in progress (the patient's browser then enters the call).</summary>
    internal static VisitUpdatedEvent Announce(VideoVisit visit, IVisitRoom room, IAfterCommit afterCommit)
    {
        var updated = new VisitUpdatedEvent(visit.Id, visit.Status);
        afterCommit.Enqueue(ct => room.BroadcastAsync(updated.VisitId, VisitRoomEvents.VisitUpdated, updated, ct));
        return updated;
    }
}
