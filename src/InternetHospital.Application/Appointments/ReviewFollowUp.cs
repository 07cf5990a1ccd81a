using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

/// <summary>The signed-in doctor's video follow-ups waiting for a decision on uploaded proof, soonest first.</summary>
public sealed record ListFollowUpReviews : IQuery<IReadOnlyList<AppointmentView>>
{
    public sealed class Handler(
        IAppDbContext db,
        StaffAccess staff,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<ListFollowUpReviews, IReadOnlyList<AppointmentView>>
    {
        public async ValueTask<IReadOnlyList<AppointmentView>> Handle(ListFollowUpReviews query, CancellationToken cancellationToken)
        {
            var doctor = await staff.CurrentDoctorAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.DoctorId == doctor.Id && a.Status == AppointmentStatus.PendingReview))
                .ToListAsync(cancellationToken);
            audit.Record("follow_up.reviews_listed", nameof(Appointment), null, null, rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return rows.OrderBy(r => r.Appointment.Start).Select(r => r.ToView(now, booking.Value, hospital.Value)).ToList();
        }
    }
}

/// <summary>The doctor (or an admin) records that the patient did not come, once the appointment has started.</summary>
public sealed record MarkNoShow(Guid AppointmentId) : ICommand<AppointmentView>
{
    public sealed class Handler(
        IAppDbContext db,
        StaffAccess staff,
        AppointmentMessages messages,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<MarkNoShow, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(MarkNoShow command, CancellationToken cancellationToken)
        {
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == command.AppointmentId, cancellationToken);
            if (appointment is null || !await staff.IsDoctorOfAsync(appointment.DoctorId, cancellationToken))
            {
                throw new NotFoundException("Appointment", command.AppointmentId);
            }

            var now = clock.GetUtcNow();
            appointment.MarkNoShow(now);
            audit.Record("appointment.no_show", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId);
            await messages.ChangedAsync(appointment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id)).SingleAsync(cancellationToken);
            return row.ToView(now, booking.Value, hospital.Value);
        }
    }
}
