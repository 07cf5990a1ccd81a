using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>A viewer stops watching: the viewer list records when, and their token is taken back after the save.</summary>
public sealed partial record LeaveBroadcast(Guid BroadcastId) : ICommand
{
    public sealed partial class Handler(
        IAppDbContext db,
        ICurrentUser currentUser,
        IBroadcastServer server,
        IAfterCommit afterCommit,
        TimeProvider clock,
        ILogger<LeaveBroadcast> logger) : ICommandHandler<LeaveBroadcast>
    {
        public async ValueTask<Unit> Handle(LeaveBroadcast command, CancellationToken cancellationToken)
        {
            Broadcasts.RequireViewer(currentUser);
            var me = currentUser.RequireAccountId();
            var broadcast = await db.VisitBroadcasts.Include(b => b.Viewers).SingleOrDefaultAsync(b => b.Id == command.BroadcastId, cancellationToken)
                ?? throw new NotFoundException("Broadcast", command.BroadcastId);
            var leaving = broadcast.Leave(me, clock.GetUtcNow()).Select(v => v.Id).ToList();
            if (leaving.Count > 0)
            {
                afterCommit.Enqueue(async ct =>
                {
                    foreach (var viewing in leaving)
                    {
                        try
                        {
                            await server.RemoveViewerAsync(viewing, ct);
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            LogRemoveFailed(logger, exception, command.BroadcastId);
                        }
                    }
                });
            }

            return Unit.Value;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take a viewer's token of broadcast {BroadcastId} back; the broadcast's end takes it back")]
        private static partial void LogRemoveFailed(ILogger logger, Exception exception, Guid broadcastId);
    }
}
