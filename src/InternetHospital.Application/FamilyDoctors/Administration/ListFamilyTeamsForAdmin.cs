namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>Every family-doctor team with its doctors, whether it takes new patients and how many it has signed, for the admin.</summary>
public sealed record ListFamilyTeamsForAdmin : IQuery<IReadOnlyList<FamilyTeamAdminView>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListFamilyTeamsForAdmin, IReadOnlyList<FamilyTeamAdminView>>
    {
        public async ValueTask<IReadOnlyList<FamilyTeamAdminView>> Handle(ListFamilyTeamsForAdmin query, CancellationToken cancellationToken) =>
            await FamilyTeamAdminView.QueryAsync(db, db.FamilyTeams, cancellationToken);
    }
}
