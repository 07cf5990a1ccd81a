using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>What a package offers, in both languages, as an admin sets it.</summary>
public sealed record ServicePackageInput(
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    IReadOnlyList<string> Includes,
    IReadOnlyList<string> IncludesEn,
    decimal AnnualFee,
    string? ConditionCode,
    string? FollowUpTemplateCode,
    int DisplayOrder,
    int? Version = null);

internal sealed class ServicePackageInputValidator : AbstractValidator<ServicePackageInput>
{
    public ServicePackageInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Description).NotNull().MaximumLength(500);
        RuleFor(x => x.DescriptionEn).NotNull().MaximumLength(500);
        RuleFor(x => x.Includes).NotEmpty().Must(i => i is null || string.Join('\n', i).Length <= 2000).WithLocalizedMessage("list_too_long");
        RuleFor(x => x.IncludesEn).NotEmpty().Must(i => i is null || string.Join('\n', i).Length <= 2000).WithLocalizedMessage("list_too_long");
        RuleForEach(x => x.Includes).NotEmpty().Must(i => i is null || !i.Contains('\n')).WithLocalizedMessage("one_item_per_entry");
        RuleForEach(x => x.IncludesEn).NotEmpty().Must(i => i is null || !i.Contains('\n')).WithLocalizedMessage("one_item_per_entry");
        RuleFor(x => x.AnnualFee).InclusiveBetween(0, 100_000).PrecisionScale(10, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.ConditionCode).Must(c => c is null || ChronicConditions.IsKnown(c)).WithLocalizedMessage("unknown_chronic_condition");
        RuleFor(x => x.FollowUpTemplateCode).Must(c => c is null || FollowUpTemplates.Find(c) is not null).WithLocalizedMessage("unknown_follow_up_plan");
        RuleFor(x => x.DisplayOrder).InclusiveBetween(0, 1000);
    }
}
