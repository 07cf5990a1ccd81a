using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The patient asks to renew, from 30 days before the end; the team decides.</summary>
public sealed record RequestFamilyContractRenewal(Guid ContractId) : ICommand
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        IFamilyAccess access,
        ICurrentUser currentUser,
        INotifier notifier,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<RequestFamilyContractRenewal>
    {
        public async ValueTask<Unit> Handle(RequestFamilyContractRenewal command, CancellationToken cancellationToken)
        {
            var contract = await FamilyRows.ContractForPatientAsync(db, guard, command.ContractId, cancellationToken);
            contract.RequestRenewal(currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("family.contract.renewal_requested", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            await notifier.NotifyAllAsync(await access.TeamAccountsAsync(contract.TeamId, cancellationToken), FamilyNotifications.RenewalRequested, FamilyNotifications.DoctorPanelLink, cancellationToken);
            return Unit.Value;
        }
    }
}
