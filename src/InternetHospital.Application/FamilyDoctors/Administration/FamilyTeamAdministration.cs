using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Application.Doctors;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;
using Mediator;
using Microsoft.EntityFrameworkCore;

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

/// <summary>The names, place and doctors of a team as an admin sets them. <c>DoctorIds</c> are all its doctors, the lead included.</summary>
public sealed record FamilyTeamInput(
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    Guid FacilityId,
    Guid? DepartmentId,
    Guid LeadDoctorId,
    IReadOnlyList<Guid> DoctorIds,
    bool AcceptingApplications,
    int? Version = null,
    IReadOnlyList<Guid>? PackageIds = null);

internal sealed class FamilyTeamInputValidator : AbstractValidator<FamilyTeamInput>
{
    public FamilyTeamInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Description).NotNull().MaximumLength(500);
        RuleFor(x => x.DescriptionEn).NotNull().MaximumLength(500);
        RuleFor(x => x.FacilityId).NotEmpty();
        RuleFor(x => x.LeadDoctorId).NotEmpty();
        RuleFor(x => x.DoctorIds).NotNull();

        // Note: rules on a list run after NotNull has failed too (FluentValidation continues by default), so they guard null themselves.
        RuleFor(x => x.DoctorIds).Must(ids => ids.Distinct().Count() == ids.Count).When(x => x.DoctorIds is not null).WithLocalizedMessage("duplicate_doctor");
        RuleFor(x => x.DoctorIds).Must(ids => ids.Count <= 30).When(x => x.DoctorIds is not null).WithLocalizedMessage("too_many_doctors", 30);
        RuleFor(x => x.PackageIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(x => x.PackageIds is not null).WithLocalizedMessage("duplicate_package");
    }
}

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

    public sealed class Handler(IAppDbContext db, IAuditLog audit) : ICommandHandler<CreateFamilyTeam, FamilyTeamAdminView>
    {
        public async ValueTask<FamilyTeamAdminView> Handle(CreateFamilyTeam command, CancellationToken cancellationToken)
        {
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

    public sealed class Handler(IAppDbContext db, IAuditLog audit) : ICommandHandler<UpdateFamilyTeam, FamilyTeamAdminView>
    {
        public async ValueTask<FamilyTeamAdminView> Handle(UpdateFamilyTeam command, CancellationToken cancellationToken)
        {
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

internal static class FamilyTeamRules
{
    public static async Task EnsurePlaceAsync(IAppDbContext db, Guid facilityId, Guid? departmentId, CancellationToken cancellationToken)
    {
        if (!await db.Facilities.AnyAsync(f => f.Id == facilityId, cancellationToken))
        {
            throw new NotFoundException("Facility", facilityId);
        }

        if (departmentId is { } id)
        {
            var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
                ?? throw new NotFoundException("Department", id);
            if (department.FacilityId != facilityId)
            {
                throw new DomainRuleException("department_not_in_facility", "The department belongs to another facility.");
            }
        }
    }

    public static async Task EnsurePackagesAsync(IAppDbContext db, IReadOnlyCollection<Guid> packageIds, CancellationToken cancellationToken)
    {
        if (packageIds.Count > 0 && await db.ServicePackages.CountAsync(p => packageIds.Contains(p.Id), cancellationToken) != packageIds.Distinct().Count())
        {
            throw new DomainRuleException("unknown_package", "A team can only offer the hospital's service packages.");
        }
    }

    /// <summary>Team doctors must be doctors on the hospital's books with the family-doctor flag (签约医生资格).</summary>
    public static async Task EnsureFamilyDoctorsAsync(IAppDbContext db, IEnumerable<Guid> doctorIds, CancellationToken cancellationToken)
    {
        var ids = doctorIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Doctors.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.IsFamilyDoctor }).ToListAsync(cancellationToken);
        if (found.Count != ids.Count)
        {
            throw new DomainRuleException("unknown_doctor", "Every team member must be a doctor of the hospital.");
        }

        if (found.Any(d => !d.IsFamilyDoctor))
        {
            throw new DomainRuleException("not_a_family_doctor", "Only family doctors can join a family-doctor team.");
        }
    }

    public static string Describe(FamilyDoctorTeam team) =>
        $"lead={team.LeadDoctorId};members={string.Join(',', team.Members.Select(m => m.DoctorId))};accepting={team.AcceptingApplications};" +
        $"packages={(team.Packages.Count == 0 ? "all" : string.Join(',', team.Packages.Select(p => p.PackageId)))}";
}

public sealed record FamilyTeamAdminView(
    Guid Id,
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    FacilityRef Facility,
    Guid? DepartmentId,
    bool AcceptingApplications,
    IReadOnlyList<TeamMemberView> Members,
    int ActiveContracts,
    int Version,

    // Note: the packages the team narrowed its offer to; empty means it offers them all.
    IReadOnlyList<Guid> PackageIds)
{
    internal static async Task<IReadOnlyList<FamilyTeamAdminView>> QueryAsync(IAppDbContext db, IQueryable<FamilyDoctorTeam> source, CancellationToken cancellationToken)
    {
        var teams = await source.AsNoTracking().Include(t => t.Members).Include(t => t.Packages).ToListAsync(cancellationToken);
        var teamIds = teams.Select(t => t.Id).ToList();
        var doctorIds = teams.SelectMany(t => t.Members).Select(m => m.DoctorId).Distinct().ToList();
        var doctors = await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var facilityIds = teams.Select(t => t.FacilityId).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var active = await db.FamilyContracts.AsNoTracking()
            .Where(c => teamIds.Contains(c.TeamId) && c.Status == ContractStatus.Active)
            .GroupBy(c => c.TeamId)
            .Select(g => new { TeamId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.TeamId, x => x.Count, cancellationToken);

        return teams
            .OrderBy(t => t.Name, NameOrder.Comparer)
            .Select(t => new FamilyTeamAdminView(
                t.Id,
                t.Name,
                t.NameEn,
                t.Description,
                t.DescriptionEn,
                new FacilityRef(t.FacilityId, facilities[t.FacilityId].Name, facilities[t.FacilityId].NameEn),
                t.DepartmentId,
                t.AcceptingApplications,
                t.Members
                    .OrderBy(m => m.Role)
                    .Select(m => new TeamMemberView(m.DoctorId, doctors[m.DoctorId].FullName, doctors[m.DoctorId].Title, doctors[m.DoctorId].TitleEn, m.Role))
                    .ToList(),
                active.GetValueOrDefault(t.Id),
                t.Version,
                t.Packages.Select(p => p.PackageId).ToList()))
            .ToList();
    }
}
