namespace InternetHospital.Application.Administration.StaffAccounts;

/// <summary>Disables a staff account (someone left, a credential leaked): it cannot sign in and is signed out everywhere now.</summary>
public sealed record DisableStaffAccount(Guid AccountId) : ICommand<StaffAccountView>
{
    public sealed class Handler(IStaffAccounts accounts, ICurrentUser currentUser, IAuditLog audit) : ICommandHandler<DisableStaffAccount, StaffAccountView>
    {
        public async ValueTask<StaffAccountView> Handle(DisableStaffAccount command, CancellationToken cancellationToken)
        {
            StaffAccountAudit.EnsureNotOwn(currentUser, command.AccountId);
            return await accounts.ChangeAsync(audit, command.AccountId, StaffAccountAudit.Disabled, null,
                () => accounts.DisableAsync(command.AccountId, cancellationToken), cancellationToken);
        }
    }
}
