using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// The patient moves an appointment to another free time of the same doctor, until the cut-off before the current
/// start. The fee and any payment carry over; the old slot goes to the waitlist; the HIS and the calendar are updated.
/// </summary>
public sealed record RescheduleAppointment(Guid AppointmentId, Guid SlotId) : ICommand<AppointmentView>
{
    public sealed class Validator : AbstractValidator<RescheduleAppointment>
    {
        public Validator()
        {
            RuleFor(x => x.SlotId).NotEmpty();
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        BookingRules rules,
        AppointmentRelease release,
        AppointmentMessages messages,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<RescheduleAppointment, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(RescheduleAppointment command, CancellationToken cancellationToken)
        {
            var appointment = await AppointmentAccess.LoadForPatientAsync(db, guard, command.AppointmentId, cancellationToken);
            var slot = await db.Slots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.SlotId, cancellationToken)
                ?? throw new NotFoundException("Slot", command.SlotId);
            var now = clock.GetUtcNow();
            var previousSlot = appointment.SlotId;
            var previousStart = appointment.Start;
            await rules.EnsureAllowedAsync(appointment.PatientId, slot, appointment.Id, cancellationToken);
            appointment.Reschedule(slot, booking.Value.ChangeCutoff, now);
            audit.Record("appointment.rescheduled", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId);
            await messages.RescheduledAsync(appointment, previousStart, cancellationToken, currentUser.RequireAccountId());
            await release.OfferFreedSlotAsync(previousSlot, appointment.Id, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException exception)
            {
                throw BookingRules.FromUniqueViolation(exception);
            }

            var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id)).SingleAsync(cancellationToken);
            return row.ToView(now, booking.Value, hospital.Value);
        }
    }
}
