using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The follow-up plan templates a team can start.</summary>
public sealed record ListFollowUpTemplates : IQuery<IReadOnlyList<FollowUpTemplateView>>
{
    public sealed class Handler : IQueryHandler<ListFollowUpTemplates, IReadOnlyList<FollowUpTemplateView>>
    {
        public ValueTask<IReadOnlyList<FollowUpTemplateView>> Handle(ListFollowUpTemplates query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<FollowUpTemplateView>>(FollowUpTemplates.All.Select(FollowUpTemplateView.From).ToList());
    }
}

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

/// <summary>A member of the team stops a plan; its open task is cancelled.</summary>
public sealed record StopFollowUpPlan(Guid PlanId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<StopFollowUpPlan>
    {
        public async ValueTask<Unit> Handle(StopFollowUpPlan command, CancellationToken cancellationToken)
        {
            var plan = await FollowUpLoading.PlanAsync(db, access, command.PlanId, cancellationToken);
            plan.Stop(clock.GetUtcNow());
            audit.Record("family.follow_up.stopped", nameof(FollowUpPlan), plan.Id.ToString(), plan.PatientId);
            return Unit.Value;
        }
    }
}

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
            var plan = await FollowUpLoading.PlanAsync(db, access, planId, cancellationToken);
            var doctor = await access.CurrentDoctorAsync(cancellationToken);
            var today = access.Today();
            plan.CompleteTask(command.TaskId, doctor.Id, command.Note, today, clock.GetUtcNow());
            audit.Record("family.follow_up.completed", nameof(FollowUpTask), command.TaskId.ToString(), plan.PatientId);
            return FollowUpViews.From(plan, today);
        }
    }
}

internal static class FollowUpLoading
{
    /// <summary>A plan of a patient the signed-in doctor's team looks after now; 404 for anyone else.</summary>
    public static async Task<FollowUpPlan> PlanAsync(IAppDbContext db, IFamilyAccess access, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.FollowUpPlans.Include(p => p.Tasks).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException("Follow-up plan", planId);
        try
        {
            await access.RequireCaringDoctorAsync(plan.PatientId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Follow-up plan", planId);
        }

        return plan;
    }
}
