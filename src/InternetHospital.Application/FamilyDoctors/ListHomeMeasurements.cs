using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A patient's own home readings of the last days, oldest first (as the charts draw them), with the targets.</summary>
public sealed record ListHomeMeasurements(Guid PatientId, int Days = 90) : IQuery<MeasurementHistory>
{
    public sealed class Validator : AbstractValidator<ListHomeMeasurements>
    {
        public Validator() => RuleFor(x => x.Days).InclusiveBetween(1, 366);
    }

    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListHomeMeasurements, MeasurementHistory>
    {
        public async ValueTask<MeasurementHistory> Handle(ListHomeMeasurements query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Results, cancellationToken);
            var items = await HomeMeasurements.RecentAsync(db, query.PatientId, clock.GetUtcNow().AddDays(-query.Days), cancellationToken);
            audit.Record("family.measurements.read", nameof(HomeMeasurement), null, query.PatientId);
            return new MeasurementHistory(items, MeasurementTargets.Current);
        }
    }
}

internal static class HomeMeasurements
{
    /// <summary>At most this many readings per answer: four a day for three months.</summary>
    public const int MaxReadings = 400;

    public static async Task<IReadOnlyList<MeasurementView>> RecentAsync(IAppDbContext db, Guid patientId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await db.HomeMeasurements.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.MeasuredAt >= since)
            .OrderByDescending(m => m.MeasuredAt)
            .Take(MaxReadings)
            .ToListAsync(cancellationToken);
        return rows.OrderBy(m => m.MeasuredAt).Select(MeasurementView.From).ToList();
    }
}
