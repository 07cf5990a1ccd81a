using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// A member of the team renews the contract the patient asked to renew: another year from its current end, for the
/// same package, so only while the team still offers it (otherwise the renewal is declined and the patient applies anew).
/// </summary>
public sealed record AcceptFamilyContractRenewal(Guid ContractId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, ICurrentUser currentUser, INotifier notifier, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<AcceptFamilyContractRenewal>
    {
        public async ValueTask<Unit> Handle(AcceptFamilyContractRenewal command, CancellationToken cancellationToken)
        {
            var (doctor, contract, team) = await TeamContracts.LoadForTeamAsync(db, access, command.ContractId, cancellationToken);
            var offer = await db.FamilyTeams.AsNoTracking().Include(t => t.Packages).SingleAsync(t => t.Id == contract.TeamId, cancellationToken);
            if (!offer.Offers(contract.PackageId))
            {
                throw new DomainRuleException("package_not_offered", "The team no longer offers this contract's package. Decline the renewal with a reason; the patient can then apply for a package the team offers.");
            }

            contract.AcceptRenewal(doctor.Id, currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("family.contract.renewed", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            await notifier.TellPatientAsync(access, contract, team, FamilyNotifications.RenewalAccepted, cancellationToken);
            return Unit.Value;
        }
    }
}
