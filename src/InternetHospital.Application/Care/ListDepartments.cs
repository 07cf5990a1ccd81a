using InternetHospital.Application.Doctors;

namespace InternetHospital.Application.Care;

/// <summary>The departments patients can book with, by facility, with how many doctors each has.</summary>
public sealed record ListDepartments : IQuery<IReadOnlyList<DepartmentSummary>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListDepartments, IReadOnlyList<DepartmentSummary>>
    {
        public async ValueTask<IReadOnlyList<DepartmentSummary>> Handle(ListDepartments query, CancellationToken cancellationToken) =>
            await (
                from d in db.Departments
                join f in db.Facilities on d.FacilityId equals f.Id
                orderby f.Kind, d.Code
                select new DepartmentSummary(d.Id, d.Code, d.Name, d.NameEn, new FacilityRef(f.Id, f.Name, f.NameEn), db.Doctors.Count(doc => doc.DepartmentId == d.Id)))
                .ToListAsync(cancellationToken);
    }
}

public sealed record DepartmentSummary(Guid Id, string Code, string Name, string NameEn, FacilityRef Facility, int Doctors);
