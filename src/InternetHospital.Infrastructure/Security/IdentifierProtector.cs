using System.Security.Cryptography;
using System.Text;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Patients;
using Microsoft.AspNetCore.DataProtection;

namespace InternetHospital.Infrastructure.Security;

/// <summary>
/// Identity numbers are encrypted with ASP.NET Core Data Protection (keys in the database, shared by every
/// instance) and hashed with HMAC-SHA256 under a separate secret, so a duplicate can be found without
/// decrypting and the hash alone cannot be reversed by trying every possible number.
/// </summary>
internal sealed class IdentifierProtector(IDataProtectionProvider provider, IdentifierHashKey hashKey) : IIdentifierProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("InternetHospital.IdentityNumbers.v1");

    public ProtectedIdentifier Protect(IdDocumentType type, string idNumber)
    {
        var normalized = Normalize(idNumber);
        return new ProtectedIdentifier(protector.Protect(normalized), Hash(type, normalized), IdentifierMask.Mask(normalized));
    }

    public string Hash(IdDocumentType type, string idNumber)
    {
        var input = Encoding.UTF8.GetBytes($"{type}:{Normalize(idNumber)}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(hashKey.Value, input));
    }

    public string Reveal(string ciphertext) => protector.Unprotect(ciphertext);

    private static string Normalize(string idNumber) => idNumber.Trim().ToUpperInvariant();
}

internal sealed record IdentifierHashKey(byte[] Value);
