using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.VideoVisits;

/// <summary>What a guest is in the visit: the inviter's decision (the guest's page shows it; the guest cannot change it).</summary>
public enum GuestRole
{
    Interpreter = 1,
    Relative = 2,
    Carer = 3,
}

/// <summary>
/// A person without an account invited into one visit by a single-use link: the link's token is stored hashed, the
/// first device that opens it is bound to it (its secret, hashed), and the doctor admits the guest like the patient.
/// A guest is in the call and the chat of this visit only, never in its record.
/// </summary>
public sealed class VisitGuest
{
    private VisitGuest()
    {
        TokenHash = Email = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }

    /// <summary>The role the inviter chose (interpreter, relative, carer): it stays what they chose, whatever the guest's page sends.</summary>
    public GuestRole Role { get; private set; }

    public string TokenHash { get; private set; }
    public string Email { get; private set; }
    public Guid InvitedByAccountId { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The name the guest gave; null until the link is opened.</summary>
    public string? Name { get; private set; }

    public string? DeviceHash { get; private set; }
    public DateTimeOffset? RedeemedAt { get; private set; }
    public DateTimeOffset? AdmittedAt { get; private set; }

    /// <summary>Optimistic concurrency: two devices opening the link at the same moment cannot both bind it.</summary>
    public int Version { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static VisitGuest Invite(Guid visitId, GuestRole role, string tokenHash, string email, Guid invitedBy, DateTimeOffset expiresAt, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        VisitId = visitId,
        Role = role,
        TokenHash = tokenHash,
        Email = email,
        InvitedByAccountId = invitedBy,
        InvitedAt = now,
        ExpiresAt = expiresAt,
    };

    /// <summary>
    /// The guest opens the link. The first device binds it; the same device may open it again (a reload), any other
    /// device is refused. Refused too once revoked, past its expiry, or when the visit has ended.
    /// </summary>
    public void Redeem(string deviceHash, string name, bool visitFinished, DateTimeOffset now)
    {
        EnsureUsable(visitFinished, now);
        if (DeviceHash is not null && !string.Equals(DeviceHash, deviceHash, StringComparison.Ordinal))
        {
            throw new DomainConflictException("guest_link_used", "This link has already been opened on another device.");
        }

        DeviceHash = deviceHash;
        RedeemedAt ??= now;
        Version++;
        Name = name;
    }

    /// <summary>Whether the link (and a credential issued from it) may still be used.</summary>
    public void EnsureUsable(bool visitFinished, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new DomainConflictException("guest_link_revoked", "This invitation was withdrawn.");
        }

        if (visitFinished || now >= ExpiresAt)
        {
            throw new DomainConflictException("guest_link_expired", "This invitation has expired.");
        }
    }

    public bool IsUsable(bool visitFinished, DateTimeOffset now) => !IsRevoked && !visitFinished && now < ExpiresAt;

    /// <summary>The doctor lets the guest into the call (once they have opened the link).</summary>
    public void Admit(DateTimeOffset now)
    {
        if (RedeemedAt is null)
        {
            throw new DomainConflictException("guest_not_arrived", "The guest has not opened the link yet.");
        }

        AdmittedAt ??= now;
        Version++;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new DomainConflictException("guest_link_revoked", "This invitation was withdrawn.");
        }

        RevokedAt = now;
        Version++;
    }
}
