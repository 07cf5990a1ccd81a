using System.Security.Cryptography;
using InternetHospital.Application.HealthCodes;

namespace InternetHospital.Infrastructure.Security;

/// <summary>Section <c>HealthCode</c>: the consortium's signing key for dynamic health codes.</summary>
public sealed class HealthCodeOptions
{
    public const string Section = "HealthCode";

    /// <summary>PEM-encoded EC P-256 private key. Required outside Development; generated there at first run.</summary>
    public string? SigningKey { get; set; }

    /// <summary>PEM public keys of earlier signing keys, still published and accepted while codes and scanners rotate.</summary>
    public string[] PreviousPublicKeys { get; set; } = [];
}

/// <summary>
/// Holds the keys as exported parameters and makes a fresh <see cref="ECDsa"/> per use: the key objects are not
/// documented as safe to share between threads, and a P-256 import is cheap next to the signature.
/// </summary>
internal sealed class HealthCodeKeys : IHealthCodeKeys
{
    private readonly ECParameters signing;
    private readonly Dictionary<string, ECParameters> verifying = new(StringComparer.Ordinal);

    public HealthCodeKeys(ECDsa signingKey, IEnumerable<string> previousPublicKeys)
    {
        signing = signingKey.ExportParameters(includePrivateParameters: true);
        CurrentKeyId = HealthCodeFormat.KeyIdOf(signingKey);
        var published = new List<HealthCodeJwk> { HealthCodeFormat.ToJwk(signingKey, CurrentKeyId) };
        verifying[CurrentKeyId] = signingKey.ExportParameters(includePrivateParameters: false);
        foreach (var pem in previousPublicKeys.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            using var previous = ECDsa.Create();
            previous.ImportFromPem(pem);
            var keyId = HealthCodeFormat.KeyIdOf(previous);
            if (verifying.TryAdd(keyId, previous.ExportParameters(includePrivateParameters: false)))
            {
                published.Add(HealthCodeFormat.ToJwk(previous, keyId));
            }
        }

        Published = published;
    }

    public string CurrentKeyId { get; }

    public IReadOnlyList<HealthCodeJwk> Published { get; }

    public ECDsa CreateSigner() => ECDsa.Create(signing);

    public ECDsa? CreateVerifier(string keyId) => verifying.TryGetValue(keyId, out var parameters) ? ECDsa.Create(parameters) : null;
}
