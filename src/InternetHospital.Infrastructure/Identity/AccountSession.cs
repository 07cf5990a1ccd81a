namespace InternetHospital.Infrastructure.Identity;

/// <summary>
/// One sign-in of an account on one device: started by the password (and second factor) step, carried as a claim in
/// the sign-in cookie and in every token issued from it. Ending it (sign-out, the person's own "sign out this
/// device", a password or two-factor change elsewhere) makes its refresh tokens and access tokens fail at once.
/// </summary>
public sealed class AccountSession
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last sign-in step or token refresh (about every five minutes while the SPA is open).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The client address trimmed to its network (IPv4 /24, IPv6 /48): enough to recognise, not to locate.</summary>
    public string? Address { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>The account's security stamp this session is valid for (renewed for the session that changed the password).</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    public DateTimeOffset? EndedAt { get; set; }
}
