using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Domain.Scheduling;

public enum SlotStatus
{
    /// <summary>Offered to patients (booked or not: an appointment occupies it, see <c>Appointment.OccupiedSlotId</c>).</summary>
    Open = 1,

    /// <summary>The doctor blocked the time (leave, a meeting); free again when the block is lifted.</summary>
    Blocked = 2,

    /// <summary>The session was cancelled (illness, emergency); never offered again.</summary>
    Cancelled = 3,

    /// <summary>No longer in the doctor's timetable (the template changed).</summary>
    Retired = 4,
}

/// <summary>
/// A bookable piece of a doctor's time, in UTC. Whether it is taken is decided by the database: an active
/// appointment holds the slot's id in a unique column, so two bookings of one slot cannot both be saved.
/// </summary>
public sealed class Slot
{
    private Slot()
    {
    }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }

    /// <summary>The day in the hospital's time zone (for "one visit per doctor per day" and calendars).</summary>
    public DateOnly LocalDate { get; private set; }

    public bool OffersInPerson { get; private set; }
    public bool OffersVideo { get; private set; }
    public SlotStatus Status { get; private set; }

    /// <summary>The template session it came from (null for slots added by hand).</summary>
    public Guid? SessionId { get; private set; }

    public Guid? BlockedPeriodId { get; private set; }
    public string? CancellationReason { get; private set; }

    /// <summary>
    /// Set while the slot is one of its department's reserved referral slots: until then only a referral books it
    /// (public slot lists do not show it); after it, anyone may.
    /// </summary>
    public DateTimeOffset? ReferralHoldUntil { get; private set; }

    public int Version { get; private set; }

    public TimeSpan Length => End - Start;

    public static Slot Create(Guid doctorId, Guid departmentId, PlannedSlot plan) => new()
    {
        Id = NewId.Next(),
        DoctorId = doctorId,
        DepartmentId = departmentId,
        Start = plan.Start,
        End = plan.End,
        LocalDate = plan.LocalDate,
        OffersInPerson = plan.InPerson,
        OffersVideo = plan.Video,
        SessionId = plan.SessionId,
        Status = SlotStatus.Open,
    };

    public bool Offers(VisitType visitType) => visitType == VisitType.Video ? OffersVideo : OffersInPerson;

    /// <summary>Whether a patient may take it now (free-ness is the appointment's unique slot column's business).</summary>
    public void EnsureBookable(VisitType visitType, DateTimeOffset now, bool throughReferral = false)
    {
        if (Status != SlotStatus.Open || (!throughReferral && IsHeldForReferrals(now)))
        {
            throw new DomainConflictException("slot_not_available", "This time is no longer offered.");
        }

        if (Start <= now)
        {
            throw new DomainRuleException("slot_in_the_past", "This time has already begun.");
        }

        if (!Offers(visitType))
        {
            throw new DomainRuleException("visit_type_not_offered", $"This time is not offered for {visitType} visits.");
        }
    }

    public bool IsHeldForReferrals(DateTimeOffset now) => ReferralHoldUntil > now;

    /// <summary>Holds the slot back for referrals until <paramref name="holdUntil"/> (null gives it back to public booking).</summary>
    public void ReserveForReferrals(DateTimeOffset? holdUntil)
    {
        ReferralHoldUntil = holdUntil;
        Version++;
    }

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;

    /// <summary>The template changed and this free slot's session now has another shape.</summary>
    public void Reshape(PlannedSlot plan)
    {
        End = plan.End;
        OffersInPerson = plan.InPerson;
        OffersVideo = plan.Video;
        SessionId = plan.SessionId;
        if (Status == SlotStatus.Retired)
        {
            Status = SlotStatus.Open;
        }

        Version++;
    }

    public void Retire()
    {
        if (Status is SlotStatus.Open or SlotStatus.Blocked)
        {
            Status = SlotStatus.Retired;
            BlockedPeriodId = null;
            Version++;
        }
    }

    public void Block(Guid blockedPeriodId)
    {
        if (Status == SlotStatus.Open)
        {
            Status = SlotStatus.Blocked;
            BlockedPeriodId = blockedPeriodId;
            Version++;
        }
    }

    public void Unblock(Guid blockedPeriodId)
    {
        if (Status == SlotStatus.Blocked && BlockedPeriodId == blockedPeriodId)
        {
            Status = SlotStatus.Open;
            BlockedPeriodId = null;
            Version++;
        }
    }

    public void CancelSession(string reason)
    {
        if (Status is SlotStatus.Open or SlotStatus.Blocked)
        {
            Status = SlotStatus.Cancelled;
            CancellationReason = reason;
            Version++;
        }
    }
}
