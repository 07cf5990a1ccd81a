using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Emergency;

/// <summary>
/// One crew write that was applied: its client-made idempotency key, its place in the case's order and what it
/// produced. A resend of the same key answers this receipt again instead of applying the write twice (domain rule 29).
/// </summary>
public sealed class EmergencySyncItem
{
    public const int MaxKindLength = 16;

    private EmergencySyncItem()
    {
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid Key { get; private set; }
    public int Sequence { get; private set; }
    public string Kind { get; private set; }
    public Guid? ItemId { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }

    internal static EmergencySyncItem Create(Guid caseId, SyncStamp stamp, string kind, Guid? itemId, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        CaseId = caseId,
        Key = stamp.Key,
        Sequence = stamp.Sequence,
        Kind = kind,
        ItemId = itemId,

        // Note: to the millisecond, so the receipt answered to a resend (read back from the database, which keeps
        // microseconds on PostgreSQL) is the very receipt the first send got.
        AppliedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Offset),
    };
}

/// <summary>The two headers every crew write carries: <c>Idempotency-Key</c> and <c>X-Client-Sequence</c>.</summary>
public sealed record SyncStamp(Guid Key, int Sequence);

/// <summary>
/// A crew write that came out of order: either numbers are missing before it (<c>emergency_sequence_gap</c>: the
/// client resends from <see cref="ExpectedSequence"/>), or its number was already used by another write
/// (<c>emergency_sequence_taken</c>: another phone of the crew recorded in the meantime; the client renumbers its
/// waiting writes from <see cref="ExpectedSequence"/>). Rejected rather than held: the phone still has the missing
/// writes, the server would only be guessing whether they will ever come.
/// </summary>
public sealed class SyncOrderException(string code, int expectedSequence, string message) : DomainException(code, message)
{
    public const string Gap = "emergency_sequence_gap";
    public const string Taken = "emergency_sequence_taken";

    public int ExpectedSequence { get; } = expectedSequence;
}
