using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// The doctor (illness, emergency) or an admin cancels a whole session: its slots are withdrawn; every affected
/// patient's appointment is cancelled, a paid fee refunded in full, and the patient told, with the doctor's next
/// free times. The HIS hears of each cancelled booking.
/// </summary>
public sealed record CancelSession(Guid? DoctorId, DateOnly Date, TimeOnly From, TimeOnly To, string Reason) : ICommand<SessionCancellation>
{
    public sealed class Validator : AbstractValidator<CancelSession>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
            RuleFor(x => x.To).GreaterThan(x => x.From);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        StaffAccess staff,
        ICurrentUser currentUser,
        AppointmentRelease release,
        AppointmentMessages messages,
        IAuditLog audit,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<CancelSession, SessionCancellation>
    {
        public async ValueTask<SessionCancellation> Handle(CancelSession command, CancellationToken cancellationToken)
        {
            var doctor = await staff.DoctorToActOnAsync(command.DoctorId, cancellationToken);
            var zone = hospital.Value.TimeZoneInfo;
            var (dayStart, dayEnd) = SlotGenerator.DayBounds(command.Date, zone);
            var from = SlotGenerator.ToUtc(command.Date.ToDateTime(command.From), zone) ?? dayStart;
            var to = SlotGenerator.ToUtc(command.Date.ToDateTime(command.To), zone) ?? dayEnd;
            var now = clock.GetUtcNow();
            var slots = await db.Slots.Where(s => s.DoctorId == doctor.Id && s.Start >= from && s.Start < to && s.End > now).ToListAsync(cancellationToken);
            var slotIds = slots.Select(s => s.Id).ToList();
            var affected = await db.Appointments.Where(a => a.OccupiedSlotId != null && slotIds.Contains(a.OccupiedSlotId.Value)).ToListAsync(cancellationToken);
            foreach (var slot in slots)
            {
                slot.CancelSession(command.Reason);
            }

            var by = Roles.SystemAdministrators.Any(currentUser.IsInRole) && command.DoctorId is not null ? CancelledBy.Admin : CancelledBy.Doctor;
            var next = await NextFreeSlotsAsync(doctor.Id, slotIds, now, cancellationToken);
            var cancelled = 0;
            foreach (var appointment in affected.Where(a => a.Status is AppointmentStatus.PendingReview or AppointmentStatus.PendingPayment or AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
            {
                var hisKnew = appointment.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn;
                appointment.CancelByHospital(by, CancellationReasons.SessionCancelled, command.Reason, now);
                var refunded = await release.SettlePaymentAsync(appointment, "The session was cancelled by the hospital", cancellationToken);
                audit.Record("appointment.cancelled", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId, CancellationReasons.SessionCancelled);
                await messages.CancelledByHospitalAsync(appointment, hisKnew, refunded, next, cancellationToken);
                cancelled++;
            }

            audit.Record("schedule.session_cancelled", "Session", $"{doctor.Id}:{command.Date:yyyy-MM-dd}", null, command.Reason);
            return new SessionCancellation(slots.Count, cancelled);
        }

        private async Task<IReadOnlyList<DateTimeOffset>> NextFreeSlotsAsync(Guid doctorId, List<Guid> excluded, DateTimeOffset now, CancellationToken cancellationToken) =>
            await db.Slots
                .Where(s => s.DoctorId == doctorId && s.Status == SlotStatus.Open && s.Start > now && !excluded.Contains(s.Id)
                    && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id))
                .OrderBy(s => s.Start)
                .Select(s => s.Start)
                .Take(3)
                .ToListAsync(cancellationToken);
    }
}

public sealed record SessionCancellation(int SlotsCancelled, int AppointmentsCancelled);
