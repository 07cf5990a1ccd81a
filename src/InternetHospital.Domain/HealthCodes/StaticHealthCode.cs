using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.HealthCodes;

/// <summary>
/// A printed health code for someone without a phone: a long random handle (only its SHA-256 is kept, so the database
/// cannot print it again; reprinting is reissuing) that works only with the patient's PIN. Revoked codes stay so a desk
/// can say "revoked" rather than "unknown".
/// </summary>
public sealed class StaticHealthCode
{
    private StaticHealthCode()
    {
        CodeHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string CodeHash { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public Guid IssuedByAccountId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static StaticHealthCode Issue(Guid patientId, string codeHash, Guid issuedBy, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        CodeHash = codeHash,
        IssuedByAccountId = issuedBy,
        IssuedAt = now,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
