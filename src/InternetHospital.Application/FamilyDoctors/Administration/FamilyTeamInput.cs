namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>The names, place and doctors of a team as an admin sets them. <c>DoctorIds</c> are all its doctors, the lead included.</summary>
public sealed record FamilyTeamInput(
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    Guid FacilityId,
    Guid? DepartmentId,
    Guid LeadDoctorId,
    IReadOnlyList<Guid> DoctorIds,
    bool AcceptingApplications,
    int? Version = null,
    IReadOnlyList<Guid>? PackageIds = null);

internal sealed class FamilyTeamInputValidator : AbstractValidator<FamilyTeamInput>
{
    public FamilyTeamInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Description).NotNull().MaximumLength(500);
        RuleFor(x => x.DescriptionEn).NotNull().MaximumLength(500);
        RuleFor(x => x.FacilityId).NotEmpty();
        RuleFor(x => x.LeadDoctorId).NotEmpty();
        RuleFor(x => x.DoctorIds).NotNull();

        // Note: rules on a list run after NotNull has failed too (FluentValidation continues by default), so they guard null themselves.
        RuleFor(x => x.DoctorIds).Must(ids => ids.Distinct().Count() == ids.Count).When(x => x.DoctorIds is not null).WithLocalizedMessage("duplicate_doctor");
        RuleFor(x => x.DoctorIds).Must(ids => ids.Count <= 30).When(x => x.DoctorIds is not null).WithLocalizedMessage("too_many_doctors", 30);
        RuleFor(x => x.PackageIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(x => x.PackageIds is not null).WithLocalizedMessage("duplicate_package");
    }
}
