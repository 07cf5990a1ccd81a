namespace InternetHospital.Application.Doctors;

/// <summary>The signed-in doctor's own professional profile (the header of their workspace).</summary>
public sealed record GetMyDoctorProfile : IQuery<DoctorProfile>
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetMyDoctorProfile, DoctorProfile>
    {
        public async ValueTask<DoctorProfile> Handle(GetMyDoctorProfile query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var row = await (
                from doctor in db.Doctors
                join department in db.Departments on doctor.DepartmentId equals department.Id
                join facility in db.Facilities on department.FacilityId equals facility.Id
                where doctor.AccountId == accountId
                select new { doctor, department, facility })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Doctor profile");

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return new DoctorProfile(
                row.doctor.Id,
                row.doctor.FullName,
                row.doctor.Title,
                row.doctor.TitleEn,
                new DepartmentRef(row.department.Id, row.department.Name, row.department.NameEn),
                new FacilityRef(row.facility.Id, row.facility.Name, row.facility.NameEn),
                row.doctor.IsFamilyDoctor,
                row.doctor.IsEligibleForOnlinePractice(today));
        }
    }
}

public sealed record DoctorProfile(
    Guid Id,
    string Name,
    string Title,
    string TitleEn,
    DepartmentRef Department,
    FacilityRef Facility,
    bool IsFamilyDoctor,
    bool EligibleForOnlinePractice);

public sealed record DepartmentRef(Guid Id, string Name, string NameEn);

public sealed record FacilityRef(Guid Id, string Name, string NameEn);
