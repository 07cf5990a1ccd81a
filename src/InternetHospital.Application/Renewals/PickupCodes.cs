namespace InternetHospital.Application.Renewals;

/// <summary>Pickup codes: 8 random digits from a cryptographic generator, shown to the patient as a QR code.</summary>
public interface IPickupCodes
{
    string Next();
}

internal sealed class RandomPickupCodes : IPickupCodes
{
    public string Next() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}
