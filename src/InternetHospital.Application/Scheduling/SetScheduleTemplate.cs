using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

/// <summary>
/// Replaces a doctor's weekly timetable (admin) and regenerates the coming weeks' slots at once. Booked slots are
/// never touched; free slots that no longer fit are retired. Video sessions need a doctor eligible for online practice.
/// </summary>
public sealed record SetScheduleTemplate(Guid DoctorId, IReadOnlyList<SessionSpec> Sessions) : ICommand<ScheduleChange>
{
    public sealed class Validator : AbstractValidator<SetScheduleTemplate>
    {
        public Validator()
        {
            RuleFor(x => x.Sessions).NotNull();
            RuleFor(x => x.Sessions.Count).LessThanOrEqualTo(50).When(x => x.Sessions is not null);
            RuleForEach(x => x.Sessions).NotNull().ChildRules(session =>
            {
                session.RuleFor(s => s.Day).IsInEnum();
                session.RuleFor(s => s.SlotMinutes).InclusiveBetween(ScheduleTemplate.MinSlotMinutes, ScheduleTemplate.MaxSlotMinutes);
                session.RuleFor(s => s.End).GreaterThan(s => s.Start).WithLocalizedMessage("session_ends_before_start");
            });
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, SlotPlanner planner, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock)
        : ICommandHandler<SetScheduleTemplate, ScheduleChange>
    {
        public async ValueTask<ScheduleChange> Handle(SetScheduleTemplate command, CancellationToken cancellationToken)
        {
            await scope.EnsureDoctorAsync(command.DoctorId, cancellationToken);
            var doctor = await db.Doctors.SingleOrDefaultAsync(d => d.Id == command.DoctorId, cancellationToken)
                ?? throw new NotFoundException("Doctor", command.DoctorId);
            var now = clock.GetUtcNow();
            var template = await db.ScheduleTemplates.Include(t => t.Sessions).SingleOrDefaultAsync(t => t.DoctorId == doctor.Id, cancellationToken);
            if (template is null)
            {
                template = ScheduleTemplate.Create(doctor.Id, now);
                db.ScheduleTemplates.Add(template);
            }

            template.ReplaceSessions(command.Sessions, doctor.CanSeeOnVideo(SlotClock.Today(clock, hospital.Value)), now);
            var result = await planner.PlanAsync(doctor, template, cancellationToken);
            audit.Record("schedule.template_changed", nameof(ScheduleTemplate), template.Id.ToString(), null, $"{command.Sessions.Count} sessions");
            return new ScheduleChange(ScheduleTemplateView.From(doctor.Id, template, hospital.Value.TimeZone), result);
        }
    }
}

public sealed record ScheduleChange(ScheduleTemplateView Template, SlotPlanResult Slots);
