using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// Closes on the media server what an ended broadcast left there because the server could not be reached when it ended
/// (its mountpoint, forwarders and viewer tokens): run by the media sweep (<c>Video:Janus:SweepInterval</c>), again and
/// again until the server confirms, each confirmation audited (<c>visit.broadcast_cleaned_up</c>). A broadcast that
/// ended within the last request timeout is left to its own stop, which may still be under way. Every step is
/// idempotent, so instances sweeping together only repeat each other. Answers how many it cleaned up.
/// </summary>
public sealed partial record CleanUpEndedBroadcasts : ICommand<int>
{
    public sealed partial class Handler(IAppDbContext db, IBroadcastServer server, IAuditLog audit, IOptions<VideoOptions> options, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<CleanUpEndedBroadcasts, int>
    {
        public async ValueTask<int> Handle(CleanUpEndedBroadcasts command, CancellationToken cancellationToken)
        {
            if (!server.IsAvailable)
            {
                return 0;
            }

            var now = clock.GetUtcNow();
            var settled = now - options.Value.Janus.RequestTimeout;
            var pending = await db.VisitBroadcasts.Include(b => b.Viewers)
                .Where(b => b.EndedAt != null && b.EndedAt < settled && b.ServerClosedAt == null)
                .ToListAsync(cancellationToken);
            var cleaned = 0;
            foreach (var broadcast in pending)
            {
                try
                {
                    await server.StopAsync(broadcast.Id, broadcast.VisitId, broadcast.Viewers.Select(v => v.Id).ToList(), cancellationToken);
                }
                catch (Media.MediaServerUnavailableException exception)
                {
                    LogStillUnreachable(logger, exception, broadcast.Id);
                    continue;
                }

                broadcast.ConfirmServerClosed(now);
                var visitId = broadcast.VisitId;
                var patientId = await db.VideoVisits.Where(v => v.Id == visitId).Select(v => (Guid?)v.PatientId).SingleOrDefaultAsync(cancellationToken);
                audit.Record("visit.broadcast_cleaned_up", "VideoVisit", visitId.ToString(), patientId, $"broadcast {broadcast.Id}, ended {broadcast.EndedAt:O}");
                cleaned++;
            }

            return cleaned;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} ended but the media server still cannot close it; the next sweep tries again")]
        private static partial void LogStillUnreachable(ILogger logger, Exception exception, Guid broadcastId);
    }
}
