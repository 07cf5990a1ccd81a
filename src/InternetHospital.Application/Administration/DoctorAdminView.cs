using InternetHospital.Application.Doctors;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Administration;

public sealed record DoctorAdminView(
    Guid Id,
    DepartmentRef Department,
    DoctorProfileInput Profile,
    bool EligibleForOnlinePractice,
    bool HasPhoto,
    bool HasSchedule)
{
    internal static async Task<IReadOnlyList<DoctorAdminView>> QueryAsync(IAppDbContext db, IQueryable<Doctor> doctors, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in doctors.AsNoTracking()
            join dep in db.Departments on d.DepartmentId equals dep.Id
            orderby dep.Code, d.FullName
            select new { d, Department = new DepartmentRef(dep.Id, dep.Name, dep.NameEn), HasSchedule = db.ScheduleTemplates.Any(t => t.DoctorId == d.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DoctorAdminView(
            r.d.Id,
            r.Department,
            new DoctorProfileInput(r.d.FullName, r.d.DepartmentId, r.d.Title, r.d.TitleEn, r.d.IsFamilyDoctor, r.d.Specialties, r.d.SpecialtiesEn, r.d.Bio, r.d.BioEn, r.d.Languages, r.d.InPersonFee, r.d.VideoFee, r.d.LicenseNumber, r.d.PracticeSinceYear, r.d.OffersVideoVisits),
            r.d.IsEligibleForOnlinePractice(today),
            r.d.PhotoFileId is not null,
            r.HasSchedule)).ToList();
    }
}
