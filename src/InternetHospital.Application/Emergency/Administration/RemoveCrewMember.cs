using InternetHospital.Application.Administration.StaffAccounts;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// The consortium's administrator takes an account off a service's crew: it can no longer start or see the service's
/// cases (403 emergency_not_crew); the cases it recorded stay as they are. 404 when the account is not on that crew.
/// </summary>
public sealed record RemoveCrewMember(Guid ServiceId, Guid AccountId) : ICommand<AmbulanceServiceAdminView>
{
    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts, InstitutionScope scope, IAuditLog audit) : ICommandHandler<RemoveCrewMember, AmbulanceServiceAdminView>
    {
        public async ValueTask<AmbulanceServiceAdminView> Handle(RemoveCrewMember command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync(EmergencyAdminAudit.ServiceResource, cancellationToken);
            var service = await db.AmbulanceServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.ServiceId, cancellationToken)
                ?? throw new NotFoundException("Ambulance service", command.ServiceId);
            var membership = await db.CrewMemberships.SingleOrDefaultAsync(m => m.ServiceId == service.Id && m.AccountId == command.AccountId, cancellationToken)
                ?? throw new NotFoundException("Crew member", command.AccountId);
            var members = await CrewAdministration.MembersAsync(db, service.Id, cancellationToken);
            db.CrewMemberships.Remove(membership);
            audit.Record(EmergencyAdminAudit.CrewRemoved, EmergencyAdminAudit.ServiceResource, service.Id.ToString(), null, $"account={command.AccountId}");
            members.Remove(command.AccountId);
            return await CrewAdministration.ViewAsync(accounts, service, members, cancellationToken);
        }
    }
}
