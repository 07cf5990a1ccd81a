namespace InternetHospital.Domain.Patients;

/// <summary>The real-name identity document a patient registered with.</summary>
public enum IdDocumentType
{
    /// <summary>Chinese resident identity card (居民身份证), 18 characters, GB 11643-1999.</summary>
    ResidentId = 1,
    Passport = 2,
}
