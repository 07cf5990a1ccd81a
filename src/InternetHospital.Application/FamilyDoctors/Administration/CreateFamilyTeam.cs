using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>An admin sets up a family-doctor team at a community centre with a lead family doctor and its members.</summary>
public sealed record CreateFamilyTeam(FamilyTeamInput Team) : ICommand<FamilyTeamAdminView>
{
    public sealed class Validator : AbstractValidator<CreateFamilyTeam>
    {
        public Validator()
        {
            RuleFor(x => x.Team).NotNull().SetValidator(new FamilyTeamInputValidator());
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit) : ICommandHandler<CreateFamilyTeam, FamilyTeamAdminView>
    {
        public async ValueTask<FamilyTeamAdminView> Handle(CreateFamilyTeam command, CancellationToken cancellationToken)
        {
            await scope.EnsureAsync(command.Team.FacilityId, "FamilyTeam", null, cancellationToken);
            var input = command.Team;
            await FamilyTeamRules.EnsurePlaceAsync(db, input.FacilityId, input.DepartmentId, cancellationToken);
            await FamilyTeamRules.EnsureFamilyDoctorsAsync(db, input.DoctorIds.Append(input.LeadDoctorId), cancellationToken);
            await FamilyTeamRules.EnsurePackagesAsync(db, input.PackageIds ?? [], cancellationToken);

            var team = FamilyDoctorTeam.Create(input.FacilityId, input.DepartmentId, input.Name, input.NameEn, input.Description, input.DescriptionEn, input.LeadDoctorId);
            team.SetMembers(input.LeadDoctorId, input.DoctorIds.Append(input.LeadDoctorId).Distinct().ToList());
            team.SetAcceptingApplications(input.AcceptingApplications);
            team.OfferPackages(input.PackageIds ?? []);
            db.FamilyTeams.Add(team);
            audit.Record("family.team.created", nameof(FamilyDoctorTeam), team.Id.ToString(), null, FamilyTeamRules.Describe(team));
            await db.SaveChangesAsync(cancellationToken);
            return (await FamilyTeamAdminView.QueryAsync(db, db.FamilyTeams.Where(t => t.Id == team.Id), cancellationToken)).Single();
        }
    }
}
