using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Scheduling;

/// <summary>
/// Time a doctor is not available (leave, a meeting, training). Free slots inside it are not offered; slots generated
/// later inside it are blocked at once. Appointments already booked inside it stay until someone cancels them.
/// </summary>
public sealed class BlockedPeriod
{
    private BlockedPeriod()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }
    public string Reason { get; private set; }
    public Guid? CreatedByAccountId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static BlockedPeriod Create(Guid doctorId, DateTimeOffset start, DateTimeOffset end, string reason, Guid? createdBy, DateTimeOffset now)
    {
        if (end <= start)
        {
            throw new DomainRuleException("block_ends_before_it_starts", "A blocked period must end after it starts.");
        }

        if (end <= now)
        {
            throw new DomainRuleException("block_in_the_past", "A blocked period must not lie entirely in the past.");
        }

        return new BlockedPeriod
        {
            Id = NewId.Next(),
            DoctorId = doctorId,
            Start = start,
            End = end,
            Reason = reason.Trim(),
            CreatedByAccountId = createdBy,
            CreatedAt = now,
        };
    }

    public bool Covers(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}
