using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// The doctor decides whether uploaded proof makes a video visit a follow-up (domain rule 1). Accepted: the patient
/// is asked to pay (nothing was taken before). Rejected: the hold ends, nothing is charged, the patient is told to
/// book in person, and the slot goes to the waitlist.
/// </summary>
public sealed record ReviewFollowUp(Guid AppointmentId, bool Accept, string? Note) : ICommand<AppointmentView>
{
    public sealed class Validator : AbstractValidator<ReviewFollowUp>
    {
        public Validator()
        {
            RuleFor(x => x.Note).MaximumLength(500);
            RuleFor(x => x.Note).NotEmpty().When(x => !x.Accept).WithLocalizedMessage("proof_rejection_reason_required");
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        StaffAccess staff,
        AppointmentRelease release,
        AppointmentMessages messages,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<ReviewFollowUp, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(ReviewFollowUp command, CancellationToken cancellationToken)
        {
            var doctor = await staff.CurrentDoctorAsync(cancellationToken);
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == command.AppointmentId && a.DoctorId == doctor.Id, cancellationToken)
                ?? throw new NotFoundException("Appointment", command.AppointmentId);
            var now = clock.GetUtcNow();
            if (command.Accept)
            {
                appointment.AcceptFollowUp(doctor.Id, command.Note, now + booking.Value.PaymentWindowAfterReview, now);
            }
            else
            {
                appointment.RejectFollowUp(doctor.Id, command.Note!, now);
                await release.OfferFreedSlotAsync(appointment.SlotId, appointment.Id, cancellationToken);
            }

            audit.Record(command.Accept ? "follow_up.accepted" : "follow_up.rejected", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId);
            await messages.FollowUpReviewedAsync(appointment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id)).SingleAsync(cancellationToken);
            return row.ToView(now, booking.Value, hospital.Value);
        }
    }
}
