using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

public sealed record FollowUpTemplateView(string Code, string Title, string TitleEn, int IntervalMonths, string? ConditionCode)
{
    public static FollowUpTemplateView From(FollowUpTemplate t) => new(t.Code, t.Title, t.TitleEn, t.IntervalMonths, t.ConditionCode);
}

public sealed record FollowUpPlanView(
    Guid Id,
    string TemplateCode,
    string Title,
    string TitleEn,
    int IntervalMonths,
    DateTimeOffset StartedAt,
    DateTimeOffset? StoppedAt,
    IReadOnlyList<FollowUpTaskView> Tasks);

public sealed record FollowUpTaskView(
    Guid Id,
    Guid PlanId,
    string Title,
    string TitleEn,
    DateOnly DueOn,
    FollowUpTaskStatus Status,
    bool Overdue,
    DateTimeOffset? CompletedAt,
    string? Note,
    Guid? AppointmentId,
    DateTimeOffset? AppointmentStartsAt);

internal static class FollowUpViews
{
    public static async Task<IReadOnlyList<FollowUpPlanView>> ForPatientAsync(IAppDbContext db, Guid patientId, DateOnly today, CancellationToken cancellationToken)
    {
        var plans = await db.FollowUpPlans.AsNoTracking().Include(p => p.Tasks)
            .Where(p => p.PatientId == patientId)
            .ToListAsync(cancellationToken);
        return plans
            .OrderBy(p => p.StoppedAt is not null)
            .ThenByDescending(p => p.StartedAt)
            .Select(p => From(p, today))
            .ToList();
    }

    public static FollowUpPlanView From(FollowUpPlan plan, DateOnly today) => new(
        plan.Id,
        plan.TemplateCode,
        plan.Title,
        plan.TitleEn,
        plan.IntervalMonths,
        plan.StartedAt,
        plan.StoppedAt,
        plan.Tasks
            .OrderByDescending(t => t.IsOpen)
            .ThenByDescending(t => t.DueOn)
            .Select(t => new FollowUpTaskView(t.Id, t.PlanId, t.Title, t.TitleEn, t.DueOn, t.Status, t.IsOverdueOn(today), t.CompletedAt, t.Note, t.AppointmentId, t.AppointmentStartsAt))
            .ToList());
}
