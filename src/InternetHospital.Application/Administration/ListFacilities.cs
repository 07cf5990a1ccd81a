using InternetHospital.Application.Doctors;

namespace InternetHospital.Application.Administration;

/// <summary>Facilities of the consortium (admin forms choose one for a new department).</summary>
public sealed record ListFacilities : IQuery<IReadOnlyList<FacilityRef>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListFacilities, IReadOnlyList<FacilityRef>>
    {
        public async ValueTask<IReadOnlyList<FacilityRef>> Handle(ListFacilities query, CancellationToken cancellationToken) =>
            await db.Facilities.OrderBy(f => f.Kind).ThenBy(f => f.Code).Select(f => new FacilityRef(f.Id, f.Name, f.NameEn)).ToListAsync(cancellationToken);
    }
}
