using System.Security.Cryptography;

namespace InternetHospital.Application.HealthCodes;

/// <summary>
/// The consortium's health code keys (configuration <c>HealthCode:SigningKey</c>; generated once in Development): the
/// current private key signs, and it and any previous public keys (<c>HealthCode:PreviousPublicKeys</c>, kept through a
/// rotation until the codes and scanners using them are gone) verify and are published.
/// </summary>
public interface IHealthCodeKeys
{
    string CurrentKeyId { get; }

    /// <summary>A fresh instance of the signing key (ECDsa instances are not shared between threads); dispose it.</summary>
    ECDsa CreateSigner();

    /// <summary>A fresh verification key for a key id, or null for a key the consortium does not publish.</summary>
    ECDsa? CreateVerifier(string keyId);

    IReadOnlyList<HealthCodeJwk> Published { get; }
}
