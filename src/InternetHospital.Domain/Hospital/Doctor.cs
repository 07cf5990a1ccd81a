using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Hospital;

/// <summary>A doctor's professional profile, attached to the account they sign in with.</summary>
public sealed class Doctor
{
    private Doctor()
    {
        FullName = Title = TitleEn = LicenseNumber = string.Empty;
        Specialties = SpecialtiesEn = Bio = BioEn = string.Empty;
        Languages = [];
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

    /// <summary>What the doctor treats, in Chinese (e.g. 高血压、冠心病), shown when patients look for care.</summary>
    public string Specialties { get; private set; }

    public string SpecialtiesEn { get; private set; }
    public string Bio { get; private set; }
    public string BioEn { get; private set; }

    /// <summary>Languages the doctor consults in, as BCP 47 tags (<c>zh-CN</c>, <c>en</c>, ...).</summary>
    public string[] Languages { get; private set; }

    /// <summary>A portrait uploaded through the file store, if any.</summary>
    public Guid? PhotoFileId { get; private set; }

    /// <summary>The consultation fee of an in-person outpatient visit, in the hospital's currency.</summary>
    public decimal InPersonFee { get; private set; }

    /// <summary>The consultation fee of a video follow-up visit.</summary>
    public decimal VideoFee { get; private set; }

    /// <summary>Whether the hospital lets this doctor see patients on video at all (on top of rule 5's licence and years).</summary>
    public bool OffersVideoVisits { get; private set; }

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
        Languages = ["zh-CN"],
    };

    /// <summary>Domain rule 5: a licence on file and at least three years of independent practice.</summary>
    public bool IsEligibleForOnlinePractice(DateOnly today) =>
        !string.IsNullOrWhiteSpace(LicenseNumber) && today.Year - PracticeSinceYear >= 3;

    /// <summary>Whether a video visit with this doctor may be scheduled today (rule 5 and the hospital's own switch).</summary>
    public bool CanSeeOnVideo(DateOnly today) => OffersVideoVisits && IsEligibleForOnlinePractice(today);

    public decimal FeeFor(VisitType visitType) => visitType == VisitType.Video ? VideoFee : InPersonFee;

    /// <summary>What patients read about the doctor. Titles and names are the admin's to keep right.</summary>
    public void UpdateProfile(
        string fullName,
        Guid departmentId,
        string title,
        string titleEn,
        bool isFamilyDoctor,
        string specialties,
        string specialtiesEn,
        string bio,
        string bioEn,
        IEnumerable<string> languages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        var distinct = languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            throw new DomainRuleException("doctor_needs_a_language", "A doctor consults in at least one language.");
        }

        FullName = fullName.Trim();
        DepartmentId = departmentId;
        Title = title.Trim();
        TitleEn = titleEn.Trim();
        IsFamilyDoctor = isFamilyDoctor;
        Specialties = specialties.Trim();
        SpecialtiesEn = specialtiesEn.Trim();
        Bio = bio.Trim();
        BioEn = bioEn.Trim();
        Languages = distinct;
    }

    /// <summary>Records the licence and practice years an admin verified (rule 5).</summary>
    public void RecordLicence(string licenseNumber, int practiceSinceYear)
    {
        LicenseNumber = licenseNumber.Trim();
        PracticeSinceYear = practiceSinceYear;
    }

    public void SetFees(decimal inPersonFee, decimal videoFee)
    {
        if (inPersonFee < 0 || videoFee < 0)
        {
            throw new DomainRuleException("invalid_fee", "A fee cannot be negative.");
        }

        InPersonFee = decimal.Round(inPersonFee, 2);
        VideoFee = decimal.Round(videoFee, 2);
    }

    /// <summary>Turns video visits on or off; on needs rule 5 to be met.</summary>
    public void SetVideoVisits(bool offered, DateOnly today)
    {
        if (offered && !IsEligibleForOnlinePractice(today))
        {
            throw new DomainRuleException(
                "doctor_not_eligible_for_video",
                "Online practice needs a licence number on file and at least three years of independent practice.");
        }

        OffersVideoVisits = offered;
    }

    public void SetPhoto(Guid? fileId) => PhotoFileId = fileId;
}
