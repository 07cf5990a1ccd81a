using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InternetHospital.Domain.Audit;

namespace InternetHospital.Application.Audit;

/// <summary>How an audit entry is hashed into the chain. The canonical form must never change for sealed entries.</summary>
public static class AuditChain
{
    public static string HashOf(string previousHash, AuditEntry entry)
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
