namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The caller's side has read the conversation: messages from the other side get their read receipt.</summary>
public sealed record MarkFamilyThreadRead(Guid ThreadId) : ICommand<int>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, ILiveUpdates live, IAfterCommit afterCommit, TimeProvider clock) : ICommandHandler<MarkFamilyThreadRead, int>
    {
        public async ValueTask<int> Handle(MarkFamilyThreadRead command, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(command.ThreadId, cancellationToken);
            var now = clock.GetUtcNow();
            var unread = await db.FamilyMessages.Where(m => m.ThreadId == you.Thread.Id && m.Side != you.Side && m.ReadAt == null).ToListAsync(cancellationToken);
            var marked = unread.Count(m => m.MarkReadBy(you.Side, you.AccountId, now));
            if (marked > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                var everyone = (await access.PatientAccountsAsync(you.Thread.PatientId, cancellationToken)).Concat(await access.TeamAccountsAsync(you.Thread.TeamId, cancellationToken));
                afterCommit.PushAfterCommit(live, everyone, FamilyLiveEvents.MessagesRead, new FamilyMessagesReadEvent(you.Thread.Id, you.Thread.PatientId, now));
            }

            return marked;
        }
    }
}
