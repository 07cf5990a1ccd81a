using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A member of the team declines an application, with a reason the patient sees in the portal.</summary>
public sealed record DeclineFamilyApplication(Guid ContractId, string Reason) : ICommand<ContractView>
{
    public sealed class Validator : AbstractValidator<DeclineFamilyApplication>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(FamilyContract.MaxReasonLength);
    }

    public sealed class Handler(
        IAppDbContext db,
        IFamilyAccess access,
        ICurrentUser currentUser,
        INotifier notifier,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<DeclineFamilyApplication, ContractView>
    {
        public async ValueTask<ContractView> Handle(DeclineFamilyApplication command, CancellationToken cancellationToken)
        {
            var (doctor, contract, team) = await TeamContracts.LoadForTeamAsync(db, access, command.ContractId, cancellationToken);
            var now = clock.GetUtcNow();
            contract.Decline(doctor.Id, currentUser.RequireAccountId(), command.Reason, now);
            audit.Record("family.contract.declined", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            await notifier.TellPatientAsync(access, contract, team, FamilyNotifications.ContractDeclined, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var package = await db.ServicePackages.AsNoTracking().SingleAsync(p => p.Id == contract.PackageId, cancellationToken);
            return ContractViews.From(contract, new TeamRef(team.Id, team.Name, team.NameEn), new PackageRef(package.Id, package.Code, package.Name, package.NameEn), now);
        }
    }
}
