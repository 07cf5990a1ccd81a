using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The patient withdraws an application the team has not decided yet.</summary>
public sealed record WithdrawFamilyApplication(Guid ContractId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<WithdrawFamilyApplication>
    {
        public async ValueTask<Unit> Handle(WithdrawFamilyApplication command, CancellationToken cancellationToken)
        {
            var contract = await FamilyRows.ContractForPatientAsync(db, guard, command.ContractId, cancellationToken);
            contract.Withdraw(currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("family.contract.withdrawn", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            return Unit.Value;
        }
    }
}
