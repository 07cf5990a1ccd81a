using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.UnitTests.FamilyDoctors;

public sealed class FollowUpPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Doctor = Guid.NewGuid();

    private static FollowUpPlan Plan(FollowUpTemplate? template = null, DateOnly? firstDue = null) =>
        FollowUpPlan.Start(template ?? FollowUpTemplates.HypertensionReview, Guid.NewGuid(), Guid.NewGuid(), Doctor, firstDue ?? Today, Today, Now);

    [Fact]
    public void A_plan_starts_with_one_task_due_on_the_chosen_day()
    {
        var plan = Plan(firstDue: Today.AddDays(7));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(Today.AddDays(7), task.DueOn);
        Assert.Equal(FollowUpTaskStatus.Due, task.Status);
        Assert.Equal("Hypertension: blood pressure review", task.TitleEn);
    }

    [Fact]
    public void The_first_task_cannot_be_due_in_the_past()
    {
        Assert.Equal("due_date_in_past", Assert.Throws<DomainRuleException>(() => Plan(firstDue: Today.AddDays(-1))).Code);
    }

    [Fact]
    public void Completing_a_task_schedules_the_next_one_an_interval_after_the_day_it_was_done()
    {
        // Started a while ago; its first task fell due three weeks before it was done.
        var plan = FollowUpPlan.Start(FollowUpTemplates.HypertensionReview, Guid.NewGuid(), Guid.NewGuid(), Doctor, Today.AddDays(-20), Today.AddDays(-30), Now.AddDays(-30));
        var late = plan.Tasks[0];
        Assert.True(late.IsOverdueOn(Today));

        var next = plan.CompleteTask(late.Id, Doctor, "BP 132/84, continue amlodipine", Today, Now);

        Assert.Equal(FollowUpTaskStatus.Completed, late.Status);
        Assert.Equal("BP 132/84, continue amlodipine", late.Note);
        Assert.Equal(new DateOnly(2027, 2, 28), next!.DueOn);
        Assert.Equal(2, plan.Tasks.Count);
    }

    [Fact]
    public void The_schedule_clamps_to_the_end_of_shorter_months()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), Plan(FollowUpTemplates.DiabetesReview).NextDueAfter(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2029, 2, 28), Plan(FollowUpTemplates.AnnualReview).NextDueAfter(new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void A_task_needs_a_note_and_cannot_be_completed_twice()
    {
        var plan = Plan();
        var task = plan.Tasks[0];

        Assert.Equal("note_required", Assert.Throws<DomainRuleException>(() => plan.CompleteTask(task.Id, Doctor, " ", Today, Now)).Code);
        plan.CompleteTask(task.Id, Doctor, "seen", Today, Now);
        Assert.Equal("task_not_open", Assert.Throws<DomainConflictException>(() => plan.CompleteTask(task.Id, Doctor, "again", Today, Now)).Code);
    }

    [Fact]
    public void A_booked_video_follow_up_is_not_overdue_and_is_completed_after_the_visit()
    {
        var plan = Plan(firstDue: Today);
        var task = plan.Tasks[0];
        var appointment = Guid.NewGuid();

        plan.LinkBooking(task.Id, appointment, Now.AddDays(3), Now);

        Assert.Equal(FollowUpTaskStatus.Booked, task.Status);
        Assert.Equal(appointment, task.AppointmentId);
        Assert.False(task.IsOverdueOn(Today.AddDays(10)));
        Assert.Equal("task_not_due", Assert.Throws<DomainConflictException>(() => plan.LinkBooking(task.Id, Guid.NewGuid(), Now, Now)).Code);
        Assert.NotNull(plan.CompleteTask(task.Id, Doctor, "video visit done", Today.AddDays(3), Now.AddDays(3)));
    }

    [Fact]
    public void Stopping_a_plan_cancels_its_open_task_and_schedules_nothing_more()
    {
        var plan = Plan();
        plan.Stop(Now);

        Assert.False(plan.IsActive);
        Assert.Equal(FollowUpTaskStatus.Cancelled, plan.Tasks[0].Status);
        Assert.Equal("plan_not_active", Assert.Throws<DomainConflictException>(() => plan.Stop(Now)).Code);
    }

    [Fact]
    public void Conditions_come_from_icd10_codes_the_panel_tracks()
    {
        Assert.Equal(ChronicConditions.Hypertension, ChronicConditions.FromIcd10("I10"));
        Assert.Equal(ChronicConditions.Diabetes, ChronicConditions.FromIcd10("E11.9"));
        Assert.Equal(ChronicConditions.Dyslipidaemia, ChronicConditions.FromIcd10("e78.5"));
        Assert.Equal(ChronicConditions.Stroke, ChronicConditions.FromIcd10("I63.9"));
        Assert.Null(ChronicConditions.FromIcd10("J45"));
        Assert.Null(ChronicConditions.FromIcd10("x"));
    }

    [Fact]
    public void A_care_profile_starts_at_medium_risk_with_a_chronic_condition_and_refuses_unknown_ones()
    {
        var profile = CareProfile.Create(Guid.NewGuid(), [ChronicConditions.Hypertension, ChronicConditions.Hypertension], Now);
        Assert.Equal(RiskLevel.Medium, profile.RiskLevel);
        Assert.Single(profile.Conditions);
        Assert.Equal(RiskLevel.Low, CareProfile.Create(Guid.NewGuid(), [], Now).RiskLevel);

        profile.Assess(RiskLevel.High, [ChronicConditions.Diabetes], Doctor, Now);
        Assert.Equal([ChronicConditions.Diabetes], profile.ConditionCodes);
        Assert.Equal("unknown_condition", Assert.Throws<DomainRuleException>(() => profile.Assess(RiskLevel.Low, ["flu"], Doctor, Now)).Code);
    }
}
