using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>
/// One value over time (oldest first, as a chart draws it), gathered by LOINC code whether the HIS sent LOINC or its
/// own code. Only released reports count. A code the patient has no values for answers an empty trend.
/// </summary>
public sealed record GetMyResultTrend(Guid PatientId, string Code) : IQuery<ResultTrend>
{
    /// <summary>At most this many points (years of monthly tests).</summary>
    public const int MaxPoints = 200;

    public sealed class Validator : AbstractValidator<GetMyResultTrend>
    {
        public Validator() => RuleFor(x => x.Code).NotEmpty().MaximumLength(64);
    }

    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : IQueryHandler<GetMyResultTrend, ResultTrend>
    {
        public async ValueTask<ResultTrend> Handle(GetMyResultTrend query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Results, cancellationToken);
            var patient = await db.PatientAsync(query.PatientId, cancellationToken);
            var key = LabCatalogue.TrendKey(query.Code.Trim(), null);
            var values = new List<(LabReport Report, LabObservation Value)>();
            if (patient.HisPatientId is { } hisPatientId)
            {
                // Note: the catalogue's mapping of local codes is not in the database, so the patient's released reports
                // are read and the values picked here (a patient has tens of reports, not thousands).
                var reports = await db.LabReports.AsNoTracking().Include(r => r.Observations)
                    .VisibleTo(hisPatientId, clock.GetUtcNow())
                    .OrderByDescending(r => r.IssuedAt)
                    .Take(MaxPoints)
                    .ToListAsync(cancellationToken);
                values.AddRange(reports
                    .SelectMany(r => r.Observations.Where(o => o.Value is not null && LabCatalogue.TrendKey(o.Code, o.CodeSystem) == key).Select(o => (r, o))));
            }

            audit.Record("results.trend_read", nameof(LabReport), null, patient.Id, $"code={key}");
            var points = values
                .Select(v => new TrendPoint(v.Report.Id, v.Value.ObservedAt ?? v.Report.IssuedAt, v.Value.Value!.Value, v.Value.Unit, v.Value.Flag))
                .OrderBy(p => p.At)
                .ToList();
            var latest = values.OrderByDescending(v => v.Value.ObservedAt ?? v.Report.IssuedAt).Select(v => v.Value).FirstOrDefault();
            var test = LabCatalogue.Find(key, null);
            return new ResultTrend(key, latest?.Name ?? key, test?.NameZh, test?.NameEn, test?.NoteZh, test?.NoteEn, latest?.Unit, latest?.Low, latest?.High, points);
        }
    }
}
