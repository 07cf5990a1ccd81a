namespace InternetHospital.Application.Consultations;

/// <summary>Whom a doctor can ask: the departments and doctors of the consortium's other institutions.</summary>
public sealed record ListConsultationTargets : IQuery<IReadOnlyList<ConsultationTargetInstitution>>
{
    public sealed class Handler(IAppDbContext db, ConsultationAccess access) : IQueryHandler<ListConsultationTargets, IReadOnlyList<ConsultationTargetInstitution>>
    {
        public async ValueTask<IReadOnlyList<ConsultationTargetInstitution>> Handle(ListConsultationTargets query, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            var facilities = await db.Facilities.AsNoTracking().Where(f => f.Id != me.FacilityId).OrderBy(f => f.Code).ToListAsync(cancellationToken);
            var facilityIds = facilities.Select(f => f.Id).ToList();
            var departments = await db.Departments.AsNoTracking().Where(d => facilityIds.Contains(d.FacilityId)).OrderBy(d => d.Code).ToListAsync(cancellationToken);
            var departmentIds = departments.Select(d => d.Id).ToList();
            var doctors = await db.Doctors.AsNoTracking().Where(d => departmentIds.Contains(d.DepartmentId)).OrderBy(d => d.FullName).ToListAsync(cancellationToken);
            return facilities.Select(f => new ConsultationTargetInstitution(
                f.Id,
                f.Name,
                f.NameEn,
                departments.Where(d => d.FacilityId == f.Id).Select(d => new ConsultationTargetDepartment(
                    d.Id,
                    d.Name,
                    d.NameEn,
                    doctors.Where(doc => doc.DepartmentId == d.Id).Select(doc => new ConsultationTargetDoctor(doc.Id, doc.FullName, doc.Title, doc.TitleEn)).ToList())).ToList())).ToList();
        }
    }
}

public sealed record ConsultationTargetInstitution(Guid Id, string Name, string NameEn, IReadOnlyList<ConsultationTargetDepartment> Departments);

public sealed record ConsultationTargetDepartment(Guid Id, string Name, string NameEn, IReadOnlyList<ConsultationTargetDoctor> Doctors);

public sealed record ConsultationTargetDoctor(Guid Id, string Name, string Title, string TitleEn);
