using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Application.Doctors;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Administration;

/// <summary>Facilities of the consortium (admin forms choose one for a new department).</summary>
public sealed record ListFacilities : IQuery<IReadOnlyList<FacilityRef>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListFacilities, IReadOnlyList<FacilityRef>>
    {
        public async ValueTask<IReadOnlyList<FacilityRef>> Handle(ListFacilities query, CancellationToken cancellationToken) =>
            await db.Facilities.OrderBy(f => f.Kind).ThenBy(f => f.Code).Select(f => new FacilityRef(f.Id, f.Name, f.NameEn)).ToListAsync(cancellationToken);
    }
}

/// <summary>Departments with their follow-up conditions (ICD-10 ranges), for the admin.</summary>
public sealed record ListDepartmentsForAdmin : IQuery<IReadOnlyList<DepartmentAdminView>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListDepartmentsForAdmin, IReadOnlyList<DepartmentAdminView>>
    {
        public async ValueTask<IReadOnlyList<DepartmentAdminView>> Handle(ListDepartmentsForAdmin query, CancellationToken cancellationToken)
        {
            var rows = await (
                from d in db.Departments.AsNoTracking()
                join f in db.Facilities on d.FacilityId equals f.Id
                join c in db.DepartmentConditions on d.Id equals c.DepartmentId into conditions
                from c in conditions.DefaultIfEmpty()
                orderby f.Kind, d.Code
                select new { d, f, Ranges = c == null ? null : c.Ranges, Doctors = db.Doctors.Count(doc => doc.DepartmentId == d.Id) })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new DepartmentAdminView(r.d.Id, r.d.Code, r.d.Name, r.d.NameEn, new FacilityRef(r.f.Id, r.f.Name, r.f.NameEn), r.Ranges ?? [], r.Doctors)).ToList();
        }
    }
}

public sealed record DepartmentAdminView(Guid Id, string Code, string Name, string NameEn, FacilityRef Facility, IReadOnlyList<string> Conditions, int Doctors);

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

    public sealed class Handler(IAppDbContext db, IAuditLog audit, ISender sender) : ICommandHandler<CreateDepartment, DepartmentAdminView>
    {
        public async ValueTask<DepartmentAdminView> Handle(CreateDepartment command, CancellationToken cancellationToken)
        {
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

    public sealed class Handler(IAppDbContext db, IAuditLog audit, ISender sender) : ICommandHandler<SetDepartmentConditions, DepartmentAdminView>
    {
        public async ValueTask<DepartmentAdminView> Handle(SetDepartmentConditions command, CancellationToken cancellationToken)
        {
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
