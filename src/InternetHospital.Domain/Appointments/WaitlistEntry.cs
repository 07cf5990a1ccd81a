using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Domain.Appointments;

public enum WaitlistStatus
{
    Waiting = 1,

    /// <summary>A freed slot was held for this patient (<see cref="WaitlistEntry.OfferedAppointmentId"/>).</summary>
    Offered = 2,

    Left = 3,
}

/// <summary>
/// A patient waiting for a doctor's day. When a slot of that day frees, the first patient waiting gets a
/// 15-minute hold on it and a notification.
/// </summary>
public sealed class WaitlistEntry
{
    private WaitlistEntry()
    {
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid DoctorId { get; private set; }
    public DateOnly Date { get; private set; }
    public VisitType VisitType { get; private set; }
    public WaitlistStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? OfferedAppointmentId { get; private set; }
    public DateTimeOffset? OfferedAt { get; private set; }

    /// <summary>The patient while waiting (unique with doctor and day, so nobody queues twice); null afterwards.</summary>
    public Guid? WaitingPatientId { get; private set; }

    public int Version { get; private set; }

    public static WaitlistEntry Join(Guid patientId, Guid accountId, Guid doctorId, DateOnly date, VisitType visitType, DateOnly today, DateTimeOffset now)
    {
        if (date < today)
        {
            throw new DomainRuleException("waitlist_date_past", "You can wait for today or a later day only.");
        }

        return new WaitlistEntry
        {
            Id = NewId.Next(),
            PatientId = patientId,
            AccountId = accountId,
            DoctorId = doctorId,
            Date = date,
            VisitType = visitType,
            Status = WaitlistStatus.Waiting,
            CreatedAt = now,
            WaitingPatientId = patientId,
            Version = 1,
        };
    }

    public void Offer(Guid appointmentId, DateTimeOffset now)
    {
        if (Status != WaitlistStatus.Waiting)
        {
            throw new DomainConflictException("waitlist_not_waiting", "This waitlist entry is no longer waiting.");
        }

        Status = WaitlistStatus.Offered;
        OfferedAppointmentId = appointmentId;
        OfferedAt = now;
        WaitingPatientId = null;
        Version++;
    }

    public void Leave()
    {
        if (Status != WaitlistStatus.Waiting)
        {
            throw new DomainConflictException("waitlist_not_waiting", "This waitlist entry is no longer waiting.");
        }

        Status = WaitlistStatus.Left;
        WaitingPatientId = null;
        Version++;
    }
}
