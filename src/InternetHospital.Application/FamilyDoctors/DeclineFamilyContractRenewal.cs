using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A member of the team declines the renewal with a reason; the contract runs to its end.</summary>
public sealed record DeclineFamilyContractRenewal(Guid ContractId, string Reason) : ICommand
{
    public sealed class Validator : AbstractValidator<DeclineFamilyContractRenewal>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(FamilyContract.MaxReasonLength);
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, ICurrentUser currentUser, INotifier notifier, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<DeclineFamilyContractRenewal>
    {
        public async ValueTask<Unit> Handle(DeclineFamilyContractRenewal command, CancellationToken cancellationToken)
        {
            var (doctor, contract, team) = await TeamContracts.LoadForTeamAsync(db, access, command.ContractId, cancellationToken);
            contract.DeclineRenewal(doctor.Id, currentUser.RequireAccountId(), command.Reason, clock.GetUtcNow());
            audit.Record("family.contract.renewal_declined", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            await notifier.TellPatientAsync(access, contract, team, FamilyNotifications.RenewalDeclined, cancellationToken);
            return Unit.Value;
        }
    }
}
