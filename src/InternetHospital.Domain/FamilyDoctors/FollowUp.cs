using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.FamilyDoctors;

/// <summary>A kind of follow-up plan: what is reviewed and how often (e.g. blood pressure every 3 months).</summary>
public sealed record FollowUpTemplate(string Code, string Title, string TitleEn, int IntervalMonths, string? ConditionCode);

/// <summary>The follow-up plans a team can start, after the national basic public health service schedules.</summary>
public static class FollowUpTemplates
{
    public static readonly FollowUpTemplate HypertensionReview = new("hypertension-bp-review", "高血压随访：血压复查", "Hypertension: blood pressure review", 3, ChronicConditions.Hypertension);
    public static readonly FollowUpTemplate DiabetesReview = new("diabetes-hba1c-review", "糖尿病随访：糖化血红蛋白复查", "Diabetes: HbA1c review", 3, ChronicConditions.Diabetes);
    public static readonly FollowUpTemplate ElderlyCheck = new("elderly-annual-check", "老年人年度健康体检", "Annual health check for older people", 12, null);
    public static readonly FollowUpTemplate AnnualReview = new("annual-review", "年度健康评估", "Annual health review", 12, null);

    public static IReadOnlyList<FollowUpTemplate> All { get; } = [HypertensionReview, DiabetesReview, ElderlyCheck, AnnualReview];

    public static FollowUpTemplate? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}

public enum FollowUpTaskStatus
{
    Due = 1,
    Completed = 2,

    /// <summary>A video follow-up visit was booked for it; the doctor completes the task after the visit.</summary>
    Booked = 3,

    Cancelled = 4,
}

/// <summary>
/// A patient's follow-up plan from a template. It always has exactly one open task while it runs: completing a task
/// schedules the next one an interval after the day it was done (a review done late does not make the next one
/// due early). Stopping the plan cancels its open task.
/// </summary>
public sealed class FollowUpPlan
{
    public const int MaxNoteLength = 1000;

    private readonly List<FollowUpTask> tasks = [];

    private FollowUpPlan()
    {
        TemplateCode = Title = TitleEn = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ContractId { get; private set; }
    public string TemplateCode { get; private set; }
    public string Title { get; private set; }
    public string TitleEn { get; private set; }
    public int IntervalMonths { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The doctor who started it; null when it started with the contract's package.</summary>
    public Guid? StartedByDoctorId { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    public IReadOnlyList<FollowUpTask> Tasks => tasks;

    public bool IsActive => StoppedAt is null;

    public static FollowUpPlan Start(FollowUpTemplate template, Guid patientId, Guid contractId, Guid? doctorId, DateOnly firstDueOn, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (firstDueOn < today)
        {
            throw new DomainRuleException("due_date_in_past", "The first follow-up cannot be due in the past.");
        }

        var plan = new FollowUpPlan
        {
            Id = NewId.Next(),
            PatientId = patientId,
            ContractId = contractId,
            TemplateCode = template.Code,
            Title = template.Title,
            TitleEn = template.TitleEn,
            IntervalMonths = template.IntervalMonths,
            StartedAt = now,
            StartedByDoctorId = doctorId,
        };
        plan.tasks.Add(FollowUpTask.Create(plan, firstDueOn));
        return plan;
    }

    /// <summary>The day the next task falls due when one is done today.</summary>
    public DateOnly NextDueAfter(DateOnly doneOn) => doneOn.AddMonths(IntervalMonths);

    /// <summary>Completes a due or booked task with a note and, while the plan runs, schedules the next one.</summary>
    public FollowUpTask? CompleteTask(Guid taskId, Guid doctorId, string note, DateOnly today, DateTimeOffset now)
    {
        var task = Find(taskId);
        task.Complete(doctorId, note, now);
        if (!IsActive)
        {
            return null;
        }

        var next = FollowUpTask.Create(this, NextDueAfter(today));
        tasks.Add(next);
        return next;
    }

    /// <summary>The seam to booking: a video follow-up was booked for this task.</summary>
    public void LinkBooking(Guid taskId, Guid appointmentId, DateTimeOffset appointmentStartsAt, DateTimeOffset now) =>
        Find(taskId).LinkBooking(appointmentId, appointmentStartsAt, now);

    public void Stop(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainConflictException("plan_not_active", "The follow-up plan has already stopped.");
        }

        StoppedAt = now;
        foreach (var task in tasks.Where(t => t.IsOpen))
        {
            task.Cancel(now);
        }
    }

    private FollowUpTask Find(Guid taskId) =>
        tasks.SingleOrDefault(t => t.Id == taskId) ?? throw new ArgumentException("The task is not part of this plan.", nameof(taskId));
}

public sealed class FollowUpTask
{
    private FollowUpTask()
    {
        Title = TitleEn = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid PatientId { get; private set; }
    public string Title { get; private set; }
    public string TitleEn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public FollowUpTaskStatus Status { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public Guid? CompletedByDoctorId { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The booked video follow-up visit (the booking feature's appointment id).</summary>
    public Guid? AppointmentId { get; private set; }

    public DateTimeOffset? AppointmentStartsAt { get; private set; }
    public DateTimeOffset? BookedAt { get; private set; }

    public bool IsOpen => Status is FollowUpTaskStatus.Due or FollowUpTaskStatus.Booked;

    /// <summary>Overdue: still due (nothing booked) after its day has passed in the hospital's time zone.</summary>
    public bool IsOverdueOn(DateOnly today) => Status == FollowUpTaskStatus.Due && DueOn < today;

    internal static FollowUpTask Create(FollowUpPlan plan, DateOnly dueOn) => new()
    {
        Id = NewId.Next(),
        PlanId = plan.Id,
        PatientId = plan.PatientId,
        Title = plan.Title,
        TitleEn = plan.TitleEn,
        DueOn = dueOn,
        Status = FollowUpTaskStatus.Due,
    };

    internal void Complete(Guid doctorId, string note, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainConflictException("task_not_open", "This follow-up task is already closed.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("note_required", "Completing a follow-up needs a short note.");
        }

        var trimmed = note.Trim();
        Status = FollowUpTaskStatus.Completed;
        CompletedAt = now;
        CompletedByDoctorId = doctorId;
        Note = trimmed.Length > FollowUpPlan.MaxNoteLength ? trimmed[..FollowUpPlan.MaxNoteLength] : trimmed;
    }

    internal void LinkBooking(Guid appointmentId, DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (Status != FollowUpTaskStatus.Due)
        {
            throw new DomainConflictException("task_not_due", "Only a due follow-up task can be booked.");
        }

        Status = FollowUpTaskStatus.Booked;
        AppointmentId = appointmentId;
        AppointmentStartsAt = startsAt;
        BookedAt = now;
    }

    internal void Cancel(DateTimeOffset now)
    {
        Status = FollowUpTaskStatus.Cancelled;
        CompletedAt = now;
    }
}
