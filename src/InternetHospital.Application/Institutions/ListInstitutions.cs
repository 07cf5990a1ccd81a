using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Institutions;

/// <summary>The institutions of the consortium with their settings, marking the ones the caller may change.</summary>
public sealed record ListInstitutions : IQuery<InstitutionsOverview>
{
    public sealed class Handler(IAppDbContext db, InstitutionScope scope) : IQueryHandler<ListInstitutions, InstitutionsOverview>
    {
        public async ValueTask<InstitutionsOverview> Handle(ListInstitutions query, CancellationToken cancellationToken)
        {
            var facilities = await db.Facilities.AsNoTracking()
                .OrderBy(f => f.Level == FacilityLevel.Tertiary ? 1 : f.Level == FacilityLevel.Secondary ? 2 : 3) // Note: stored by name; rank it.
                .ThenBy(f => f.Code).ToListAsync(cancellationToken);
            var mine = await scope.MyInstitutionsAsync(cancellationToken);
            return new InstitutionsOverview(scope.IsConsortiumWide, [.. facilities.Select(f => InstitutionView.Of(f, scope.IsConsortiumWide || mine.Contains(f.Id)))]);
        }
    }
}

/// <param name="CanAddInstitutions">The caller is the consortium's administrator.</param>
public sealed record InstitutionsOverview(bool CanAddInstitutions, IReadOnlyList<InstitutionView> Institutions);
