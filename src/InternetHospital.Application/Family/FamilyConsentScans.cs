namespace InternetHospital.Application.Family;

/// <summary>The stored purpose of a scanned, signed paper consent (for a person without phone or e-mail).</summary>
public static class FamilyConsentScans
{
    public const string Purpose = "family-consent";
}
