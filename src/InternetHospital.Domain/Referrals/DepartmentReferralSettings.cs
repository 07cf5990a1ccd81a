using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Referrals;

/// <summary>
/// Whether a hospital department takes referrals, and how long its reserved referral slots stay held back from public
/// booking: until <see cref="ReleaseHoursBefore"/> hours before they start, after which anyone may book them.
/// A department without settings takes none.
/// </summary>
public sealed class DepartmentReferralSettings
{
    public const int MaxReleaseHours = 24 * 14;

    private DepartmentReferralSettings()
    {
    }

    public Guid DepartmentId { get; private set; }
    public bool AcceptsReferrals { get; private set; }
    public int ReleaseHoursBefore { get; private set; }

    public static DepartmentReferralSettings Create(Guid departmentId, bool acceptsReferrals, int releaseHoursBefore)
    {
        var settings = new DepartmentReferralSettings { DepartmentId = departmentId };
        settings.Change(acceptsReferrals, releaseHoursBefore);
        return settings;
    }

    public void Change(bool acceptsReferrals, int releaseHoursBefore)
    {
        if (releaseHoursBefore is < 0 or > MaxReleaseHours)
        {
            throw new DomainRuleException("invalid_release_hours", "Reserved slots are released between 0 and 336 hours before they start.");
        }

        AcceptsReferrals = acceptsReferrals;
        ReleaseHoursBefore = releaseHoursBefore;
    }

    /// <summary>Until when a slot starting at <paramref name="start"/> stays reserved for referrals.</summary>
    public DateTimeOffset HoldUntil(DateTimeOffset start) => start.AddHours(-ReleaseHoursBefore);
}
