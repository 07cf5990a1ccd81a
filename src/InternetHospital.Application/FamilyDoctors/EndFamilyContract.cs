using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// Either side ends a contract in force before its end, with a reason. Its conversations close to new messages and
/// stay readable; the other side is told.
/// </summary>
public sealed record EndFamilyContract(Guid ContractId, string Reason) : ICommand
{
    public sealed class Validator : AbstractValidator<EndFamilyContract>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(FamilyContract.MaxReasonLength);
    }

    public sealed class Handler(
        IAppDbContext db,
        IFamilyAccess access,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        INotifier notifier,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<EndFamilyContract>
    {
        public async ValueTask<Unit> Handle(EndFamilyContract command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            FamilyContract contract;
            ContractParty party;
            IReadOnlyList<Guid> tell;
            string link;
            if (currentUser.IsInRole(Roles.Doctor))
            {
                (_, contract, _) = await TeamContracts.LoadForTeamAsync(db, access, command.ContractId, cancellationToken);
                party = ContractParty.Team;
                tell = await access.PatientAccountsAsync(contract.PatientId, cancellationToken);
                link = FamilyNotifications.PatientContractLink;
            }
            else
            {
                contract = await FamilyRows.ContractForPatientAsync(db, guard, command.ContractId, cancellationToken);
                party = ContractParty.Patient;
                tell = await access.TeamAccountsAsync(contract.TeamId, cancellationToken);
                link = FamilyNotifications.DoctorPanelLink;
            }

            contract.End(party, accountId, command.Reason, now);
            var team = await db.FamilyTeams.AsNoTracking().SingleAsync(t => t.Id == contract.TeamId, cancellationToken);
            audit.Record("family.contract.ended", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId, party.ToString());
            await notifier.NotifyAllAsync(tell, FamilyNotifications.ContractEnded, link, cancellationToken, TeamContracts.TeamParameters(team));
            return Unit.Value;
        }
    }
}
