using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Administration;

/// <summary>An admin sets which conditions (ICD-10 categories or ranges) a department follows up online.</summary>
public sealed record SetDepartmentConditions(Guid DepartmentId, IReadOnlyList<string> Conditions) : ICommand<DepartmentAdminView>
{
    public sealed class Validator : AbstractValidator<SetDepartmentConditions>
    {
        public Validator()
        {
            RuleFor(x => x.Conditions).NotNull();
            RuleForEach(x => x.Conditions).Must(c => Icd10Range.TryParse(c, out _)).WithLocalizedMessage("invalid_icd10_range");
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit, ISender sender) : ICommandHandler<SetDepartmentConditions, DepartmentAdminView>
    {
        public async ValueTask<DepartmentAdminView> Handle(SetDepartmentConditions command, CancellationToken cancellationToken)
        {
            await scope.EnsureDepartmentAsync(command.DepartmentId, cancellationToken);
            if (!await db.Departments.AnyAsync(d => d.Id == command.DepartmentId, cancellationToken))
            {
                throw new NotFoundException("Department", command.DepartmentId);
            }

            var conditions = await db.DepartmentConditions.SingleOrDefaultAsync(c => c.DepartmentId == command.DepartmentId, cancellationToken);
            if (conditions is null)
            {
                db.DepartmentConditions.Add(DepartmentConditions.Create(command.DepartmentId, command.Conditions));
            }
            else
            {
                conditions.Replace(command.Conditions);
            }

            audit.Record("department.conditions_changed", nameof(Department), command.DepartmentId.ToString(), null, string.Join(',', command.Conditions));
            await db.SaveChangesAsync(cancellationToken);
            return (await sender.Send(new ListDepartmentsForAdmin(), cancellationToken)).Single(d => d.Id == command.DepartmentId);
        }
    }
}
