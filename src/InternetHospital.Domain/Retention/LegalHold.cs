using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Retention;

/// <summary>
/// A legal hold on a patient's records (a complaint, a lawsuit, an investigation): while it is in force the retention
/// job deletes nothing of theirs, whatever its age (domain rule 12). Holds are released, never deleted, so the history
/// of who held what and why stays.
/// </summary>
public sealed class LegalHold
{
    public const int MaxReasonLength = 500;

    private LegalHold()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string Reason { get; private set; }
    public Guid PlacedByAccountId { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public Guid? ReleasedByAccountId { get; private set; }
    public string? ReleaseReason { get; private set; }

    public bool InForce => ReleasedAt is null;

    public static LegalHold Place(Guid patientId, string reason, Guid placedBy, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        Reason = reason,
        PlacedByAccountId = placedBy,
        PlacedAt = now,
    };

    public void Release(string reason, Guid releasedBy, DateTimeOffset now)
    {
        if (ReleasedAt is not null)
        {
            throw new DomainConflictException("legal_hold_released", "This legal hold has already been released.");
        }

        ReleasedAt = now;
        ReleasedByAccountId = releasedBy;
        ReleaseReason = reason;
    }
}
