using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>An admin changes what a package offers. Its code stays; signed contracts keep pointing at it.</summary>
public sealed record UpdateServicePackage(Guid PackageId, ServicePackageInput Package) : ICommand<PackageView>
{
    public sealed class Validator : AbstractValidator<UpdateServicePackage>
    {
        public Validator()
        {
            RuleFor(x => x.Package).NotNull().SetValidator(new ServicePackageInputValidator());
            RuleFor(x => x.Package.Version).NotNull().WithLocalizedMessage("package_version_required").When(x => x.Package is not null);
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit) : ICommandHandler<UpdateServicePackage, PackageView>
    {
        public async ValueTask<PackageView> Handle(UpdateServicePackage command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync("ServicePackage", cancellationToken);
            var package = await db.ServicePackages.SingleOrDefaultAsync(x => x.Id == command.PackageId, cancellationToken)
                ?? throw new NotFoundException("Service package", command.PackageId);
            var p = command.Package;
            package.Revise(p.Version!.Value);
            package.Update(p.Name, p.NameEn, p.Description, p.DescriptionEn, p.Includes, p.IncludesEn, p.AnnualFee, p.ConditionCode, p.FollowUpTemplateCode, p.DisplayOrder);
            audit.Record("family.package.updated", nameof(ServicePackage), package.Id.ToString(), null, package.Code);
            return PackageView.From(package);
        }
    }
}
