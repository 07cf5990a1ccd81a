namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// A staff member starts watching a live broadcast: they join its viewer list and get a Janus token that opens the
/// Streaming plugin only (receive-only: it cannot publish into the visit's room). Patients and guests are refused.
/// </summary>
public sealed record WatchBroadcast(Guid BroadcastId) : ICommand<BroadcastWatchDto>
{
    public sealed class Handler(
        IAppDbContext db,
        ICurrentUser currentUser,
        IAccountService accounts,
        IBroadcastServer server,
        IOptions<VideoOptions> options,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<WatchBroadcast, BroadcastWatchDto>
    {
        public async ValueTask<BroadcastWatchDto> Handle(WatchBroadcast command, CancellationToken cancellationToken)
        {
            var role = Broadcasts.RequireViewer(currentUser);
            Broadcasts.RequireServer(server);
            var me = currentUser.RequireAccountId();
            var broadcast = await db.VisitBroadcasts.Include(b => b.Viewers).SingleOrDefaultAsync(b => b.Id == command.BroadcastId, cancellationToken)
                ?? throw new NotFoundException("Broadcast", command.BroadcastId);
            var name = (await accounts.FindAsync(me, cancellationToken))?.FullName ?? string.Empty;
            var now = clock.GetUtcNow();
            var viewing = broadcast.Watch(me, name, role, options.Value.Broadcast.MaxViewers, now);
            var ticket = await server.AllowViewerAsync(broadcast.Id, viewing.Id, cancellationToken);
            audit.Record("visit.broadcast_watched", "VideoVisit", broadcast.VisitId.ToString(), null, $"broadcast {broadcast.Id} as {role}");
            var ice = TurnCredentials.IceConfigurationFor(options.Value, me, now);
            return new BroadcastWatchDto(broadcast.Id, ticket.Url, ticket.StreamId, ticket.Pin, ticket.Token, ice.IceServers);
        }
    }
}

/// <summary>
/// How a viewer's browser receives the broadcast: connect to <c>Url</c> (subprotocol <c>janus-protocol</c>), create a
/// session with <c>Token</c>, attach <c>janus.plugin.streaming</c>, <c>watch</c> stream <c>StreamId</c> with <c>Pin</c>.
/// </summary>
public sealed record BroadcastWatchDto(Guid BroadcastId, string Url, long StreamId, string Pin, string Token, IReadOnlyList<IceServer> IceServers);
