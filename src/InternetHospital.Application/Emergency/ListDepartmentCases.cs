using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// The board of a receiving hospital: cases coming to it, soonest ETA first (no ETA last), then the most urgent
/// triage level; or those handed over in the last 24 hours.
/// </summary>
public sealed record ListDepartmentCases(EmergencyCaseStatus? Status) : IQuery<IReadOnlyList<BoardCase>>
{
    public sealed class Validator : AbstractValidator<ListDepartmentCases>
    {
        public Validator() => RuleFor(x => x.Status).IsInEnum();
    }

    public sealed class Handler(IAppDbContext db, EmergencyAccess access, EmergencyViews views, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListDepartmentCases, IReadOnlyList<BoardCase>>
    {
        public async ValueTask<IReadOnlyList<BoardCase>> Handle(ListDepartmentCases query, CancellationToken cancellationToken)
        {
            var facilityId = await access.DepartmentFacilityAsync(cancellationToken);
            var status = query.Status ?? EmergencyCaseStatus.Open;
            var since = clock.GetUtcNow() - EmergencyAccess.HandedOverVisibleFor;
            var cases = await EmergencyQueries.ForBoard(db)
                .Where(c => c.DestinationFacilityId == facilityId && c.Status == status && (status == EmergencyCaseStatus.Open || c.UpdatedAt >= since))
                .ToListAsync(cancellationToken);
            var ordered = status == EmergencyCaseStatus.Open
                ? cases.OrderBy(c => c.EtaAt is null).ThenBy(c => c.EtaAt).ThenBy(c => c.TriageLevel ?? int.MaxValue).ThenBy(c => c.CreatedAt).ToList()
                : [.. cases.Where(c => c.At(TimelineKind.Handover) >= since).OrderByDescending(c => c.At(TimelineKind.Handover))];
            foreach (var c in ordered)
            {
                audit.Record("emergency.case_listed", nameof(EmergencyCase), c.Id.ToString(), c.PatientId, "department");
            }

            return await views.BoardAsync(ordered, cancellationToken);
        }
    }
}
