namespace InternetHospital.Application.Notifications;

/// <summary>The signed-in person's notification centre, newest first, with the unread count.</summary>
public sealed record ListNotifications(bool UnreadOnly = false, int Page = 1, int PageSize = 20) : IQuery<NotificationPage>
{
    public sealed class Validator : AbstractValidator<ListNotifications>
    {
        public Validator()
        {
            RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
            RuleFor(x => x.PageSize).InclusiveBetween(1, PagedList<NotificationDto>.MaxPageSize);
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<ListNotifications, NotificationPage>
    {
        public async ValueTask<NotificationPage> Handle(ListNotifications query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var mine = db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId);
            var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
            var filtered = query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
            var total = await filtered.CountAsync(cancellationToken);
            var rows = await filtered
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .ToListAsync(cancellationToken);
            return new NotificationPage(new PagedList<NotificationDto>(rows.Select(NotificationDto.From).ToList(), query.Page, query.PageSize, total), unread);
        }
    }
}

public sealed record NotificationPage(PagedList<NotificationDto> Notifications, int UnreadCount);
