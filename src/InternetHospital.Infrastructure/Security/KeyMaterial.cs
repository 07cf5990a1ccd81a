using System.Security.Cryptography;

namespace InternetHospital.Infrastructure.Security;

/// <summary>
/// Loads secret keys from configuration; in Development (and tests) generates them once and keeps them in the
/// data directory so restarts keep sessions valid. Production refuses to start without configured keys.
/// </summary>
internal static class KeyMaterial
{
    public static RSA LoadRsa(string? pem, string developmentFile, bool mayGenerate, string settingName)
    {
        var rsa = RSA.Create();
        if (!string.IsNullOrWhiteSpace(pem))
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }

        if (!mayGenerate)
        {
            throw new InvalidOperationException($"Configuration '{settingName}' is required outside Development: set it to a PEM-encoded RSA private key (2048 bits or more).");
        }

        if (File.Exists(developmentFile))
        {
            rsa.ImportFromPem(File.ReadAllText(developmentFile));
            return rsa;
        }

        rsa.KeySize = 2048;
        WriteSecretFile(developmentFile, rsa.ExportPkcs8PrivateKeyPem());
        return rsa;
    }

    /// <summary>An EC P-256 private key (PEM) from configuration; in Development generated once and kept like the others.</summary>
    public static ECDsa LoadEcdsa(string? pem, string developmentFile, bool mayGenerate, string settingName)
    {
        var key = ECDsa.Create();
        if (!string.IsNullOrWhiteSpace(pem))
        {
            key.ImportFromPem(pem);
        }
        else if (!mayGenerate)
        {
            throw new InvalidOperationException($"Configuration '{settingName}' is required outside Development: set it to a PEM-encoded EC P-256 private key.");
        }
        else if (File.Exists(developmentFile))
        {
            key.ImportFromPem(File.ReadAllText(developmentFile));
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            WriteSecretFile(developmentFile, key.ExportPkcs8PrivateKeyPem());
            key.ImportFromPem(File.ReadAllText(developmentFile));
        }

        if (key.KeySize != 256)
        {
            throw new InvalidOperationException($"Configuration '{settingName}' must be an EC P-256 key (ES256).");
        }

        return key;
    }

    public static byte[] LoadSecret(string? base64, string developmentFile, bool mayGenerate, string settingName)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException($"Configuration '{settingName}' must be at least 32 bytes (base64).");
            }

            return bytes;
        }

        if (!mayGenerate)
        {
            throw new InvalidOperationException($"Configuration '{settingName}' is required outside Development: set it to 32 or more random bytes, base64-encoded.");
        }

        if (File.Exists(developmentFile))
        {
            return Convert.FromBase64String(File.ReadAllText(developmentFile).Trim());
        }

        var secret = RandomNumberGenerator.GetBytes(32);
        WriteSecretFile(developmentFile, Convert.ToBase64String(secret));
        return secret;
    }

    private static void WriteSecretFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Note: two processes starting at once (tests) may both generate; the first file to land wins for both.
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
