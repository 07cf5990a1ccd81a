namespace InternetHospital.Application.Notifications;

/// <summary>Marks every unread notification of the signed-in person as read.</summary>
public sealed record MarkAllNotificationsRead : ICommand
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<MarkAllNotificationsRead>
    {
        public async ValueTask<Unit> Handle(MarkAllNotificationsRead command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            var unread = await db.Notifications.Where(n => n.AccountId == accountId && n.ReadAt == null).ToListAsync(cancellationToken);
            foreach (var notification in unread)
            {
                notification.MarkRead(now);
            }

            return Unit.Value;
        }
    }
}
