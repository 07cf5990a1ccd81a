using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Patients;

public enum InvitationStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
    Cancelled = 4,
}

/// <summary>
/// An account asks to act for an adult (or for a person whose record has an account of its own): nothing is granted
/// until that person consents, by the e-mailed link or on a paper form that hospital staff scan and approve.
/// The link carries a random token; only its hash is stored.
/// </summary>
public sealed class FamilyInvitation
{
    private FamilyInvitation()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public string TokenHash { get; private set; }

    /// <summary>The account that asked to act for the person.</summary>
    public Guid FromAccountId { get; private set; }

    /// <summary>The person asked (their record, matched or created when the invitation was made).</summary>
    public Guid PatientId { get; private set; }

    public FamilyRelation Relation { get; private set; }
    public PatientScope Scopes { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public InvitationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public Guid? RespondedByAccountId { get; private set; }

    /// <summary>The scanned paper consent a member of staff approved, when consent was not given online.</summary>
    public Guid? ConsentFileId { get; private set; }

    public Guid? AccessId { get; private set; }

    public static FamilyInvitation Create(string tokenHash, Guid fromAccountId, Guid patientId, FamilyRelation relation, PatientScope scopes, DateOnly? endsOn, DateTimeOffset expiresAt, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        TokenHash = tokenHash,
        FromAccountId = fromAccountId,
        PatientId = patientId,
        Relation = relation,
        Scopes = scopes & PatientScope.All,
        EndsOn = endsOn,
        Status = InvitationStatus.Pending,
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };

    public bool IsOpen(DateTimeOffset now) => Status == InvitationStatus.Pending && now < ExpiresAt;

    /// <summary>The person consents, with the scopes and end date they choose (they may narrow what was asked).</summary>
    public PatientAccess Accept(Guid byAccountId, PatientScope scopes, DateOnly? endsOn, Guid? consentFileId, DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = InvitationStatus.Accepted;
        RespondedAt = now;
        RespondedByAccountId = byAccountId;
        ConsentFileId = consentFileId;
        Scopes = scopes & PatientScope.All;
        EndsOn = endsOn;
        var access = PatientAccess.Grant(FromAccountId, PatientId, PatientRelationship.FamilyProxy, Relation, Scopes, endsOn, byAccountId, now, Id);
        AccessId = access.Id;
        return access;
    }

    /// <summary>A record of a child with an account of its own: the consent makes the inviter the guardian.</summary>
    public PatientAccess AcceptAsGuardian(Guid byAccountId, DateOnly endsOn, DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = InvitationStatus.Accepted;
        RespondedAt = now;
        RespondedByAccountId = byAccountId;
        var access = PatientAccess.Grant(FromAccountId, PatientId, PatientRelationship.Guardian, Relation, PatientScope.All, endsOn, byAccountId, now, Id);
        AccessId = access.Id;
        return access;
    }

    /// <summary>Staff scanned the paper form the person signed; it is approved or rejected next (a new scan replaces it).</summary>
    public void AttachConsentScan(Guid fileId, DateTimeOffset now)
    {
        EnsureOpen(now);
        ConsentFileId = fileId;
    }

    public void Decline(Guid byAccountId, DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = InvitationStatus.Declined;
        RespondedAt = now;
        RespondedByAccountId = byAccountId;
    }

    public void Cancel(Guid byAccountId, DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending)
        {
            throw new DomainConflictException("invitation_not_pending", "This invitation was already answered.");
        }

        Status = InvitationStatus.Cancelled;
        RespondedAt = now;
        RespondedByAccountId = byAccountId;
    }

    private void EnsureOpen(DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending)
        {
            throw new DomainConflictException("invitation_not_pending", "This invitation was already answered.");
        }

        if (now >= ExpiresAt)
        {
            throw new DomainConflictException("invitation_expired", "This invitation has expired.");
        }
    }
}
