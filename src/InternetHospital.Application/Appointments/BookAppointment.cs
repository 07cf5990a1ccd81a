using InternetHospital.Application.Common.Telemetry;
using InternetHospital.Application.Doctors;
using InternetHospital.Application.Payments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;

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
        Lazy<IFollowUpPolicy> followUp,
        Lazy<AppointmentMessages> messages,
        ILiveUpdates live,
        IAfterCommit afterCommit,
        AppMetrics metrics,
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
            // whatever the slot): it also evaluates scopes, end dates and age bands, which a bare look-up cannot.
            var acting = await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            if (acting.GuardianMustAttend && !command.GuardianPresent)
            {
                throw new DomainRuleException("guardian_presence_required", "A child this young is seen online only with a guardian present; confirm that you will attend.");
            }

            // Note: one round trip reads the slot with its doctor, department and facility, whether it is taken, and
            // the patient's limits against this slot (BookingRules' three counts as correlated subqueries).
            var patientId = command.PatientId;
            var upcoming = Appointment.UpcomingStates;
            var holdStates = Appointment.HoldStates;
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
                    PatientName = db.Patients.Where(p => p.Id == patientId).Select(p => p.FullName).FirstOrDefault(),
                    Taken = db.Appointments.Any(a => a.OccupiedSlotId == s.Id),
                    Overlapping = db.Appointments.Any(a => a.PatientId == patientId && upcoming.Contains(a.Status) && a.Start < s.End && s.Start < a.End),
                    SameDoctorSameDay = db.Appointments.Any(a => a.PatientId == patientId && upcoming.Contains(a.Status) && a.DoctorId == s.DoctorId && a.LocalDate == s.LocalDate),
                    Holds = db.Appointments.Count(a => a.PatientId == patientId && holdStates.Contains(a.Status)),
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
                var decision = await followUp.Value.EvaluateForVideoAsync(command.PatientId, doctor, cancellationToken);
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

            if (BookingRules.Evaluate(found.Overlapping ? 1 : 0, found.SameDoctorSameDay ? 1 : 0, found.Holds, isNewHold: true, booking.Value.MaxActiveHolds) is { } violation)
            {
                throw BookingRules.Problem(violation);
            }

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
                    await messages.Value.BookedAsync(appointment, cancellationToken);
                    break;
                case AppointmentStatus.PendingReview:
                    await messages.Value.ReviewRequestedAsync(appointment, cancellationToken);
                    break;
                default:
                    // Note: the hot path (a plain hold) pushes without looking anything up: booker and doctor are known,
                    // and without constructing AppointmentMessages at all (see Push).
                    AppointmentMessages.Push(live, afterCommit, appointment, accountId, doctor.AccountId);
                    break;
            }

            // Note: counted after the commit: a booking that loses the race for the slot is not one.
            afterCommit.Enqueue(_ =>
            {
                metrics.BookingCreated();
                return Task.CompletedTask;
            });

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
