namespace InternetHospital.Application.Administration;

/// <summary>The profile fields an admin sets (name, department, title, what they treat, languages, fees, licence, video).</summary>
public sealed record DoctorProfileInput(
    string FullName,
    Guid DepartmentId,
    string Title,
    string TitleEn,
    bool IsFamilyDoctor,
    string Specialties,
    string SpecialtiesEn,
    string Bio,
    string BioEn,
    IReadOnlyList<string> Languages,
    decimal InPersonFee,
    decimal VideoFee,
    string LicenseNumber,
    int PracticeSinceYear,
    bool OffersVideoVisits);

internal sealed class DoctorProfileInputValidator : AbstractValidator<DoctorProfileInput>
{
    public DoctorProfileInputValidator()
    {
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.DepartmentId).NotEmpty();
        RuleFor(x => x.Title).MaximumLength(50);
        RuleFor(x => x.TitleEn).MaximumLength(50);
        RuleFor(x => x.Specialties).MaximumLength(500);
        RuleFor(x => x.SpecialtiesEn).MaximumLength(500);
        RuleFor(x => x.Bio).MaximumLength(4000);
        RuleFor(x => x.BioEn).MaximumLength(4000);
        RuleFor(x => x.Languages).NotEmpty();
        RuleForEach(x => x.Languages).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$").WithLocalizedMessage("invalid_language_tag");
        RuleFor(x => x.InPersonFee).InclusiveBetween(0, 100_000);
        RuleFor(x => x.VideoFee).InclusiveBetween(0, 100_000);
        RuleFor(x => x.LicenseNumber).MaximumLength(32);
        RuleFor(x => x.PracticeSinceYear).InclusiveBetween(1950, 2100);
    }
}
