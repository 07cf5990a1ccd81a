using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.VideoVisits.Media;

/// <summary>
/// Destroys the media-server rooms of visits that ended (completed, referred, consultation signed): what the end-of-visit
/// cleanup could not do because the media server was unreachable then, or a room someone entered in the moment the
/// visit ended. A room of a visit this database does not know is left alone (another deployment, or a test host, may
/// share the media server). Every step is idempotent, so instances sweeping at the same time only repeat each other;
/// there is nothing to claim. Answers how many rooms it destroyed.
/// </summary>
public sealed partial record SweepMediaRooms : ICommand<int>
{
    public sealed partial class Handler(IAppDbContext db, IMediaServer server, ILogger<Handler> logger) : ICommandHandler<SweepMediaRooms, int>
    {
        public async ValueTask<int> Handle(SweepMediaRooms command, CancellationToken cancellationToken)
        {
            if (!server.IsServer)
            {
                return 0;
            }

            var rooms = await server.ListRoomsAsync(cancellationToken);
            if (rooms.Count == 0)
            {
                return 0;
            }

            var ended = await db.VideoVisits.AsNoTracking()
                .Where(v => rooms.Contains(v.Id) && v.EndedAt != null)
                .Select(v => v.Id)
                .ToListAsync(cancellationToken);
            foreach (var visitId in ended)
            {
                await server.DestroyRoomAsync(visitId, await CallMedia.ConnectionsOfAsync(db, visitId, cancellationToken), cancellationToken);
            }

            if (ended.Count > 0)
            {
                LogSwept(logger, ended.Count);
            }

            return ended.Count;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed {Count} media room(s) of visits that had ended")]
        private static partial void LogSwept(ILogger logger, int count);
    }
}
