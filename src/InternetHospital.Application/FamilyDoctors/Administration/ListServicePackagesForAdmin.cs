namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>The service packages on offer, in display order, for the admin (the view patients get, which carries every field the admin sets).</summary>
public sealed record ListServicePackagesForAdmin : IQuery<IReadOnlyList<PackageView>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListServicePackagesForAdmin, IReadOnlyList<PackageView>>
    {
        public async ValueTask<IReadOnlyList<PackageView>> Handle(ListServicePackagesForAdmin query, CancellationToken cancellationToken) =>
            (await db.ServicePackages.AsNoTracking().OrderBy(p => p.DisplayOrder).ThenBy(p => p.Code).ToListAsync(cancellationToken))
                .Select(PackageView.From)
                .ToList();
    }
}
