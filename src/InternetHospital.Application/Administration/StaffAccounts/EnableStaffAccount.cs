namespace InternetHospital.Application.Administration.StaffAccounts;

/// <summary>Lets a disabled staff account sign in again (with its password; its old sessions stay ended).</summary>
public sealed record EnableStaffAccount(Guid AccountId) : ICommand<StaffAccountView>
{
    public sealed class Handler(IStaffAccounts accounts, IAuditLog audit) : ICommandHandler<EnableStaffAccount, StaffAccountView>
    {
        public async ValueTask<StaffAccountView> Handle(EnableStaffAccount command, CancellationToken cancellationToken)
        {
            return await accounts.ChangeAsync(audit, command.AccountId, StaffAccountAudit.Enabled, null,
                () => accounts.EnableAsync(command.AccountId, cancellationToken), cancellationToken);
        }
    }
}
