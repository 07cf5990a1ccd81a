using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A member of the patient's team starts a follow-up plan from a template; its first task falls due on the day chosen.</summary>
public sealed record StartFollowUpPlan(Guid PatientId, string TemplateCode, DateOnly? FirstDueOn) : ICommand<FollowUpPlanView>
{
    public sealed class Validator : AbstractValidator<StartFollowUpPlan>
    {
        public Validator() => RuleFor(x => x.TemplateCode).NotEmpty().Must(code => FollowUpTemplates.Find(code) is not null).WithLocalizedMessage("unknown_follow_up_template");
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<StartFollowUpPlan, FollowUpPlanView>
    {
        public async ValueTask<FollowUpPlanView> Handle(StartFollowUpPlan command, CancellationToken cancellationToken)
        {
            var (doctor, contract) = await access.RequireCaringDoctorAsync(command.PatientId, cancellationToken);
            var template = FollowUpTemplates.Find(command.TemplateCode)!;
            if (await db.FollowUpPlans.AnyAsync(p => p.PatientId == command.PatientId && p.TemplateCode == template.Code && p.StoppedAt == null, cancellationToken))
            {
                throw new DomainConflictException("plan_already_active", "This follow-up plan is already running for the patient.");
            }

            var today = access.Today();
            var plan = FollowUpPlan.Start(template, command.PatientId, contract.Id, doctor.Id, command.FirstDueOn ?? today.AddMonths(template.IntervalMonths), today, clock.GetUtcNow());
            db.FollowUpPlans.Add(plan);
            audit.Record("family.follow_up.started", nameof(FollowUpPlan), plan.Id.ToString(), command.PatientId, template.Code);
            return FollowUpViews.From(plan, today);
        }
    }
}
