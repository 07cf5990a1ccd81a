using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A member of the team completes a follow-up task with a short note; the plan schedules the next one.</summary>
public sealed record CompleteFollowUpTask(Guid TaskId, string Note) : ICommand<FollowUpPlanView>
{
    public sealed class Validator : AbstractValidator<CompleteFollowUpTask>
    {
        public Validator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(FollowUpPlan.MaxNoteLength);
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<CompleteFollowUpTask, FollowUpPlanView>
    {
        public async ValueTask<FollowUpPlanView> Handle(CompleteFollowUpTask command, CancellationToken cancellationToken)
        {
            var planId = await db.FollowUpTasks.Where(t => t.Id == command.TaskId).Select(t => (Guid?)t.PlanId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Follow-up task", command.TaskId);
            var plan = await FamilyRows.PlanForCaringDoctorAsync(db, access, planId, cancellationToken);
            var doctor = await access.CurrentDoctorAsync(cancellationToken);
            var today = access.Today();
            plan.CompleteTask(command.TaskId, doctor.Id, command.Note, today, clock.GetUtcNow());
            audit.Record("family.follow_up.completed", nameof(FollowUpTask), command.TaskId.ToString(), plan.PatientId);
            return FollowUpViews.From(plan, today);
        }
    }
}
