using InternetHospital.Domain.Retention;

namespace InternetHospital.Application.Retention;

/// <summary>Legal holds, newest first: those in force, or every hold of one patient (released ones included).</summary>
public sealed record ListLegalHolds(Guid? PatientId) : IQuery<IReadOnlyList<LegalHoldView>>
{
    public sealed class Handler(IAppDbContext db, IAuditLog audit) : IQueryHandler<ListLegalHolds, IReadOnlyList<LegalHoldView>>
    {
        public async ValueTask<IReadOnlyList<LegalHoldView>> Handle(ListLegalHolds query, CancellationToken cancellationToken)
        {
            var holds = db.LegalHolds.AsNoTracking();
            holds = query.PatientId is { } patientId ? holds.Where(h => h.PatientId == patientId) : holds.Where(h => h.ReleasedAt == null);
            var rows = await holds.OrderByDescending(h => h.PlacedAt).Take(500).ToListAsync(cancellationToken);
            audit.Record("legal-hold.listed", nameof(LegalHold), null, query.PatientId);
            return rows.Select(LegalHoldView.Of).ToList();
        }
    }
}
