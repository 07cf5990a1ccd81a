using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>One report with its values, units, reference ranges, flags and plain-language notes. Another patient's report, or one not released yet, is 404.</summary>
public sealed record GetMyResult(Guid PatientId, Guid ReportId) : IQuery<ResultDetail>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : IQueryHandler<GetMyResult, ResultDetail>
    {
        public async ValueTask<ResultDetail> Handle(GetMyResult query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Results, cancellationToken);
            var patient = await db.PatientAsync(query.PatientId, cancellationToken);
            var report = (patient.HisPatientId is { } hisPatientId
                    ? await db.LabReports.AsNoTracking().Include(r => r.Observations)
                        .VisibleTo(hisPatientId, clock.GetUtcNow())
                        .SingleOrDefaultAsync(r => r.Id == query.ReportId, cancellationToken)
                    : null)
                ?? throw new NotFoundException(nameof(LabReport), query.ReportId);

            audit.Record("results.read", nameof(LabReport), report.Id.ToString(), patient.Id);
            return ResultMapping.Detail(report, patient.Id);
        }
    }
}
