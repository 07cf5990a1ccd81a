using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Infrastructure.Security;

/// <summary>
/// The key-encryption keys of the Data Protection key ring (which encrypts ID numbers, among others). The ring lives in
/// the database; these keys live outside it (configuration or, in Development, a file), so a copy of the database
/// alone does not give the ID numbers away. <see cref="Current"/> encrypts new keys; <see cref="Previous"/> still
/// decrypt keys written before a rotation.
/// </summary>
internal sealed class KeyRingKeys
{
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("InternetHospital key ring v1");

    public KeyRingKeys(byte[] current, IEnumerable<byte[]> previous)
    {
        Current = Derive(current);
        Previous = previous.Select(Derive).ToList();
    }

    public KeyRingKey Current { get; }

    public IReadOnlyList<KeyRingKey> Previous { get; }

    public KeyRingKey? Find(string id) => Current.Id == id ? Current : Previous.FirstOrDefault(k => k.Id == id);

    /// <summary>A 256-bit AES key from a configured secret of any length (32+ bytes), and a short id to name it by.</summary>
    private static KeyRingKey Derive(byte[] secret)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Info);
        var id = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
        return new KeyRingKey(id, key);
    }
}

internal sealed record KeyRingKey(string Id, byte[] Value);

/// <summary>
/// Encrypts each new key of the ring with AES-256-GCM under the current key-encryption key. The element names the key
/// it was encrypted under, so a rotation keeps old keys readable and a wrong key is a clear error, not garbage.
/// </summary>
internal sealed class KeyRingEncryptor(KeyRingKeys keys) : IXmlEncryptor
{
    internal const string ElementName = "keyRingEncrypted";
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("InternetHospital.DataProtection.KeyRing");
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Current;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Value, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(
            ElementName,
            new XAttribute("algorithm", "AES-256-GCM"),
            new XAttribute("keyId", key.Id),
            new XComment(" Encrypted under Security:KeyRingKey; see the README. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    /// <summary>The inverse of <see cref="Encrypt"/>.</summary>
    internal static XElement Decrypt(XElement encryptedElement, KeyRingKeys keys)
    {
        var keyId = (string?)encryptedElement.Attribute("keyId") ?? string.Empty;
        var key = keys.Find(keyId)
            ?? throw new CryptographicException(
                $"A Data Protection key was encrypted under key-ring key '{keyId}', which is not configured (current: '{keys.Current.Id}'). " +
                "Set Security:KeyRingKey to the key it was written under, or list it in Security:PreviousKeyRingKeys.");
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A Data Protection key's encrypted value is too short.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using (var aes = new AesGcm(key.Value, TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plaintext, AssociatedData);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>Made by Data Protection (by type name, with the service provider) when it reads an encrypted key.</summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => KeyRingEncryptor.Decrypt(encryptedElement, services.GetRequiredService<KeyRingKeys>());
}

/// <summary>
/// Reads every key of the ring before the portal starts. Started with a key-ring key other than the one the ring was
/// written under, the portal would run with every ID number unreadable (each such request a server error) and would
/// add a new key under the wrong key-encryption key; it stops instead, naming the key it needs.
/// </summary>
public sealed class KeyRingCheck(IKeyManager keys)
{
    public void EnsureReadable()
    {
        foreach (var key in keys.GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (CryptographicException exception)
            {
                throw new InvalidOperationException(
                    $"The Data Protection key ring cannot be read: key {key.KeyId} (created {key.CreationDate:u}) does not decrypt. {exception.Message} " +
                    "The portal does not start, so that nothing encrypted is unreadable or written under the wrong key.",
                    exception);
            }
        }
    }
}
