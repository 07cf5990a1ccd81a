using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>The signed-in doctor's sensitive reports that the patient cannot see yet, soonest automatic release first.</summary>
public sealed record ListResultsToRelease : IQuery<IReadOnlyList<ResultToRelease>>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess doctors, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListResultsToRelease, IReadOnlyList<ResultToRelease>>
    {
        public async ValueTask<IReadOnlyList<ResultToRelease>> Handle(ListResultsToRelease query, CancellationToken cancellationToken)
        {
            var doctor = await doctors.CurrentDoctorAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await (
                from r in db.LabReports.AsNoTracking()
                where r.OrderingDoctorLicence == doctor.LicenseNumber && r.Sensitive && r.ReleasedAt == null && r.ReleaseDueAt > now
                join p in db.Patients.AsNoTracking() on r.HisPatientId equals p.HisPatientId into linked
                from p in linked.DefaultIfEmpty()
                orderby r.ReleaseDueAt
                select new { Report = r, PatientId = (Guid?)p.Id, PatientName = p.FullName })
                .Take(200)
                .ToListAsync(cancellationToken);
            foreach (var patientId in rows.Select(r => r.PatientId).Distinct())
            {
                audit.Record("results.release_queue_read", nameof(LabReport), null, patientId);
            }

            return rows.Select(r =>
            {
                var test = LabCatalogue.Find(r.Report.Code, r.Report.CodeSystem);
                return new ResultToRelease(r.Report.Id, r.PatientId, r.PatientName, r.Report.Name, test?.NameZh, test?.NameEn, r.Report.IssuedAt, r.Report.ReleaseDueAt!.Value);
            }).ToList();
        }
    }
}

/// <param name="PatientId">Null while no portal patient is linked to the report's HIS patient.</param>
public sealed record ResultToRelease(Guid Id, Guid? PatientId, string? PatientName, string Name, string? NameZh, string? NameEn, DateTimeOffset IssuedAt, DateTimeOffset ReleasesAt);
