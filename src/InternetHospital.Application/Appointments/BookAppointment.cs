using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Doctors;
using InternetHospital.Application.Payments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// A patient takes a slot. In person: held for payment. Video: only as a follow-up (domain rule 1): with a
/// qualifying HIS diagnosis or a family-doctor contract it is held for payment; with uploaded proof it waits for the
/// doctor's review first; otherwise it is refused with <c>follow_up_required</c> and the SPA offers an in-person slot.
/// Exactly one booking of a slot can succeed: the database refuses the second (<c>slot_taken</c>, 409).
/// </summary>
/// <param name="GuardianPresent">The guardian of a child under 6 confirms they will attend (domain rule 4; 422 <c>guardian_presence_required</c> without it).</param>
public sealed record BookAppointment(Guid PatientId, Guid SlotId, VisitType VisitType, Guid? ProofFileId = null, bool GuardianPresent = false) : ICommand<AppointmentView>
{
    public sealed class Validator : AbstractValidator<BookAppointment>
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
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        IAccountService accounts,
        IFollowUpPolicy followUp,
        BookingRules rules,
        AppointmentMessages messages,
        IAuditLog audit,
        IUnitOfWork unitOfWork,
        IOptions<BookingOptions> booking,
        IOptions<PaymentOptions> paymentOptions,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<BookAppointment, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(BookAppointment command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();

            // Note: the guard first (a patient the caller may not act for in appointments is a 404 on the patient,
            // whatever the slot): it also evaluates end dates and age bands, which a bare look-up cannot.
            var acting = await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            if (acting.GuardianMustAttend && !command.GuardianPresent)
            {
                throw new DomainRuleException("guardian_presence_required", "A child this young is seen online only with a guardian present; confirm that you will attend.");
            }

            // Note: one round trip reads the slot with its doctor, department and facility, and whether it is taken.
            // The patient's limits are a second read (BookingRules): folding them in needs a lateral join SQLite lacks.
            var found = await (
                from s in db.Slots
                join d in db.Doctors on s.DoctorId equals d.Id
                join dep in db.Departments on s.DepartmentId equals dep.Id
                join f in db.Facilities on dep.FacilityId equals f.Id
                where s.Id == command.SlotId
                select new
                {
                    Slot = s,
                    Doctor = d,
                    Department = new DepartmentRef(dep.Id, dep.Name, dep.NameEn),
                    DepartmentCode = dep.Code,
                    Facility = new FacilityRef(f.Id, f.Name, f.NameEn),
                    PatientName = db.Patients.Where(p => p.Id == command.PatientId).Select(p => p.FullName).FirstOrDefault(),
                    Taken = db.Appointments.Any(a => a.OccupiedSlotId == s.Id),
                })
                .AsNoTracking()
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Slot", command.SlotId);

            var (slot, doctor) = (found.Slot, found.Doctor);
            slot.EnsureBookable(command.VisitType, now);
            if (found.Taken)
            {
                // Note: the common case of a lost race, answered without an insert; the unique index catches the rest.
                throw BookingRules.Problem("slot_taken");
            }

            var basis = FollowUpBasis.NotRequired;
            string? diagnosisCode = null;
            var holdUntil = now + booking.Value.HoldDuration;
            if (command.VisitType == VisitType.Video)
            {
                var decision = await followUp.EvaluateForVideoAsync(command.PatientId, doctor, cancellationToken);
                if (decision.Allowed)
                {
                    basis = decision.Basis;
                    diagnosisCode = decision.Diagnosis?.Code;
                }
                else if (command.ProofFileId is { } proofId)
                {
                    await EnsureProofAsync(proofId, command.PatientId, cancellationToken);
                    basis = FollowUpBasis.UploadedProof;

                    // Note: the doctor reviews until the patient's change cut-off; past it the hold lapses.
                    holdUntil = slot.Start - booking.Value.ChangeCutoff;
                }
                else
                {
                    throw new DomainRuleException("follow_up_required", "Video visits are only for follow-up of a condition diagnosed in person. Upload proof of the diagnosis or book an in-person visit.");
                }
            }

            await rules.EnsureAllowedAsync(command.PatientId, slot, null, cancellationToken);
            var appointment = Appointment.Hold(
                new NewAppointment(command.PatientId, accountId, slot, command.VisitType, doctor.FeeFor(command.VisitType), paymentOptions.Value.Currency, basis, diagnosisCode, command.ProofFileId, holdUntil),
                now);
            if (acting.Relationship != PatientRelationship.Self)
            {
                // Note: who books for a child or parent is who attends with them, until check-in says otherwise.
                var name = (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
                appointment.RecordAttendance(accountId, name, acting.AttendingRelation, command.GuardianPresent);
            }

            db.Appointments.Add(appointment);
            audit.Record("appointment.held", nameof(Appointment), appointment.Id.ToString(), command.PatientId, appointment.Status.ToString());
            switch (appointment.Status)
            {
                case AppointmentStatus.Booked:
                    await messages.BookedAsync(appointment, cancellationToken);
                    break;
                case AppointmentStatus.PendingReview:
                    await messages.ReviewRequestedAsync(appointment, cancellationToken);
                    break;
                default:
                    // Note: the hot path (a plain hold) pushes without looking anything up: booker and doctor are known.
                    messages.Changed(appointment, accountId, doctor.AccountId);
                    break;
            }

            // Note: the commit after the handler is where a slot taken meanwhile shows (the unique index on the slot).
            unitOfWork.OnUniqueViolation(BookingRules.FromUniqueViolation);

            var row = new AppointmentRow(
                appointment,
                found.PatientName ?? string.Empty,
                new AppointmentDoctor(doctor.Id, doctor.FullName, doctor.Title, doctor.TitleEn),
                found.Department,
                found.DepartmentCode,
                found.Facility,
                null,
                null);
            return row.ToView(now, booking.Value, hospital.Value);
        }

        private async Task EnsureProofAsync(Guid fileId, Guid patientId, CancellationToken cancellationToken)
        {
            var ok = await db.Files.AnyAsync(f => f.Id == fileId && f.PatientId == patientId && f.Purpose == FollowUpProofs.Purpose, cancellationToken);
            if (!ok)
            {
                throw new NotFoundException("Proof", fileId);
            }
        }
    }
}
