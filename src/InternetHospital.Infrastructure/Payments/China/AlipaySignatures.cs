using System.Security.Cryptography;
using System.Text;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// Alipay's RSA2: the parameters other than <c>sign</c> (and, for notifications, <c>sign_type</c>) with a value, sorted
/// by name, joined as <c>name=value</c> with <c>&amp;</c> (values not URL-encoded), signed SHA256withRSA, Base64.
/// </summary>
public static class AlipaySignatures
{
    public static string Content(IEnumerable<KeyValuePair<string, string>> parameters, bool excludeSignType) =>
        string.Join('&', parameters
            .Where(p => p.Key != "sign" && !(excludeSignType && p.Key == "sign_type") && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public static string Sign(RSA privateKey, string content) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA publicKey, string content, string? signature) => WeChatPaySignatures.Verify(publicKey, content, signature);

    /// <summary>Alipay hands out bare Base64 keys as often as PEM; both are accepted.</summary>
    public static RSA PrivateKey(string key)
    {
        var rsa = RSA.Create();
        if (key.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            rsa.ImportFromPem(key);
        }
        else
        {
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.Trim()), out _);
        }

        return rsa;
    }

    public static RSA PublicKey(string key)
    {
        var rsa = RSA.Create();
        if (key.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            rsa.ImportFromPem(key);
        }
        else
        {
            rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key.Trim()), out _);
        }

        return rsa;
    }
}
