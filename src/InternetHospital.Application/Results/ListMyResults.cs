using InternetHospital.Application.His;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Results;

/// <summary>
/// "My results" (报告查询): the patient's lab reports, newest first. Reports the HIS serves through its read port are
/// taken in first (the ones sent over MLLP are already here); when the HIS cannot be reached, what the portal holds is
/// listed and the answer says so. Sensitive reports appear once released.
/// </summary>
public sealed record ListMyResults(Guid PatientId) : IQuery<ResultsList>
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        IHisReader his,
        LabResultIntake intake,
        IAuditLog audit,
        IOptions<ResultsOptions> options,
        TimeProvider clock) : IQueryHandler<ListMyResults, ResultsList>
    {
        public async ValueTask<ResultsList> Handle(ListMyResults query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Results, cancellationToken);
            var patient = await db.PatientAsync(query.PatientId, cancellationToken);
            if (patient.HisPatientId is not { } hisPatientId)
            {
                audit.Record("results.listed", nameof(Patient), patient.Id.ToString(), patient.Id);
                return new ResultsList(patient.Id, HisLinked: false, HisStale: false, []);
            }

            var stale = false;
            try
            {
                var fromHis = await his.GetLabReportsAsync(hisPatientId, cancellationToken);
                stale = fromHis.IsStale;
                var changed = false;
                foreach (var report in fromHis.Value)
                {
                    try
                    {
                        changed |= await intake.StoreAsync(hisPatientId, report, messageControlId: null, cancellationToken) != LabIntakeOutcome.Unchanged;
                    }
                    catch (LabReportConflictException)
                    {
                        // Another patient's report id: not taken in, never shown here (the MLLP path answers the HIS AE).
                    }
                }

                if (changed)
                {
                    // Note: the one read-back: the list below is read from the database, so what was taken in is saved first.
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (HisUnavailableException)
            {
                stale = true;
            }

            var reports = await db.LabReports.AsNoTracking()
                .Include(r => r.Observations)
                .VisibleTo(hisPatientId, clock.GetUtcNow())
                .OrderByDescending(r => r.IssuedAt)
                .Take(options.Value.ListLimit)
                .ToListAsync(cancellationToken);
            audit.Record("results.listed", nameof(Patient), patient.Id.ToString(), patient.Id, $"count={reports.Count}");
            return new ResultsList(patient.Id, HisLinked: true, stale, reports.Select(ResultMapping.Summary).ToList());
        }
    }
}
