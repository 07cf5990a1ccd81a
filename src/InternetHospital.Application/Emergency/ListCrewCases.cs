using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>The crew's list: their service's open cases and those handed over in the last 24 hours, newest first.</summary>
public sealed record ListCrewCases : IQuery<IReadOnlyList<BoardCase>>
{
    public sealed class Handler(IAppDbContext db, EmergencyAccess access, EmergencyViews views, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListCrewCases, IReadOnlyList<BoardCase>>
    {
        public async ValueTask<IReadOnlyList<BoardCase>> Handle(ListCrewCases query, CancellationToken cancellationToken)
        {
            var serviceId = await access.CrewServiceAsync(cancellationToken);
            var since = clock.GetUtcNow() - EmergencyAccess.HandedOverVisibleFor;
            var cases = await EmergencyQueries.ForBoard(db)
                .Where(c => c.ServiceId == serviceId && (c.Status == EmergencyCaseStatus.Open || c.UpdatedAt >= since))
                .ToListAsync(cancellationToken);
            cases = [.. cases.Where(c => access.CrewMaySee(c, serviceId)).OrderByDescending(c => c.CreatedAt)];
            foreach (var c in cases)
            {
                audit.Record("emergency.case_listed", nameof(EmergencyCase), c.Id.ToString(), c.PatientId, "crew");
            }

            return await views.BoardAsync(cases, cancellationToken);
        }
    }
}
