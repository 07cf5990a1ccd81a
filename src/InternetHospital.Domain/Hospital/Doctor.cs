using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Hospital;

/// <summary>A doctor's professional profile, attached to the account they sign in with.</summary>
public sealed class Doctor
{
    private Doctor()
    {
        FullName = Title = TitleEn = LicenseNumber = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string FullName { get; private set; }

    /// <summary>Professional title in Chinese, e.g. 主任医师.</summary>
    public string Title { get; private set; }

    public string TitleEn { get; private set; }
    public bool IsFamilyDoctor { get; private set; }

    /// <summary>Practising licence number (执业证书编号); required to practise online.</summary>
    public string LicenseNumber { get; private set; }

    /// <summary>The year independent practice began; online practice needs at least three years.</summary>
    public int PracticeSinceYear { get; private set; }

    public static Doctor Create(
        Guid accountId,
        Guid departmentId,
        string fullName,
        string title,
        string titleEn,
        bool isFamilyDoctor,
        string licenseNumber,
        int practiceSinceYear) => new()
    {
        Id = NewId.Next(),
        AccountId = accountId,
        DepartmentId = departmentId,
        FullName = fullName,
        Title = title,
        TitleEn = titleEn,
        IsFamilyDoctor = isFamilyDoctor,
        LicenseNumber = licenseNumber,
        PracticeSinceYear = practiceSinceYear,
    };

    /// <summary>Domain rule 5: a licence on file and at least three years of independent practice.</summary>
    public bool IsEligibleForOnlinePractice(DateOnly today) =>
        !string.IsNullOrWhiteSpace(LicenseNumber) && today.Year - PracticeSinceYear >= 3;
}
