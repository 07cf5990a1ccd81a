using InternetHospital.Application.Appointments;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Waitlist;

/// <summary>
/// A patient joins a doctor's waitlist for a day that has no free time left. Video waitlists need the same
/// follow-up basis as booking (uploaded proof cannot wait: it needs a slot to be reviewed for).
/// </summary>
public sealed record JoinWaitlist(Guid PatientId, Guid DoctorId, DateOnly Date, VisitType VisitType) : ICommand<WaitlistView>
{
    public sealed class Validator : AbstractValidator<JoinWaitlist>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.DoctorId).NotEmpty();
            RuleFor(x => x.VisitType).IsInEnum();
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        IFollowUpPolicy followUp,
        IAuditLog audit,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<JoinWaitlist, WaitlistView>
    {
        public async ValueTask<WaitlistView> Handle(JoinWaitlist command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var doctor = await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DoctorId, cancellationToken)
                ?? throw new NotFoundException("Doctor", command.DoctorId);
            var now = clock.GetUtcNow();
            var today = SlotClock.Today(clock, hospital.Value);
            if (command.VisitType == VisitType.Video)
            {
                var decision = await followUp.EvaluateForVideoAsync(command.PatientId, doctor, cancellationToken);
                if (!decision.Allowed)
                {
                    throw new DomainRuleException("follow_up_required", "Video visits are only for follow-up of a condition diagnosed in person.");
                }
            }

            var anyFree = await FreeSlotsOf(command, now).AnyAsync(cancellationToken);
            if (anyFree)
            {
                throw new DomainConflictException("slots_available", "This day still has free times: book one instead.");
            }

            var entry = WaitlistEntry.Join(command.PatientId, currentUser.RequireAccountId(), doctor.Id, command.Date, command.VisitType, today, now);
            db.WaitlistEntries.Add(entry);
            audit.Record("waitlist.joined", nameof(WaitlistEntry), entry.Id.ToString(), command.PatientId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException)
            {
                throw new DomainConflictException("already_waiting", "You are already on this doctor's waitlist for that day.");
            }

            return (await WaitlistView.QueryAsync(db, db.WaitlistEntries.Where(w => w.Id == entry.Id), hospital.Value, cancellationToken)).Single();
        }

        private IQueryable<Domain.Scheduling.Slot> FreeSlotsOf(JoinWaitlist command, DateTimeOffset now)
        {
            var slots = db.Slots.Where(s => s.DoctorId == command.DoctorId && s.LocalDate == command.Date && s.Status == Domain.Scheduling.SlotStatus.Open && s.Start > now
                && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id));
            return command.VisitType == VisitType.Video ? slots.Where(s => s.OffersVideo) : slots.Where(s => s.OffersInPerson);
        }
    }
}
