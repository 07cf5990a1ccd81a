using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Administration;

/// <summary>An admin adds a department to a facility, with the conditions it follows up online.</summary>
public sealed record CreateDepartment(Guid FacilityId, string Code, string Name, string NameEn, IReadOnlyList<string> Conditions) : ICommand<DepartmentAdminView>
{
    public sealed class Validator : AbstractValidator<CreateDepartment>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Z0-9_-]+$").WithLocalizedMessage("invalid_department_code");
            RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
            RuleForEach(x => x.Conditions).Must(c => Icd10Range.TryParse(c, out _)).WithLocalizedMessage("invalid_icd10_range");
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit, ISender sender) : ICommandHandler<CreateDepartment, DepartmentAdminView>
    {
        public async ValueTask<DepartmentAdminView> Handle(CreateDepartment command, CancellationToken cancellationToken)
        {
            await scope.EnsureAsync(command.FacilityId, "Facility", command.FacilityId, cancellationToken);
            if (!await db.Facilities.AnyAsync(f => f.Id == command.FacilityId, cancellationToken))
            {
                throw new NotFoundException("Facility", command.FacilityId);
            }

            var department = Department.Create(command.FacilityId, command.Code.Trim(), command.Name.Trim(), command.NameEn.Trim());
            db.Departments.Add(department);
            db.DepartmentConditions.Add(DepartmentConditions.Create(department.Id, command.Conditions));
            audit.Record("department.created", nameof(Department), department.Id.ToString(), null);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException)
            {
                throw new DomainConflictException("duplicate_department_code", "A department with this code already exists.");
            }

            return (await sender.Send(new ListDepartmentsForAdmin(), cancellationToken)).Single(d => d.Id == department.Id);
        }
    }
}
