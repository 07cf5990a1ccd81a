using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Renewals;

/// <summary>
/// A pharmacist's time on duty (domain rule 7: a pharmacist is on duty and the review queue shows who). One open
/// shift per pharmacist at a time; the database backs it with a unique index.
/// </summary>
public sealed class PharmacistDuty
{
    private PharmacistDuty()
    {
        PharmacistName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PharmacistAccountId { get; private set; }
    public string PharmacistName { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Set while on duty, null afterwards: what the "one open shift" unique index is on.</summary>
    public Guid? OnDutyAccountId { get; private set; }

    public bool IsOnDuty => EndedAt is null;

    public static PharmacistDuty Start(Guid pharmacistAccountId, string pharmacistName, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PharmacistAccountId = pharmacistAccountId,
        PharmacistName = pharmacistName,
        StartedAt = now,
        OnDutyAccountId = pharmacistAccountId,
    };

    public void End(DateTimeOffset now)
    {
        if (EndedAt is not null)
        {
            throw new DomainConflictException("not_on_duty", "This duty has already ended.");
        }

        EndedAt = now;
        OnDutyAccountId = null;
    }
}

/// <summary>The hospital's renewal settings that an administrator changes at run time.</summary>
public sealed class RenewalSettings
{
    /// <summary>There is one row.</summary>
    public const int SingletonId = 1;

    private RenewalSettings()
    {
    }

    public int Id { get; private set; }

    /// <summary>The fee for a renewed prescription, in the hospital's currency; 0 means none.</summary>
    public decimal Fee { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedByAccountId { get; private set; }

    public static RenewalSettings Default(DateTimeOffset now) => new() { Id = SingletonId, Fee = 0m, UpdatedAt = now };

    public void SetFee(decimal fee, Guid accountId, DateTimeOffset now)
    {
        if (fee < 0 || fee > 10_000)
        {
            throw new DomainRuleException("invalid_amount", "The fee must be between 0 and 10000.");
        }

        Fee = decimal.Round(fee, 2);
        UpdatedAt = now;
        UpdatedByAccountId = accountId;
    }
}
