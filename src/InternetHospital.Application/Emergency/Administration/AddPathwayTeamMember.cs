using InternetHospital.Application.Administration.StaffAccounts;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// An institution's administrator (or the consortium's) puts a staff account on one of its receiving hospital's
/// pathway teams (stroke, chest pain, trauma): the member is alerted when a case activates that pathway. Any staff
/// account may be on a team (a cardiologist on the chest-pain team); the hospital must receive ambulances (422
/// <c>not_receiving_hospital</c>); a member already on the team is 409 <c>already_on_pathway_team</c>.
/// </summary>
public sealed record AddPathwayTeamMember(Guid FacilityId, EmergencyPathway? Pathway, Guid? AccountId) : ICommand<PathwayTeamMemberView>
{
    public sealed class Validator : AbstractValidator<AddPathwayTeamMember>
    {
        public Validator()
        {
            RuleFor(x => x.Pathway).NotNull().IsInEnum().NotEqual(EmergencyPathway.General);
            RuleFor(x => x.AccountId).NotNull().NotEqual(Guid.Empty);
        }
    }

    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts, InstitutionScope scope, IAuditLog audit, IUnitOfWork unitOfWork) : ICommandHandler<AddPathwayTeamMember, PathwayTeamMemberView>
    {
        public async ValueTask<PathwayTeamMemberView> Handle(AddPathwayTeamMember command, CancellationToken cancellationToken)
        {
            if (!await db.Facilities.AnyAsync(f => f.Id == command.FacilityId, cancellationToken))
            {
                throw new NotFoundException("Facility", command.FacilityId);
            }

            await scope.EnsureAsync(command.FacilityId, EmergencyAdminAudit.HospitalResource, command.FacilityId, cancellationToken);
            var account = await accounts.GetAsync(command.AccountId!.Value, cancellationToken);
            if (!await db.ReceivingHospitals.AnyAsync(r => r.FacilityId == command.FacilityId, cancellationToken))
            {
                throw new DomainRuleException("not_receiving_hospital", "The institution does not receive ambulances: set it up as a receiving hospital first.");
            }

            var pathway = command.Pathway!.Value;
            if (await db.PathwayTeamMembers.AnyAsync(m => m.FacilityId == command.FacilityId && m.Pathway == pathway && m.AccountId == account.Id, cancellationToken))
            {
                throw new DomainConflictException("already_on_pathway_team", "The account is already on this team.");
            }

            var member = PathwayTeamMember.Create(command.FacilityId, pathway, account.Id);
            db.PathwayTeamMembers.Add(member);
            unitOfWork.OnUniqueViolation(_ => new DomainConflictException("already_on_pathway_team", "The account is already on this team."));
            audit.Record(EmergencyAdminAudit.TeamMemberAdded, EmergencyAdminAudit.HospitalResource, command.FacilityId.ToString(), null, $"{pathway}; account={account.Id}");
            return new PathwayTeamMemberView(member.Id, member.Pathway, account.Id, account.FullName, account.Email);
        }
    }
}
