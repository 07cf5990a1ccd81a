using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors.Administration;

/// <summary>
/// An admin changes a team: names, place, doctors and lead, and whether it takes new patients. Signed contracts stay
/// with the team; the lead cannot be removed (a new lead is chosen first), so the team always keeps a doctor.
/// </summary>
public sealed record UpdateFamilyTeam(Guid TeamId, FamilyTeamInput Team) : ICommand<FamilyTeamAdminView>
{
    public sealed class Validator : AbstractValidator<UpdateFamilyTeam>
    {
        public Validator()
        {
            RuleFor(x => x.Team).NotNull().SetValidator(new FamilyTeamInputValidator());
            RuleFor(x => x.Team.Version).NotNull().WithLocalizedMessage("team_version_required").When(x => x.Team is not null);
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit) : ICommandHandler<UpdateFamilyTeam, FamilyTeamAdminView>
    {
        public async ValueTask<FamilyTeamAdminView> Handle(UpdateFamilyTeam command, CancellationToken cancellationToken)
        {
            await scope.EnsureAsync(await db.FamilyTeams.Where(t => t.Id == command.TeamId).Select(t => t.FacilityId).FirstOrDefaultAsync(cancellationToken), "FamilyTeam", command.TeamId, cancellationToken);
            await scope.EnsureAsync(command.Team.FacilityId, "FamilyTeam", command.TeamId, cancellationToken);
            var input = command.Team;
            var team = await db.FamilyTeams.Include(t => t.Members).Include(t => t.Packages).SingleOrDefaultAsync(t => t.Id == command.TeamId, cancellationToken)
                ?? throw new NotFoundException("Family-doctor team", command.TeamId);
            team.Revise(input.Version!.Value);
            await FamilyTeamRules.EnsurePlaceAsync(db, input.FacilityId, input.DepartmentId, cancellationToken);
            await FamilyTeamRules.EnsurePackagesAsync(db, input.PackageIds ?? [], cancellationToken);

            // Note: only doctors joining are checked for the family-doctor flag; one who has since lost it stays until removed.
            var joining = input.DoctorIds.Append(input.LeadDoctorId).Where(id => !team.HasMember(id));
            await FamilyTeamRules.EnsureFamilyDoctorsAsync(db, joining, cancellationToken);

            team.Rename(input.Name, input.NameEn, input.Description, input.DescriptionEn);
            team.MoveTo(input.FacilityId, input.DepartmentId);
            team.SetMembers(input.LeadDoctorId, input.DoctorIds);
            team.SetAcceptingApplications(input.AcceptingApplications);

            // Note: contracts already signed for a package the team stops offering carry on to their end.
            team.OfferPackages(input.PackageIds ?? []);
            audit.Record("family.team.updated", nameof(FamilyDoctorTeam), team.Id.ToString(), null, FamilyTeamRules.Describe(team));
            await db.SaveChangesAsync(cancellationToken);
            return (await FamilyTeamAdminView.QueryAsync(db, db.FamilyTeams.Where(t => t.Id == team.Id), cancellationToken)).Single();
        }
    }
}
