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
/// through this, never by assuming "account = patient". A guardian's grant ends on the child's 18th birthday
/// (<see cref="EndsOn"/>), a proxy's on the date the adult chose; both are checked on every request, and the daily
/// job only records the end. Who granted and who ended a grant, and why, stay on the row (domain rule 11).
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
    public FamilyRelation Relation { get; private set; }

    /// <summary>What the grant allows; a guardian of a 14-17-year-old is narrowed further by <see cref="EffectiveScopes"/>.</summary>
    public PatientScope Scopes { get; private set; }

    /// <summary>The first day the grant no longer works (null: until revoked).</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>A 14-17-year-old lets the guardian read their messages with doctors.</summary>
    public bool SharesMessages { get; private set; }

    /// <summary>A 14-17-year-old lets the guardian read their sensitive results.</summary>
    public bool SharesResults { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    /// <summary>The account whose action created the grant (the adult who consented, the guardian, staff).</summary>
    public Guid? GrantedByAccountId { get; private set; }

    /// <summary>The invitation the adult accepted, for a proxy.</summary>
    public Guid? InvitationId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedByAccountId { get; private set; }

    /// <summary>Why it ended: <c>removed</c>, <c>revoked</c>, <c>age_of_majority</c>, <c>expired</c> or <c>admin: ...</c>.</summary>
    public string? RevocationReason { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static PatientAccess Grant(Guid accountId, Guid patientId, PatientRelationship relationship, DateTimeOffset now) =>
        Grant(accountId, patientId, relationship, relationship == PatientRelationship.Self ? FamilyRelation.Self : FamilyRelation.Other, PatientScope.All, null, accountId, now);

    public static PatientAccess Grant(
        Guid accountId,
        Guid patientId,
        PatientRelationship relationship,
        FamilyRelation relation,
        PatientScope scopes,
        DateOnly? endsOn,
        Guid? grantedBy,
        DateTimeOffset now,
        Guid? invitationId = null) => new()
    {
        Id = NewId.Next(),
        AccountId = accountId,
        PatientId = patientId,
        Relationship = relationship,
        Relation = relation,
        Scopes = scopes & PatientScope.All,
        EndsOn = endsOn,
        GrantedAt = now,
        GrantedByAccountId = grantedBy,
        InvitationId = invitationId,
    };

    /// <summary>
    /// What the grant allows today for a patient of this age: nothing once ended, and for a guardian of a
    /// 14-17-year-old no messages or results unless the young person shares them (domain rule 24).
    /// </summary>
    public PatientScope EffectiveScopes(int patientAge, DateOnly today, FamilyAgeBands bands)
    {
        if (RevokedAt is not null || (EndsOn is { } ends && today >= ends))
        {
            return PatientScope.None;
        }

        if (Relationship == PatientRelationship.Self)
        {
            return PatientScope.All;
        }

        if (Relationship == PatientRelationship.Guardian)
        {
            if (patientAge >= bands.AdultAt)
            {
                return PatientScope.None;
            }

            if (patientAge >= bands.ConfidentialFrom)
            {
                var scopes = Scopes & ~(PatientScope.Messages | PatientScope.Results);
                if (SharesMessages)
                {
                    scopes |= Scopes & PatientScope.Messages;
                }

                if (SharesResults)
                {
                    scopes |= Scopes & PatientScope.Results;
                }

                return scopes;
            }
        }

        return Scopes;
    }

    public void Share(bool messages, bool results)
    {
        EnsureActive();
        if (Relationship != PatientRelationship.Guardian)
        {
            throw new DomainRuleException("not_a_guardian", "Only a guardian's access has adolescent shares.");
        }

        SharesMessages = messages;
        SharesResults = results;
    }

    public void Revoke(DateTimeOffset now) => Revoke(null, "revoked", now);

    public void Revoke(Guid? byAccountId, string reason, DateTimeOffset now)
    {
        EnsureActive();
        RevokedAt = now;
        RevokedByAccountId = byAccountId;
        RevocationReason = reason.Length > 200 ? reason[..200] : reason;
    }

    private void EnsureActive()
    {
        if (RevokedAt is not null)
        {
            throw new DomainConflictException("access_already_revoked", "This access was already revoked.");
        }
    }
}
