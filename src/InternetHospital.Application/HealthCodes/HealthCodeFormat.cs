using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InternetHospital.Application.HealthCodes;

/// <summary>What a dynamic health code says: who (a pseudonymous handle), issued by which institution, when, and a nonce.</summary>
public sealed record HealthCodeClaims(string Handle, string Issuer, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Nonce, string KeyId);

public enum HealthCodeFailure
{
    None = 0,

    /// <summary>Garbled, not a health code, signed by an unknown key or tampered with.</summary>
    Invalid = 1,

    /// <summary>Genuine but past its expiry (or issued implausibly far in the future).</summary>
    Expired = 2,
}

/// <summary>
/// The dynamic health code: <c>HC1:</c> + base64url(payload JSON) + <c>.</c> + base64url(ES256 signature), where the
/// signature (ECDSA P-256 over SHA-256, the 64-byte r‖s form JWS uses) covers the ASCII text <c>HC1:</c> + base64url(payload).
/// The payload is <c>{"v":1,"kid":…,"sub":handle,"iss":institution,"iat":unix,"exp":unix,"n":nonce}</c>. Anyone holding
/// the published public key (a JWK from <c>/.well-known/health-code-keys</c>) verifies a code offline with this class.
/// </summary>
public static class HealthCodeFormat
{
    public const string Prefix = "HC1:";
    public const int Version = 1;

    /// <summary>How long a dynamic code is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Clock difference tolerated between the phone's server-issued time and the scanner.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Far longer than any real code; anything longer is refused before it is decoded.</summary>
    public const int MaxLength = 600;

    public static string Sign(HealthCodeClaims claims, ECDsa privateKey)
    {
        var payload = new Payload(Version, claims.KeyId, claims.Handle, claims.Issuer, claims.IssuedAt.ToUnixTimeSeconds(), claims.ExpiresAt.ToUnixTimeSeconds(), claims.Nonce);
        var signed = Prefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson.Default.Payload));
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Checks a code's form, signature (with the public key <paramref name="publicKeyFor"/> returns for its key id) and
    /// validity at <paramref name="now"/>. Claims are returned only for a genuine code (also when it has expired, so the
    /// caller may say whose code it was).
    /// </summary>
    public static HealthCodeFailure Verify(string? code, Func<string, ECDsa?> publicKeyFor, DateTimeOffset now, out HealthCodeClaims? claims)
    {
        claims = null;
        if (code is null || code.Length > MaxLength || !code.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return HealthCodeFailure.Invalid;
        }

        var dot = code.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return HealthCodeFailure.Invalid;
        }

        var signed = code[..dot];
        Payload? payload;
        byte[] signature;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(signed.AsSpan(Prefix.Length)), PayloadJson.Default.Payload);
            signature = Base64Url.DecodeFromChars(code.AsSpan(dot + 1));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return HealthCodeFailure.Invalid;
        }

        if (payload is not { V: Version, Kid.Length: > 0, Sub.Length: > 0, Iss: not null, N.Length: > 0 } || signature.Length != 64)
        {
            return HealthCodeFailure.Invalid;
        }

        using var key = publicKeyFor(payload.Kid);
        if (key is null || !key.VerifyData(Encoding.ASCII.GetBytes(signed), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return HealthCodeFailure.Invalid;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(payload.Iat);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        if (expiresAt <= issuedAt || expiresAt - issuedAt > Lifetime)
        {
            // Note: a correctly signed code that claims a longer life than the format allows was not made by the portal.
            return HealthCodeFailure.Invalid;
        }

        claims = new HealthCodeClaims(payload.Sub, payload.Iss, issuedAt, expiresAt, payload.N, payload.Kid);
        return now >= expiresAt || issuedAt > now + ClockSkew ? HealthCodeFailure.Expired : HealthCodeFailure.None;
    }

    /// <summary>The public half of a signing key as a JSON Web Key (RFC 7517/7518: kty EC, crv P-256, use sig, alg ES256).</summary>
    public static HealthCodeJwk ToJwk(ECDsa key, string keyId)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new HealthCodeJwk("EC", "P-256", Base64Url.EncodeToString(parameters.Q.X), Base64Url.EncodeToString(parameters.Q.Y), keyId, "sig", "ES256");
    }

    /// <summary>A verification key from a published JWK (what an offline scanner does).</summary>
    public static ECDsa FromJwk(HealthCodeJwk jwk)
    {
        if (jwk is not { Kty: "EC", Crv: "P-256" })
        {
            throw new ArgumentException("Only EC P-256 keys sign health codes.", nameof(jwk));
        }

        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
        });
    }

    /// <summary>The key id of a public key: its RFC 7638 JWK thumbprint (base64url SHA-256), so it names the key itself.</summary>
    public static string KeyIdOf(ECDsa key)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.EncodeToString(p.Q.X)}\",\"y\":\"{Base64Url.EncodeToString(p.Q.Y)}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    internal sealed record Payload(
        [property: JsonPropertyName("v")] int V,
        [property: JsonPropertyName("kid")] string Kid,
        [property: JsonPropertyName("sub")] string Sub,
        [property: JsonPropertyName("iss")] string Iss,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("n")] string N);
}

/// <summary>A published verification key (one entry of the JWKS).</summary>
public sealed record HealthCodeJwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg);

[JsonSerializable(typeof(HealthCodeFormat.Payload))]
internal sealed partial class PayloadJson : JsonSerializerContext;
