namespace InternetHospital.Application.Notifications;

/// <summary>Marks one of the signed-in person's notifications as read (someone else's answers 404).</summary>
public sealed record MarkNotificationRead(Guid NotificationId) : ICommand
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<MarkNotificationRead>
    {
        public async ValueTask<Unit> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.AccountId == accountId, cancellationToken)
                ?? throw new NotFoundException("Notification", command.NotificationId);
            notification.MarkRead(clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
