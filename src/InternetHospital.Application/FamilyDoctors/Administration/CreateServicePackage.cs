using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>An admin adds a service package (服务包) patients can choose when they sign with a team.</summary>
public sealed record CreateServicePackage(string Code, ServicePackageInput Package) : ICommand<PackageView>
{
    public sealed class Validator : AbstractValidator<CreateServicePackage>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[a-z0-9-]+$").WithLocalizedMessage("invalid_package_code");
            RuleFor(x => x.Package).NotNull().SetValidator(new ServicePackageInputValidator());
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit) : ICommandHandler<CreateServicePackage, PackageView>
    {
        public async ValueTask<PackageView> Handle(CreateServicePackage command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync("ServicePackage", cancellationToken);
            var p = command.Package;
            var package = ServicePackage.Create(command.Code.Trim(), p.Name, p.NameEn, p.Description, p.DescriptionEn, p.Includes, p.IncludesEn, p.AnnualFee, p.ConditionCode, p.FollowUpTemplateCode, p.DisplayOrder);
            db.ServicePackages.Add(package);
            audit.Record("family.package.created", nameof(ServicePackage), package.Id.ToString(), null, package.Code);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException)
            {
                throw new DomainConflictException("duplicate_package_code", "A service package with this code already exists.");
            }

            return PackageView.From(package);
        }
    }
}
