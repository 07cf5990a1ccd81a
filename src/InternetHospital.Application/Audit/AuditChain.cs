using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InternetHospital.Domain.Audit;

namespace InternetHospital.Application.Audit;

/// <summary>
/// The secret that keys the audit chain (<c>Security:AuditChainKey</c>). It is kept outside the database: someone who can
/// rewrite the tables cannot recompute a chain that still verifies, because every link is an HMAC under this key.
/// </summary>
public sealed class AuditChainKey
{
    public AuditChainKey(byte[] value)
    {
        if (value.Length < 32)
        {
            throw new ArgumentException("The audit chain key must be at least 32 bytes.", nameof(value));
        }

        Value = value;
    }

    internal byte[] Value { get; }
}

/// <summary>How an audit entry is hashed into the chain. The canonical form must never change for sealed entries.</summary>
public static class AuditChain
{
    /// <summary>HMAC-SHA256 under the chain key of the previous link's hash and the entry's canonical content.</summary>
    public static string HashOf(AuditChainKey key, string previousHash, AuditEntry entry)
    {
        var canonical = string.Join('\u001F',
            previousHash,
            entry.Id.ToString("N"),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.ActorAccountId?.ToString("N") ?? string.Empty,
            entry.ActorRoles ?? string.Empty,
            entry.PatientId?.ToString("N") ?? string.Empty,
            entry.Action,
            entry.Resource,
            entry.ResourceId ?? string.Empty,
            entry.IpAddress ?? string.Empty,
            entry.Detail ?? string.Empty);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// The signature of a checkpoint (sequence, head hash, time) under the chain key; the "checkpoint" prefix keeps it from
    /// ever equalling a link's hash.
    /// </summary>
    public static string SignatureOf(AuditChainKey key, long sequence, string headHash, DateTimeOffset at)
    {
        var canonical = string.Join('\u001F', "checkpoint", sequence.ToString(CultureInfo.InvariantCulture), headHash, at.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>
/// "At <see cref="At"/> the chain reached <see cref="Sequence"/> with head <see cref="HeadHash"/>", signed under the chain
/// key. Kept outside the database, so cutting off the newest entries (with their seals) is still found.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string HeadHash, DateTimeOffset At, string Signature)
{
    public static AuditCheckpoint Sign(AuditChainKey key, long sequence, string headHash, DateTimeOffset at) =>
        new(sequence, headHash, at, AuditChain.SignatureOf(key, sequence, headHash, at));

    public bool IsValid(AuditChainKey key) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature),
            Encoding.ASCII.GetBytes(AuditChain.SignatureOf(key, Sequence, HeadHash, At)));
}

/// <summary>Where checkpoints are written: a store the database role cannot rewrite (an append-only file by default).</summary>
public interface IAuditCheckpoints
{
    Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Every checkpoint written, in the order written (unsigned or malformed lines included, for the verifier to judge).</summary>
    Task<IReadOnlyList<AuditCheckpoint>> ReadAllAsync(CancellationToken cancellationToken);
}
