using InternetHospital.Domain.Common;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Domain.Referrals;

/// <summary>Up: a community centre sends a patient to a hospital department. Down: the hospital sends a recovering patient back to a family-doctor team.</summary>
public enum ReferralDirection
{
    Up = 1,
    Down = 2,
}

public enum ReferralUrgency
{
    Routine = 1,
    Urgent = 2,
}

public enum ReferralStatus
{
    Created = 1,
    Accepted = 2,
    AppointmentProposed = 3,
    Booked = 4,
    Declined = 5,
    Cancelled = 6,
    Completed = 7,
}

/// <summary>What an up-referral carries. Imaging studies (issue 16) join as a third kind when they land.</summary>
public enum ReferralAttachmentKind
{
    LabReport = 1,
    File = 2,
    Imaging = 3,
}

/// <summary>
/// A two-way referral (双向转诊) between institutions of the consortium. Every move is a method here, guarded by
/// <see cref="Transitions"/> (anything else is a 409 <c>referral_wrong_state</c>), and leaves an entry in the timeline.
/// An up-referral goes Created → Accepted → AppointmentProposed → Booked → Completed; a down-referral Created →
/// Accepted (its follow-up tasks land in the team's plans) → Completed. Either may be declined or cancelled while open.
/// </summary>
public sealed class Referral
{
    public const int MaxReasonLength = 1000;
    public const int MaxQuestionLength = 2000;
    public const int MaxAttachments = 20;
    public const int MaxMedicines = 20;
    public const int MaxTasks = 10;

    public static readonly IReadOnlyDictionary<ReferralStatus, ReferralStatus[]> Transitions = new Dictionary<ReferralStatus, ReferralStatus[]>
    {
        [ReferralStatus.Created] = [ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Cancelled],
        [ReferralStatus.Accepted] = [ReferralStatus.AppointmentProposed, ReferralStatus.Completed, ReferralStatus.Cancelled],

        // Note: the receiving doctor may propose another time while the patient has not booked.
        [ReferralStatus.AppointmentProposed] = [ReferralStatus.AppointmentProposed, ReferralStatus.Booked, ReferralStatus.Cancelled],
        [ReferralStatus.Booked] = [ReferralStatus.Completed, ReferralStatus.Cancelled],
        [ReferralStatus.Declined] = [],
        [ReferralStatus.Cancelled] = [],
        [ReferralStatus.Completed] = [],
    };

    private readonly List<ReferralEvent> events = [];
    private readonly List<ReferralAttachment> attachments = [];
    private readonly List<ReferralMedicine> medicines = [];
    private readonly List<ReferralTask> tasks = [];

    private Referral()
    {
        Reason = ClinicalQuestion = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public ReferralDirection Direction { get; private set; }
    public ReferralUrgency Urgency { get; private set; }
    public ReferralStatus Status { get; private set; }

    public Guid FromDoctorId { get; private set; }
    public Guid FromFacilityId { get; private set; }
    public Guid ToFacilityId { get; private set; }

    /// <summary>The receiving hospital department (up-referrals).</summary>
    public Guid? ToDepartmentId { get; private set; }

    /// <summary>The receiving family-doctor team (down-referrals).</summary>
    public Guid? ToTeamId { get; private set; }

    public string Reason { get; private set; }

    /// <summary>Up: what the referring doctor asks the specialist. Down: the care plan in words.</summary>
    public string ClinicalQuestion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? AcceptedByDoctorId { get; private set; }
    public Guid? ProposedSlotId { get; private set; }
    public Guid? AppointmentId { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>Optimistic concurrency: two doctors of the department cannot both accept.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ReferralEvent> Events => events;
    public IReadOnlyList<ReferralAttachment> Attachments => attachments;
    public IReadOnlyList<ReferralMedicine> Medicines => medicines;
    public IReadOnlyList<ReferralTask> Tasks => tasks;

    public bool IsOpen => Status is ReferralStatus.Created or ReferralStatus.Accepted or ReferralStatus.AppointmentProposed or ReferralStatus.Booked;

    public static Referral Up(NewUpReferral request, Guid actorAccountId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = request.Attachments.Distinct().ToList();
        if (items.Count > MaxAttachments)
        {
            throw new DomainRuleException("referral_too_many_items", "A referral carries at most 20 attachments.");
        }

        var referral = New(ReferralDirection.Up, request.PatientId, request.FromDoctorId, request.FromFacilityId, request.ToFacilityId, request.Urgency, request.Reason, request.ClinicalQuestion, now);
        referral.ToDepartmentId = request.ToDepartmentId;
        referral.attachments.AddRange(items.Select(a => new ReferralAttachment(referral.Id, a.Kind, a.ItemId)));
        referral.Record(ReferralStatus.Created, actorAccountId, null, now);
        return referral;
    }

    public static Referral Down(NewDownReferral request, Guid actorAccountId, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Medicines.Count > MaxMedicines || request.Tasks.Count > MaxTasks)
        {
            throw new DomainRuleException("referral_too_many_items", "A care plan carries at most 20 medicines and 10 follow-up tasks.");
        }

        if (request.Tasks.Any(t => t.DueOn < today))
        {
            throw new DomainRuleException("due_date_in_past", "A follow-up task cannot be due in the past.");
        }

        if (request.Tasks.Select(t => t.TemplateCode).Distinct(StringComparer.Ordinal).Count() != request.Tasks.Count)
        {
            throw new DomainRuleException("duplicate_items", "Each kind of follow-up appears once in a care plan.");
        }

        var referral = New(ReferralDirection.Down, request.PatientId, request.FromDoctorId, request.FromFacilityId, request.ToFacilityId, ReferralUrgency.Routine, request.Reason, request.CarePlan, now);
        referral.ToTeamId = request.ToTeamId;
        referral.medicines.AddRange(request.Medicines.Select(m => new ReferralMedicine(referral.Id, m.Line, m.Days)));
        referral.tasks.AddRange(request.Tasks.Select(t => new ReferralTask(referral.Id, t.TemplateCode, t.DueOn)));
        referral.Record(ReferralStatus.Created, actorAccountId, null, now);
        return referral;
    }

    /// <summary>The receiving side takes the patient on (a down-referral's tasks land in the team's plans at this point).</summary>
    public void Accept(Guid doctorId, Guid actorAccountId, DateTimeOffset now)
    {
        Move(ReferralStatus.Accepted);
        AcceptedByDoctorId = doctorId;
        Record(ReferralStatus.Accepted, actorAccountId, null, now);
    }

    /// <summary>Up-referrals: the receiving doctor offers the patient a reserved referral slot.</summary>
    public void ProposeAppointment(Guid slotId, Guid actorAccountId, DateTimeOffset now)
    {
        if (Direction != ReferralDirection.Up)
        {
            throw new DomainConflictException("referral_wrong_state", "Only a referral up to a hospital department proposes an appointment.");
        }

        Move(ReferralStatus.AppointmentProposed);
        ProposedSlotId = slotId;
        Record(ReferralStatus.AppointmentProposed, actorAccountId, null, now);
    }

    public void Decline(string reason, Guid doctorId, Guid actorAccountId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("referral_reason_required", "Say why the referral is declined.");
        }

        Move(ReferralStatus.Declined);
        AcceptedByDoctorId = doctorId;
        DeclineReason = reason.Trim();
        Record(ReferralStatus.Declined, actorAccountId, DeclineReason, now);
    }

    /// <summary>The patient booked the proposed (or another reserved) slot through the referral.</summary>
    public void Book(Guid appointmentId, Guid actorAccountId, DateTimeOffset now)
    {
        Move(ReferralStatus.Booked);
        AppointmentId = appointmentId;
        Record(ReferralStatus.Booked, actorAccountId, null, now);
    }

    /// <summary>The sending doctor withdraws it while it is open.</summary>
    public void Cancel(string? reason, Guid actorAccountId, DateTimeOffset now)
    {
        Move(ReferralStatus.Cancelled);
        Record(ReferralStatus.Cancelled, actorAccountId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
    }

    /// <summary>The receiving side closes it: the patient was seen (up) or taken into the team's care (down).</summary>
    public void Complete(Guid actorAccountId, DateTimeOffset now)
    {
        if (Direction == ReferralDirection.Up && Status != ReferralStatus.Booked)
        {
            throw new DomainConflictException("referral_wrong_state", "An up-referral is completed after the patient booked.");
        }

        Move(ReferralStatus.Completed);
        Record(ReferralStatus.Completed, actorAccountId, null, now);
    }

    private static Referral New(ReferralDirection direction, Guid patientId, Guid fromDoctorId, Guid fromFacilityId, Guid toFacilityId, ReferralUrgency urgency, string reason, string question, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("referral_reason_required", "A referral needs a reason.");
        }

        if (fromFacilityId == toFacilityId)
        {
            throw new DomainRuleException("referral_same_institution", "A referral goes to another institution of the consortium.");
        }

        return new Referral
        {
            Id = NewId.Next(),
            PatientId = patientId,
            Direction = direction,
            Urgency = urgency,
            Status = ReferralStatus.Created,
            FromDoctorId = fromDoctorId,
            FromFacilityId = fromFacilityId,
            ToFacilityId = toFacilityId,
            Reason = reason.Trim(),
            ClinicalQuestion = question.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private void Move(ReferralStatus to)
    {
        if (!Transitions[Status].Contains(to))
        {
            throw new DomainConflictException("referral_wrong_state", $"A referral that is {Status} cannot become {to}.");
        }

        Status = to;
        Version++;
    }

    private void Record(ReferralStatus status, Guid actorAccountId, string? note, DateTimeOffset now)
    {
        UpdatedAt = now;
        events.Add(new ReferralEvent(Id, events.Count + 1, status, actorAccountId, note, now));
    }
}

public sealed record NewUpReferral(
    Guid PatientId,
    Guid FromDoctorId,
    Guid FromFacilityId,
    Guid ToFacilityId,
    Guid ToDepartmentId,
    ReferralUrgency Urgency,
    string Reason,
    string ClinicalQuestion,
    IReadOnlyList<AttachmentRef> Attachments);

public sealed record AttachmentRef(ReferralAttachmentKind Kind, Guid ItemId);

public sealed record NewDownReferral(
    Guid PatientId,
    Guid FromDoctorId,
    Guid FromFacilityId,
    Guid ToFacilityId,
    Guid ToTeamId,
    string Reason,
    string CarePlan,
    IReadOnlyList<CarePlanMedicine> Medicines,
    IReadOnlyList<CarePlanTask> Tasks);

public sealed record CarePlanMedicine(DrugLine Line, int Days);

public sealed record CarePlanTask(string TemplateCode, DateOnly DueOn);

/// <summary>One step of the timeline: what happened, who did it, when.</summary>
public sealed class ReferralEvent
{
    private ReferralEvent()
    {
    }

    internal ReferralEvent(Guid referralId, int sequence, ReferralStatus status, Guid actorAccountId, string? note, DateTimeOffset at)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        Sequence = sequence;
        Status = status;
        ActorAccountId = actorAccountId;
        Note = note;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public int Sequence { get; private set; }
    public ReferralStatus Status { get; private set; }
    public Guid ActorAccountId { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public sealed class ReferralAttachment
{
    private ReferralAttachment()
    {
    }

    internal ReferralAttachment(Guid referralId, ReferralAttachmentKind kind, Guid itemId)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        Kind = kind;
        ItemId = itemId;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public ReferralAttachmentKind Kind { get; private set; }

    /// <summary>The lab report's, file's or (later) imaging study's id.</summary>
    public Guid ItemId { get; private set; }
}

/// <summary>A medicine of a down-referral's care plan, as prescribed, and for how many days.</summary>
public sealed class ReferralMedicine
{
    private ReferralMedicine()
    {
        Line = DrugLine.Empty;
    }

    internal ReferralMedicine(Guid referralId, DrugLine line, int days)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        Line = line;
        Days = days;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public DrugLine Line { get; private set; }
    public int Days { get; private set; }
}

/// <summary>A follow-up of a down-referral's care plan; on acceptance it starts the team's follow-up plan of that kind.</summary>
public sealed class ReferralTask
{
    private ReferralTask()
    {
        TemplateCode = string.Empty;
    }

    internal ReferralTask(Guid referralId, string templateCode, DateOnly dueOn)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        TemplateCode = templateCode;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public string TemplateCode { get; private set; }
    public DateOnly DueOn { get; private set; }

    /// <summary>The follow-up plan it started (or joined, when one of its kind already ran).</summary>
    public Guid? FollowUpPlanId { get; private set; }

    public void LandIn(Guid planId) => FollowUpPlanId = planId;
}
