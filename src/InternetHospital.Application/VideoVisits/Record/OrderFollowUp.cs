using InternetHospital.Application.Appointments;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.VideoVisits.Record;

/// <summary>
/// While or after the call, before signing, the visit's doctor orders a follow-up appointment: one of their own free
/// slots is held for the patient with booking's rules (<see cref="FollowUpBooking"/>), the patient is told and confirms
/// by paying, and the appointment's id is kept with the note. Hold and note change are saved together. The treating
/// doctor needs no other care relationship: the visit is one.
/// </summary>
public sealed record OrderFollowUp(Guid VisitId, Guid SlotId, VisitType VisitType) : ICommand<AppointmentView>
{
    public sealed class Validator : AbstractValidator<OrderFollowUp>
    {
        public Validator()
        {
            RuleFor(x => x.SlotId).NotEmpty();
            RuleFor(x => x.VisitType).IsInEnum();
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        StaffAccess staff,
        FollowUpBooking booking,
        ICurrentUser currentUser,
        IAuditLog audit,
        IVisitRoom room,
        IAfterCommit afterCommit,
        TimeProvider clock) : ICommandHandler<OrderFollowUp, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(OrderFollowUp command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken, VisitParts.Note);
            VisitAccess.EnsureDoctor(role);
            var accountId = currentUser.RequireAccountId();
            visit.EnsureFollowUpCanBeOrdered(accountId);
            if (visit.Note!.FollowUpAppointmentId is { } previous
                && await db.Appointments.AnyAsync(a => a.Id == previous && Appointment.UpcomingStates.Contains(a.Status), cancellationToken))
            {
                // Note: one follow-up per visit; another may be ordered once the first lapsed (unpaid hold) or was cancelled.
                throw new DomainConflictException("follow_up_already_ordered", "A follow-up is already booked from this visit.");
            }

            var doctor = await staff.CurrentDoctorAsync(cancellationToken);
            var appointment = await booking.HoldAsync(doctor, visit.PatientId, command.SlotId, command.VisitType, cancellationToken);
            visit.RecordFollowUpOrdered(appointment.Id, accountId, clock.GetUtcNow());
            audit.Record("visit.follow_up_ordered", "VideoVisit", visit.Id.ToString(), visit.PatientId, appointment.Id.ToString());
            var view = await booking.SaveAsync(appointment, cancellationToken);
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.VisitUpdated, new VisitUpdatedEvent(visit.Id, visit.Status), ct));
            return view;
        }
    }
}
