using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Common.Abstractions;

/// <summary>Encrypts identity numbers at rest, and hashes them with a secret key so duplicates can be found.</summary>
public interface IIdentifierProtector
{
    ProtectedIdentifier Protect(IdDocumentType type, string idNumber);

    /// <summary>The keyed look-up hash of a normalised identity number.</summary>
    string Hash(IdDocumentType type, string idNumber);

    /// <summary>The clear identity number; only for sending to the HIS or identity matching, never for display.</summary>
    string Reveal(string ciphertext);
}
