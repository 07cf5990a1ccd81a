using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace InternetHospital.Application.Appointments;

/// <summary>Section <c>Booking</c>: the hospital's booking rules. Every number here is the hospital's choice.</summary>
public sealed partial class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>How long a slot is held for payment.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "02:00:00")]
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Patients cancel or reschedule a booking until this long before the start.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan ChangeCutoff { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How far back an in-person diagnosis counts for a video follow-up (domain rule 1), as an ISO 8601 period:
    /// <c>P6M</c> (six months, the default), <c>P1Y</c>, <c>P90D</c>.
    /// </summary>
    [Required]
    [RegularExpression(@"^P(?=\d)(\d+Y)?(\d+M)?(\d+D)?$")]
    public string FollowUpLookBack { get; set; } = "P6M";

    /// <summary>Anti-scalping: how many unpaid or unreviewed holds one patient may have at once.</summary>
    [Range(1, 100_000)]
    public int MaxActiveHolds { get; set; } = 3;

    /// <summary>After a doctor accepts uploaded proof, how long the patient has to pay.</summary>
    [Range(typeof(TimeSpan), "00:15:00", "7.00:00:00")]
    public TimeSpan PaymentWindowAfterReview { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a follow-up a doctor booked for a patient is held for the patient's payment.</summary>
    [Range(typeof(TimeSpan), "00:15:00", "7.00:00:00")]
    public TimeSpan StaffHoldDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Patients check in (or enter the video waiting room) from this long before the start.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "02:00:00")]
    public TimeSpan CheckInOpensBefore { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the background jobs (hold expiry, reminders, slot horizon) look for work.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first day whose in-person diagnoses still count on <paramref name="today"/>.</summary>
    public DateOnly LookBackStart(DateOnly today)
    {
        var match = Period().Match(FollowUpLookBack);
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return today.AddYears(-Part("y")).AddMonths(-Part("m")).AddDays(-Part("d"));
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<m>\d+)M)?(?:(?<d>\d+)D)?$")]
    private static partial Regex Period();
}
