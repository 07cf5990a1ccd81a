namespace InternetHospital.Application.Administration.StaffAccounts;

/// <summary>Lifts a staff account's lock (a security administrator's, or the one five wrong passwords set).</summary>
public sealed record UnlockStaffAccount(Guid AccountId) : ICommand<StaffAccountView>
{
    public sealed class Handler(IStaffAccounts accounts, IAuditLog audit) : ICommandHandler<UnlockStaffAccount, StaffAccountView>
    {
        public async ValueTask<StaffAccountView> Handle(UnlockStaffAccount command, CancellationToken cancellationToken)
        {
            return await accounts.ChangeAsync(audit, command.AccountId, StaffAccountAudit.Unlocked, null,
                () => accounts.UnlockAsync(command.AccountId, cancellationToken), cancellationToken);
        }
    }
}
