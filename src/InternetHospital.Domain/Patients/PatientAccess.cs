using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Patients;

/// <summary>How an account is related to a patient it may act for.</summary>
public enum PatientRelationship
{
    Self = 1,
    Guardian = 2,
    FamilyProxy = 3,
}

/// <summary>
/// The grant that lets an account act for a patient. Every patient-facing query is authorised
/// through this, never by assuming "account = patient".
/// </summary>
public sealed class PatientAccess
{
    private PatientAccess()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid PatientId { get; private set; }
    public PatientRelationship Relationship { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static PatientAccess Grant(Guid accountId, Guid patientId, PatientRelationship relationship, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        AccountId = accountId,
        PatientId = patientId,
        Relationship = relationship,
        GrantedAt = now,
    };

    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new DomainConflictException("access_already_revoked", "This access was already revoked.");
        }

        RevokedAt = now;
    }
}
