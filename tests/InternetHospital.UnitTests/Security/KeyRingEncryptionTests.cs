using System.Security.Cryptography;
using System.Xml.Linq;
using InternetHospital.Infrastructure.Security;

namespace InternetHospital.UnitTests.Security;

public sealed class KeyRingEncryptionTests
{
    private static readonly XElement Secret = XElement.Parse(
        """<masterKey xmlns:p4="http://schemas.asp.net/2015/03/dataProtection" p4:requiresEncryption="true"><value>c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI=</value></masterKey>""");

    private static byte[] NewSecret() => RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_key_is_sealed_so_its_secret_is_not_in_the_element_and_opens_to_the_same_xml()
    {
        var keys = new KeyRingKeys(NewSecret(), []);
        var sealedKey = new KeyRingEncryptor(keys).Encrypt(Secret);

        Assert.Equal(typeof(KeyRingDecryptor), sealedKey.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0", sealedKey.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(keys.Current.Id, sealedKey.EncryptedElement.Attribute("keyId")?.Value);
        Assert.True(XNode.DeepEquals(Secret, KeyRingEncryptor.Decrypt(sealedKey.EncryptedElement, keys)));
    }

    [Fact]
    public void The_same_key_sealed_twice_gives_different_ciphertexts()
    {
        var encryptor = new KeyRingEncryptor(new KeyRingKeys(NewSecret(), []));
        Assert.NotEqual(encryptor.Encrypt(Secret).EncryptedElement.Element("value")!.Value, encryptor.Encrypt(Secret).EncryptedElement.Element("value")!.Value);
    }

    [Fact]
    public void A_tampered_value_is_refused()
    {
        var keys = new KeyRingKeys(NewSecret(), []);
        var element = new KeyRingEncryptor(keys).Encrypt(Secret).EncryptedElement;
        var bytes = Convert.FromBase64String(element.Element("value")!.Value);
        bytes[20] ^= 1;
        element.Element("value")!.Value = Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => KeyRingEncryptor.Decrypt(element, keys));
    }

    [Fact]
    public void After_a_rotation_keys_written_under_the_previous_key_still_open_and_new_ones_use_the_new_key()
    {
        var old = NewSecret();
        var written = new KeyRingEncryptor(new KeyRingKeys(old, [])).Encrypt(Secret).EncryptedElement;

        var rotated = new KeyRingKeys(NewSecret(), [old]);
        Assert.True(XNode.DeepEquals(Secret, KeyRingEncryptor.Decrypt(written, rotated)));
        Assert.Equal(rotated.Current.Id, new KeyRingEncryptor(rotated).Encrypt(Secret).EncryptedElement.Attribute("keyId")?.Value);
        Assert.NotEqual(rotated.Current.Id, written.Attribute("keyId")?.Value);
    }

    [Fact]
    public void A_key_written_under_a_key_that_is_not_configured_names_both_keys()
    {
        var written = new KeyRingEncryptor(new KeyRingKeys(NewSecret(), [])).Encrypt(Secret).EncryptedElement;
        var other = new KeyRingKeys(NewSecret(), []);

        var error = Assert.ThrowsAny<CryptographicException>(() => KeyRingEncryptor.Decrypt(written, other));
        Assert.Contains(written.Attribute("keyId")!.Value, error.Message, StringComparison.Ordinal);
        Assert.Contains(other.Current.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("Security:PreviousKeyRingKeys", error.Message, StringComparison.Ordinal);
    }
}
