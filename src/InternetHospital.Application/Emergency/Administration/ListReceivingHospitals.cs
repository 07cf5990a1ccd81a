using InternetHospital.Application.Administration.StaffAccounts;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// The consortium's institutions as the emergency set-up sees them: which receive ambulances (where they are, their
/// emergency department's phone) and who is on their stroke, chest-pain and trauma teams. 'editable' marks the ones the
/// caller administers.
/// </summary>
public sealed record ListReceivingHospitals : IQuery<IReadOnlyList<ReceivingHospitalAdminView>>
{
    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts, InstitutionScope scope) : IQueryHandler<ListReceivingHospitals, IReadOnlyList<ReceivingHospitalAdminView>>
    {
        public async ValueTask<IReadOnlyList<ReceivingHospitalAdminView>> Handle(ListReceivingHospitals query, CancellationToken cancellationToken)
        {
            var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
            var receiving = await db.ReceivingHospitals.AsNoTracking().ToDictionaryAsync(r => r.FacilityId, cancellationToken);
            var members = await db.PathwayTeamMembers.AsNoTracking().ToListAsync(cancellationToken);
            var staff = (await accounts.ListAsync(cancellationToken)).ToDictionary(a => a.Id);
            var views = new List<ReceivingHospitalAdminView>(facilities.Count);
            foreach (var f in facilities)
            {
                var hospital = receiving.GetValueOrDefault(f.Id);
                var team = members.Where(m => m.FacilityId == f.Id && staff.ContainsKey(m.AccountId))
                    .Select(m => new PathwayTeamMemberView(m.Id, m.Pathway, m.AccountId, staff[m.AccountId].FullName, staff[m.AccountId].Email))
                    .OrderBy(m => m.Pathway).ThenBy(m => m.FullName, StringComparer.Ordinal)
                    .ToList();
                views.Add(new ReceivingHospitalAdminView(
                    f.Id, f.Code, f.Name, f.NameEn, hospital is not null, hospital?.Latitude, hospital?.Longitude, hospital?.EdPhone, team, await scope.MayChangeAsync(f.Id, cancellationToken)));
            }

            return views;
        }
    }
}
