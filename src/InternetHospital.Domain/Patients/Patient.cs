using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Patients;

/// <summary>
/// A person who receives care, registered under their real identity. Not the same thing as an
/// account (a person who signs in): one account may act for several patients (itself, a child,
/// an elderly parent), through <see cref="PatientAccess"/>.
/// </summary>
public sealed class Patient
{
    private Patient()
    {
        FullName = string.Empty;
        IdNumberCiphertext = string.Empty;
        IdNumberHash = string.Empty;
        IdNumberMasked = string.Empty;
        Mobile = string.Empty;
    }

    public Guid Id { get; private set; }
    public string FullName { get; private set; }
    public IdDocumentType IdType { get; private set; }

    /// <summary>The identity number, encrypted at rest; only the infrastructure can read it.</summary>
    public string IdNumberCiphertext { get; private set; }

    /// <summary>A keyed hash of the normalised identity number, so duplicates can be found without decrypting.</summary>
    public string IdNumberHash { get; private set; }

    /// <summary>What every screen shows, e.g. <c>4401**********1234</c>.</summary>
    public string IdNumberMasked { get; private set; }

    public DateOnly DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }
    public string Mobile { get; private set; }

    /// <summary>The patient's identifier in the hospital's HIS once the identity has been matched.</summary>
    public string? HisPatientId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Patient Register(
        string fullName,
        IdDocumentType idType,
        ProtectedIdentifier idNumber,
        DateOnly dateOfBirth,
        Sex sex,
        string mobile,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        ArgumentNullException.ThrowIfNull(idNumber);
        return new Patient
        {
            Id = NewId.Next(),
            FullName = fullName.Trim(),
            IdType = idType,
            IdNumberCiphertext = idNumber.Ciphertext,
            IdNumberHash = idNumber.Hash,
            IdNumberMasked = idNumber.Masked,
            DateOfBirth = dateOfBirth,
            Sex = sex,
            Mobile = mobile.Trim(),
            RegisteredAt = now,
        };
    }

    public void LinkToHis(string hisPatientId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hisPatientId);
        HisPatientId = hisPatientId;
    }

    /// <summary>Age in whole years on a given day.</summary>
    public int AgeOn(DateOnly day) => AgeOf(DateOfBirth, day);

    /// <summary>Age in whole years on a given day of a person born on <paramref name="dateOfBirth"/>.</summary>
    public static int AgeOf(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        if (dateOfBirth > day.AddYears(-age))
        {
            age--;
        }

        return age;
    }
}

/// <summary>An identity number as stored: encrypted, a keyed hash for look-ups, and the masked form for display.</summary>
public sealed record ProtectedIdentifier(string Ciphertext, string Hash, string Masked);
