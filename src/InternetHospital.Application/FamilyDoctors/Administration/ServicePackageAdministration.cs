using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>The service packages on offer, in display order, for the admin (the view patients get, which carries every field the admin sets).</summary>
public sealed record ListServicePackagesForAdmin : IQuery<IReadOnlyList<PackageView>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListServicePackagesForAdmin, IReadOnlyList<PackageView>>
    {
        public async ValueTask<IReadOnlyList<PackageView>> Handle(ListServicePackagesForAdmin query, CancellationToken cancellationToken) =>
            (await db.ServicePackages.AsNoTracking().OrderBy(p => p.DisplayOrder).ThenBy(p => p.Code).ToListAsync(cancellationToken))
                .Select(PackageView.From)
                .ToList();
    }
}

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

    public sealed class Handler(IAppDbContext db, IAuditLog audit) : ICommandHandler<CreateServicePackage, PackageView>
    {
        public async ValueTask<PackageView> Handle(CreateServicePackage command, CancellationToken cancellationToken)
        {
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

    public sealed class Handler(IAppDbContext db, IAuditLog audit) : ICommandHandler<UpdateServicePackage, PackageView>
    {
        public async ValueTask<PackageView> Handle(UpdateServicePackage command, CancellationToken cancellationToken)
        {
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
