namespace InternetHospital.Domain.Audit;

/// <summary>
/// A link of the audit hash chain: entry number <see cref="Sequence"/> is <see cref="EntryId"/>, and
/// <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> + the entry's canonical content). Changing or deleting an
/// entry, or a seal, breaks every hash after it, which the verifier finds (domain rule 13: tamper-evident).
/// </summary>
public sealed class AuditSeal
{
    private AuditSeal()
    {
        PreviousHash = Hash = string.Empty;
    }

    public AuditSeal(long sequence, Guid entryId, string previousHash, string hash, DateTimeOffset sealedAt)
    {
        Sequence = sequence;
        EntryId = entryId;
        PreviousHash = previousHash;
        Hash = hash;
        SealedAt = sealedAt;
    }

    public long Sequence { get; private set; }
    public Guid EntryId { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }
    public DateTimeOffset SealedAt { get; private set; }

    /// <summary>The hash before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
}
