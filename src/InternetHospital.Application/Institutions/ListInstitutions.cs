namespace InternetHospital.Application.Institutions;

/// <summary>The institutions of the consortium with their settings, marking the ones the caller may change.</summary>
public sealed record ListInstitutions : IQuery<IReadOnlyList<InstitutionView>>
{
    public sealed class Handler(IAppDbContext db, InstitutionScope scope) : IQueryHandler<ListInstitutions, IReadOnlyList<InstitutionView>>
    {
        public async ValueTask<IReadOnlyList<InstitutionView>> Handle(ListInstitutions query, CancellationToken cancellationToken)
        {
            var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Level).ThenBy(f => f.Code).ToListAsync(cancellationToken);
            var mine = await scope.MyInstitutionsAsync(cancellationToken);
            return [.. facilities.Select(f => InstitutionView.Of(f, scope.IsConsortiumWide || mine.Contains(f.Id)))];
        }
    }
}
