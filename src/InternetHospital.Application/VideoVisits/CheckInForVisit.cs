using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// The patient checks in for a video appointment (from 15 minutes before the start, after the device check): the
/// visit's waiting room opens and the doctor sees them waiting. Checking in again (a second device, after closing
/// the tab) is recorded and changes nothing else.
/// </summary>
public sealed record CheckInForVisit(Guid AppointmentId, bool GuardianPresent = false) : ICommand<WaitingRoomDto>
{
    public const string DoctorLiveEvent = "visit.checkedIn";

    public sealed class Handler(
        IAppDbContext db,
        IVisitAppointments appointments,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        IAccountService accounts,
        IAuditLog audit,
        ILiveUpdates live,
        IVisitRoom room,
        IAfterCommit afterCommit,
        ISender sender,
        TimeProvider clock) : ICommandHandler<CheckInForVisit, WaitingRoomDto>
    {
        public async ValueTask<WaitingRoomDto> Handle(CheckInForVisit command, CancellationToken cancellationToken)
        {
            var appointment = await appointments.FindAsync(command.AppointmentId, cancellationToken)
                ?? throw new NotFoundException("Appointment", command.AppointmentId);
            var acting = await guard.EnsureCanActForAsync(appointment.PatientId, PatientScope.Appointments, cancellationToken);
            if (!appointment.IsVideo)
            {
                throw new DomainRuleException("not_a_video_visit", "This appointment is an in-person visit.");
            }

            // Domain rule 4: a child under 6 is seen online only with a guardian present, who says so on joining.
            if (acting.GuardianMustAttend && !command.GuardianPresent)
            {
                throw new DomainRuleException("guardian_presence_required", "A child this young is seen online only with a guardian present.");
            }

            var accountId = currentUser.RequireAccountId();
            if (acting.Relationship != PatientRelationship.Self)
            {
                var name = (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
                await appointments.RecordAttendanceAsync(appointment.Id, accountId, name, acting.AttendingRelation, command.GuardianPresent, cancellationToken);
            }

            var now = clock.GetUtcNow();
            var visit = await db.VideoVisits.FindAsync([appointment.Id], cancellationToken);
            if (visit is null)
            {
                visit = VideoVisit.CheckIn(appointment.Id, appointment.PatientId, appointment.DoctorId, appointment.DoctorAccountId, appointment.Start, appointment.End, accountId, now);
                await appointments.CheckInAsync(appointment.Id, cancellationToken);
                db.VideoVisits.Add(visit);
            }
            else
            {
                visit.RecordReturn(accountId, now);
            }

            audit.Record("visit.checked_in", "VideoVisit", visit.Id.ToString(), visit.PatientId);
            await QueueAnnouncements.AnnounceQueueMovedAsync(db, room, afterCommit, visit.DoctorId, visit.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var visitId = visit.Id;
            var status = visit.Status;
            afterCommit.Enqueue(ct => live.SendToAccountAsync(appointment.DoctorAccountId, DoctorLiveEvent, new VisitUpdatedEvent(visitId, status), ct));
            afterCommit.Enqueue(ct => room.BroadcastAsync(visitId, VisitRoomEvents.VisitUpdated, new VisitUpdatedEvent(visitId, status), ct));
            return await sender.Send(new GetWaitingRoom(appointment.Id), cancellationToken);
        }
    }
}
