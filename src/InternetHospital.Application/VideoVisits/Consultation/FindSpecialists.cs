namespace InternetHospital.Application.VideoVisits.Consultation;

/// <summary>Doctors of the consortium to invite into a visit, by name or department (either language).</summary>
public sealed record FindSpecialists(string Query) : IQuery<IReadOnlyList<SpecialistDto>>
{
    public sealed class Validator : AbstractValidator<FindSpecialists>
    {
        public Validator() => RuleFor(x => x.Query).NotEmpty().MaximumLength(60);
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<FindSpecialists, IReadOnlyList<SpecialistDto>>
    {
        public async ValueTask<IReadOnlyList<SpecialistDto>> Handle(FindSpecialists query, CancellationToken cancellationToken)
        {
            var me = currentUser.RequireAccountId();
            var text = query.Query.Trim().ToLower();
            return await (
                from doctor in db.Doctors.AsNoTracking()
                join department in db.Departments.AsNoTracking() on doctor.DepartmentId equals department.Id
                join facility in db.Facilities.AsNoTracking() on department.FacilityId equals facility.Id
                where doctor.AccountId != me
                      && (doctor.FullName.ToLower().Contains(text) || department.Name.ToLower().Contains(text) || department.NameEn.ToLower().Contains(text))
                orderby department.Code, doctor.FullName
                select new SpecialistDto(doctor.Id, doctor.FullName, doctor.Title, doctor.TitleEn, department.Name, department.NameEn, facility.Name, facility.NameEn))
                .Take(20)
                .ToListAsync(cancellationToken);
        }
    }
}

public sealed record SpecialistDto(Guid DoctorId, string Name, string Title, string TitleEn, string Department, string DepartmentEn, string Facility, string FacilityEn);
