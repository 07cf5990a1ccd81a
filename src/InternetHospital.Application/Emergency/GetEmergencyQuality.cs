using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

public sealed record IntervalStats(int Count, double? MedianMinutes, double? MeanMinutes);

public sealed record PathwayQuality(EmergencyPathway Pathway, int Cases, IntervalStats CallToArrival, IntervalStats DoorToCt, IntervalStats PreNotificationLead);

public sealed record EmergencyQuality(DateOnly From, DateOnly To, IReadOnlyList<PathwayQuality> Pathways);

/// <summary>One case's moments and intervals (minutes), as the CSV has them.</summary>
public sealed record QualityRow(
    Guid CaseId,
    EmergencyPathway Pathway,
    int? TriageLevel,
    DateTimeOffset? CalledAt,
    DateTimeOffset FirstContactAt,
    DateTimeOffset? PreNotifiedAt,
    DateTimeOffset? SceneDepartureAt,
    DateTimeOffset? ArrivalAt,
    DateTimeOffset? HandoverAt,
    DateTimeOffset? CtStartedAt)
{
    public double? CallToArrival => Minutes(CalledAt, ArrivalAt);
    public double? DoorToCt => Minutes(ArrivalAt, CtStartedAt);
    public double? PreNotificationLead => Minutes(PreNotifiedAt, ArrivalAt);

    private static double? Minutes(DateTimeOffset? from, DateTimeOffset? to) => from is { } f && to is { } t ? Math.Round((t - f).TotalMinutes, 1) : null;
}

/// <summary>
/// Quality review of a receiving hospital over a period (first-contact dates in hospital time, both ends included):
/// per pathway, call to arrival, door to CT and the pre-notification lead time (destination named → arrival), each
/// over the cases where both moments are recorded.
/// </summary>
public sealed record GetEmergencyQuality(DateOnly From, DateOnly To) : IQuery<EmergencyQuality>
{
    public const int MaxDays = 366;

    public sealed class Validator : AbstractValidator<GetEmergencyQuality>
    {
        public Validator() => RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).Must((x, to) => to.DayNumber - x.From.DayNumber < MaxDays).WithLocalizedMessage("period_too_long", MaxDays);
    }

    public sealed class Handler(EmergencyQualityRows rows) : IQueryHandler<GetEmergencyQuality, EmergencyQuality>
    {
        public async ValueTask<EmergencyQuality> Handle(GetEmergencyQuality query, CancellationToken cancellationToken)
        {
            var cases = await rows.RowsAsync(query.From, query.To, cancellationToken);
            return new EmergencyQuality(query.From, query.To, [.. cases.GroupBy(r => r.Pathway).OrderBy(g => g.Key).Select(g => new PathwayQuality(
                g.Key, g.Count(), Stats(g.Select(r => r.CallToArrival)), Stats(g.Select(r => r.DoorToCt)), Stats(g.Select(r => r.PreNotificationLead))))]);
        }

        private static IntervalStats Stats(IEnumerable<double?> values)
        {
            var known = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
            if (known.Count == 0)
            {
                return new IntervalStats(0, null, null);
            }

            var median = known.Count % 2 == 1 ? known[known.Count / 2] : (known[(known.Count / 2) - 1] + known[known.Count / 2]) / 2;
            return new IntervalStats(known.Count, Math.Round(median, 1), Math.Round(known.Average(), 1));
        }
    }
}

/// <summary>The cases of the caller's hospital whose first contact falls in the period, as quality rows; the read is audit-logged.</summary>
public sealed class EmergencyQualityRows(IAppDbContext db, EmergencyAccess access, IAuditLog audit, IOptions<HospitalOptions> hospital)
{
    public async Task<IReadOnlyList<QualityRow>> RowsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var facilityId = await access.DepartmentFacilityAsync(cancellationToken);
        var zone = hospital.Value.TimeZoneInfo;
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone));
        var end = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

        // Note: first contact may precede the case's creation (recorded offline), so a day either side is fetched and
        // the period is applied to the first contact itself.
        var cases = await db.EmergencyCases.AsNoTracking().Include(c => c.Timeline)
            .Where(c => c.DestinationFacilityId == facilityId && c.CreatedAt >= start.AddDays(-1) && c.CreatedAt < end.AddDays(1))
            .ToListAsync(cancellationToken);
        var rows = cases
            .Select(c => new QualityRow(c.Id, c.Pathway, c.TriageLevel, c.At(TimelineKind.Called), c.At(TimelineKind.FirstContact) ?? c.CreatedAt, c.At(TimelineKind.PreNotified),
                c.At(TimelineKind.SceneDeparture), c.At(TimelineKind.Arrival), c.At(TimelineKind.Handover), c.At(TimelineKind.CtStarted)))
            .Where(r => r.FirstContactAt >= start && r.FirstContactAt < end)
            .OrderBy(r => r.FirstContactAt)
            .ToList();
        audit.Record("emergency.quality_read", "EmergencyCase", null, null, $"facility={facilityId} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} cases={rows.Count}");
        return rows;
    }
}
