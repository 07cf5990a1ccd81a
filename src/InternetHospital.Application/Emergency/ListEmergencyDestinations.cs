namespace InternetHospital.Application.Emergency;

/// <summary>The receiving hospitals a crew can take a patient to, with where they are (for the ETA).</summary>
public sealed record ListEmergencyDestinations : IQuery<IReadOnlyList<DestinationView>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListEmergencyDestinations, IReadOnlyList<DestinationView>>
    {
        public async ValueTask<IReadOnlyList<DestinationView>> Handle(ListEmergencyDestinations query, CancellationToken cancellationToken) =>
            await (from r in db.ReceivingHospitals
                   join f in db.Facilities on r.FacilityId equals f.Id
                   orderby f.Code
                   select new DestinationView(r.Id, f.Id, f.Name, f.NameEn, r.Latitude, r.Longitude)).AsNoTracking().ToListAsync(cancellationToken);
    }
}
