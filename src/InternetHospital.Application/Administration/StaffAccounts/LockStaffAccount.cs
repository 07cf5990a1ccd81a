using System.Globalization;

namespace InternetHospital.Application.Administration.StaffAccounts;

/// <summary>
/// Locks a staff account, until a time or (without one) until a security administrator unlocks it. Its sessions end;
/// nobody locks their own account.
/// </summary>
public sealed record LockStaffAccount(Guid AccountId, DateTimeOffset? Until) : ICommand<StaffAccountView>
{
    public sealed class Validator : AbstractValidator<LockStaffAccount>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Until).Must(until => until > clock.GetUtcNow()).When(x => x.Until is not null).WithLocalizedMessage("lock_must_end_in_future");
        }
    }

    /// <summary>"Until unlocked" is a lock a century long (a date every database stores, unlike the largest one).</summary>
    public static readonly TimeSpan UntilUnlocked = TimeSpan.FromDays(36525);

    public sealed class Handler(IStaffAccounts accounts, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock) : ICommandHandler<LockStaffAccount, StaffAccountView>
    {
        public async ValueTask<StaffAccountView> Handle(LockStaffAccount command, CancellationToken cancellationToken)
        {
            StaffAccountAudit.EnsureNotOwn(currentUser, command.AccountId);
            var until = command.Until ?? clock.GetUtcNow() + UntilUnlocked;
            var detail = command.Until is null ? "until unlocked" : "until " + until.ToString("O", CultureInfo.InvariantCulture);
            return await accounts.ChangeAsync(audit, command.AccountId, StaffAccountAudit.Locked, detail,
                () => accounts.LockAsync(command.AccountId, until, cancellationToken), cancellationToken);
        }
    }
}
