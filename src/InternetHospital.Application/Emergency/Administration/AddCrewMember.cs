using InternetHospital.Application.Administration.StaffAccounts;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// The consortium's administrator puts a paramedic's account on a service's crew: from then on the account starts and
/// sees that service's cases. The account must hold the <c>Paramedic</c> role (the security administrator gives it;
/// 422 <c>crew_needs_paramedic_role</c>), and a crew member works for one service (409 <c>crew_in_another_service</c>).
/// Adding a member already on the crew changes nothing.
/// </summary>
public sealed record AddCrewMember(Guid ServiceId, Guid AccountId) : ICommand<AmbulanceServiceAdminView>
{
    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts, InstitutionScope scope, IAuditLog audit) : ICommandHandler<AddCrewMember, AmbulanceServiceAdminView>
    {
        public async ValueTask<AmbulanceServiceAdminView> Handle(AddCrewMember command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync(EmergencyAdminAudit.ServiceResource, cancellationToken);
            var service = await db.AmbulanceServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.ServiceId, cancellationToken)
                ?? throw new NotFoundException("Ambulance service", command.ServiceId);
            var account = await accounts.GetAsync(command.AccountId, cancellationToken);
            if (!account.Roles.Contains(Roles.Paramedic, StringComparer.Ordinal))
            {
                throw new DomainRuleException("crew_needs_paramedic_role", "Only an account with the paramedic role can be on an ambulance crew.");
            }

            var memberships = await db.CrewMemberships.AsNoTracking().Where(m => m.AccountId == account.Id).ToListAsync(cancellationToken);
            if (memberships.Any(m => m.ServiceId != service.Id))
            {
                throw new DomainConflictException("crew_in_another_service", "The paramedic is on another service's crew: remove them there first.");
            }

            var members = await CrewAdministration.MembersAsync(db, service.Id, cancellationToken);
            if (memberships.Count == 0)
            {
                db.CrewMemberships.Add(CrewMembership.Create(account.Id, service.Id));
                audit.Record(EmergencyAdminAudit.CrewAdded, EmergencyAdminAudit.ServiceResource, service.Id.ToString(), null, $"account={account.Id}");
                members.Add(account.Id);
            }

            return await CrewAdministration.ViewAsync(accounts, service, members, cancellationToken);
        }
    }
}
