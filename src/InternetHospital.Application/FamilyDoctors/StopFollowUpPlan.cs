using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A member of the team stops a plan; its open task is cancelled.</summary>
public sealed record StopFollowUpPlan(Guid PlanId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<StopFollowUpPlan>
    {
        public async ValueTask<Unit> Handle(StopFollowUpPlan command, CancellationToken cancellationToken)
        {
            var plan = await FamilyRows.PlanForCaringDoctorAsync(db, access, command.PlanId, cancellationToken);
            plan.Stop(clock.GetUtcNow());
            audit.Record("family.follow_up.stopped", nameof(FollowUpPlan), plan.Id.ToString(), plan.PatientId);
            return Unit.Value;
        }
    }
}
