using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// WeChat Pay API v3's cryptography: requests signed SHA256withRSA (PKCS#1 v1.5) over
/// <c>METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n</c> and sent as <c>WECHATPAY2-SHA256-RSA2048</c>; answers and
/// callbacks verified over <c>TIMESTAMP\nNONCE\nBODY\n</c> with WeChat Pay's public key; callback resources decrypted
/// with AEAD_AES_256_GCM (key = the API v3 key, the 16-byte tag at the end of the ciphertext).
/// </summary>
public static class WeChatPaySignatures
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    public static string RequestMessage(string method, string pathAndQuery, long timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    public static string ResponseMessage(string timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";

    public static string Sign(RSA privateKey, string message) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA publicKey, string message, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var written)
            && publicKey.VerifyData(Encoding.UTF8.GetBytes(message), bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public static string Authorization(string mchId, string serialNo, long timestamp, string nonce, string signature) =>
        $"{Scheme} mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serialNo}\"";

    /// <summary>Decrypts a callback resource; throws <see cref="CryptographicException"/> when it was tampered with or the key is wrong.</summary>
    public static string Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertext)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        var data = Convert.FromBase64String(ciphertext);
        if (key.Length != 32 || nonceBytes.Length != 12 || data.Length < 16)
        {
            throw new CryptographicException("The resource is not AEAD_AES_256_GCM with a 12-byte nonce.");
        }

        var plain = new byte[data.Length - 16];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(nonceBytes, data.AsSpan(0, plain.Length), data.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Encrypts as WeChat Pay does (used by the tests' fake and by the known-answer tests).</summary>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    public static RSA PrivateKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    /// <summary>A public key from its PEM, or from a platform certificate's PEM.</summary>
    public static RSA PublicKey(string pem)
    {
        if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return certificate.GetRSAPublicKey() ?? throw new CryptographicException("The certificate has no RSA key.");
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    public static string Nonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
