using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Payments;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Staff-initiated booking: the signed-in doctor books one of their own slots as a follow-up for a patient they
/// look after (they have seen the patient before, or are the patient's family doctor). The doctor's decision is the
/// follow-up basis for a video visit. The patient is told and confirms by paying within
/// <see cref="BookingOptions.StaffHoldDuration"/>. The family-doctor and visit-record features send this command.
/// </summary>
public sealed record BookFollowUpForPatient(Guid PatientId, Guid SlotId, VisitType VisitType) : ICommand<AppointmentView>
{
    public sealed class Validator : AbstractValidator<BookFollowUpForPatient>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.SlotId).NotEmpty();
            RuleFor(x => x.VisitType).IsInEnum();
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        StaffAccess staff,
        ICurrentUser currentUser,
        ICareRelationships care,
        BookingRules rules,
        AppointmentMessages messages,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<PaymentOptions> paymentOptions,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<BookFollowUpForPatient, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(BookFollowUpForPatient command, CancellationToken cancellationToken)
        {
            var doctor = await staff.CurrentDoctorAsync(cancellationToken);
            var seenBefore = await db.Appointments.AnyAsync(a => a.PatientId == command.PatientId && a.DoctorId == doctor.Id && a.Status == AppointmentStatus.Completed, cancellationToken);
            if (!seenBefore && !await care.IsFamilyDoctorOfAsync(doctor.Id, command.PatientId, cancellationToken))
            {
                // Note: 404, not 403: a doctor without a care relationship must not learn whether the patient exists.
                throw new NotFoundException("Patient", command.PatientId);
            }

            var slot = await db.Slots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.SlotId && s.DoctorId == doctor.Id, cancellationToken)
                ?? throw new NotFoundException("Slot", command.SlotId);
            var now = clock.GetUtcNow();
            if (command.VisitType == VisitType.Video && !doctor.CanSeeOnVideo(SlotClock.Today(clock, hospital.Value)))
            {
                throw new DomainRuleException("doctor_not_eligible_for_video", "You may not be scheduled for video visits.");
            }

            await rules.EnsureAllowedAsync(command.PatientId, slot, null, cancellationToken);
            var basis = command.VisitType == VisitType.Video ? FollowUpBasis.DoctorReferral : FollowUpBasis.NotRequired;
            var appointment = Appointment.Hold(
                new NewAppointment(command.PatientId, currentUser.RequireAccountId(), slot, command.VisitType, doctor.FeeFor(command.VisitType), paymentOptions.Value.Currency, basis, null, null, now + booking.Value.StaffHoldDuration),
                now);
            db.Appointments.Add(appointment);
            audit.Record("appointment.booked_by_doctor", nameof(Appointment), appointment.Id.ToString(), command.PatientId);
            await messages.BookedByDoctorAsync(appointment, cancellationToken);
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
