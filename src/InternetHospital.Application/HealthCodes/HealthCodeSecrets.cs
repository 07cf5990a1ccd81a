using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace InternetHospital.Application.HealthCodes;

/// <summary>The random and hashed parts of health codes: handles, nonces, printed codes and PINs.</summary>
public static class HealthCodeSecrets
{
    /// <summary>The printed code's prefix, so a desk tells it from a dynamic code at a glance.</summary>
    public const string StaticPrefix = "HCS:";

    private const int PinIterations = 100_000;

    /// <summary>A pseudonymous patient handle: 128 random bits, unrelated to the record id or the ID number.</summary>
    public static string NewHandle() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string NewNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    /// <summary>A printed code: 160 random bits, far beyond guessing even before the PIN is asked for.</summary>
    public static string NewStaticCode() => StaticPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(20));

    /// <summary>Only this is stored: a lookup key for a high-entropy code, so a plain SHA-256 is enough.</summary>
    public static string HashStaticCode(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    public static bool IsPin(string? pin) => pin is { Length: 6 } && pin.All(char.IsAsciiDigit);

    /// <summary>
    /// PBKDF2-SHA256 with a per-PIN salt. A 6-digit PIN cannot resist an offline search whatever the hash, so what
    /// protects it is that it is useless without the printed code and that five wrong tries lock it.
    /// </summary>
    public static string HashPin(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(pin), salt, PinIterations, HashAlgorithmName.SHA256, 32);
        return Convert.ToBase64String(salt) + "." + Convert.ToBase64String(hash);
    }

    public static bool VerifyPin(string pin, string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 2 || !IsPin(pin))
        {
            return false;
        }

        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(pin), Convert.FromBase64String(parts[0]), PinIterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(parts[1]));
    }
}
