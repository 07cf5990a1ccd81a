using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Domain.Scheduling;

/// <summary>
/// A doctor's weekly timetable: sessions (a weekday, local start and end, slot length, visit types) from which
/// bookable <see cref="Slot"/>s are generated some weeks ahead. Times are the hospital's wall-clock times; slots
/// store UTC. Changing the template regenerates future free slots and never touches booked ones.
/// </summary>
public sealed class ScheduleTemplate
{
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 240;

    private readonly List<ScheduleSession> sessions = [];

    private ScheduleTemplate()
    {
    }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two admins editing the same timetable cannot both win silently.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ScheduleSession> Sessions => sessions;

    public static ScheduleTemplate Create(Guid doctorId, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        DoctorId = doctorId,
        UpdatedAt = now,
    };

    /// <summary>
    /// Replaces the weekly sessions. Sessions of one weekday must not overlap; video sessions need a doctor who may
    /// practise online (domain rule 5).
    /// </summary>
    public void ReplaceSessions(IReadOnlyList<SessionSpec> specs, bool doctorMaySeeOnVideo, DateTimeOffset now)
    {
        foreach (var spec in specs)
        {
            if (spec.End <= spec.Start)
            {
                throw new DomainRuleException("session_ends_before_it_starts", "A session must end after it starts.");
            }

            if (spec.SlotMinutes is < MinSlotMinutes or > MaxSlotMinutes)
            {
                throw new DomainRuleException("invalid_slot_length", $"Slots last {MinSlotMinutes} to {MaxSlotMinutes} minutes.");
            }

            if ((spec.End - spec.Start).TotalMinutes < spec.SlotMinutes)
            {
                throw new DomainRuleException("session_shorter_than_a_slot", "A session must hold at least one slot.");
            }

            if (!spec.InPerson && !spec.Video)
            {
                throw new DomainRuleException("session_without_visit_type", "A session offers in-person visits, video visits or both.");
            }

            if (spec.Video && !doctorMaySeeOnVideo)
            {
                throw new DomainRuleException(
                    "doctor_not_eligible_for_video",
                    "This doctor may not be scheduled for video visits (licence, three years of practice, or video switched off).");
            }
        }

        foreach (var day in specs.GroupBy(s => s.Day))
        {
            var ordered = day.OrderBy(s => s.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Start < ordered[i - 1].End)
                {
                    throw new DomainRuleException("sessions_overlap", $"Two sessions on {day.Key} overlap.");
                }
            }
        }

        sessions.Clear();
        sessions.AddRange(specs.Select(s => new ScheduleSession(NewId.Next(), Id, s)));
        UpdatedAt = now;
        Version++;
    }

    public IEnumerable<SessionPlan> Plans() =>
        sessions.Select(s => new SessionPlan(s.Id, s.Day, s.Start, s.End, s.SlotMinutes, s.InPerson, s.Video));
}

/// <summary>One weekly session of a template.</summary>
public sealed class ScheduleSession
{
    private ScheduleSession()
    {
    }

    internal ScheduleSession(Guid id, Guid templateId, SessionSpec spec)
    {
        Id = id;
        TemplateId = templateId;
        Day = spec.Day;
        Start = spec.Start;
        End = spec.End;
        SlotMinutes = spec.SlotMinutes;
        InPerson = spec.InPerson;
        Video = spec.Video;
    }

    public Guid Id { get; private set; }
    public Guid TemplateId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public int SlotMinutes { get; private set; }
    public bool InPerson { get; private set; }
    public bool Video { get; private set; }
}

/// <summary>What an admin asks for: a weekday session in the hospital's local time.</summary>
public sealed record SessionSpec(DayOfWeek Day, TimeOnly Start, TimeOnly End, int SlotMinutes, bool InPerson, bool Video);

/// <summary>A session as the slot generator reads it.</summary>
public sealed record SessionPlan(Guid SessionId, DayOfWeek Day, TimeOnly Start, TimeOnly End, int SlotMinutes, bool InPerson, bool Video)
{
    public bool Offers(VisitType visitType) => visitType == VisitType.Video ? Video : InPerson;
}
