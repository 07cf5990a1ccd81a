using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Infrastructure.Identity;

/// <summary>A person who signs in. The care they receive hangs off <c>Patient</c>, linked through <c>PatientAccess</c>.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>BCP 47 tag of the language e-mails and notifications use (zh-CN or en); null means the hospital default.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>Whether notifications also go out by e-mail (the notification centre always has them).</summary>
    public bool EmailNotifications { get; set; } = true;

    /// <summary>Whether notifications that have an SMS template also go out by SMS (only to a verified mobile number).</summary>
    public bool SmsNotifications { get; set; } = true;

    /// <summary>IANA zone of the person's quiet hours (no reminders 22:00-07:00); null means the hospital's zone.</summary>
    public string? TimeZone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by an admin to stop the account signing in; every session ends (see the token endpoint).</summary>
    public bool IsDisabled { get; set; }
}
