using InternetHospital.Application.Doctors;

namespace InternetHospital.Application.Administration;

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
