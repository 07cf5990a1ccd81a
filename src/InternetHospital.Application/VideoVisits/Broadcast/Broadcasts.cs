using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.VideoVisits;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>What the broadcast use cases share: who may watch, the mesh refusal, and ending a visit's broadcast with it.</summary>
public static partial class Broadcasts
{
    /// <summary>The consortium's clinical staff, who may watch a teaching broadcast (patients and guests never).</summary>
    public static readonly IReadOnlyList<string> ViewerRoles = [Roles.Doctor, Roles.Nurse, Roles.Pharmacist, Roles.Paramedic, Roles.EmergencyStaff];

    /// <summary>The role a viewer watches as (the first clinical role of their token), or a 403.</summary>
    internal static string RequireViewer(ICurrentUser currentUser)
    {
        if (currentUser.GuestVisitId is null && ViewerRoles.FirstOrDefault(currentUser.IsInRole) is { } role)
        {
            return role;
        }

        throw new ForbiddenAccessException("broadcast_viewer_not_staff", "Only the hospital's clinical staff may watch a teaching broadcast.");
    }

    internal static void RequireServer(IBroadcastServer server)
    {
        if (!server.IsAvailable)
        {
            throw new DomainConflictException("broadcast_needs_media_server", "Broadcasting needs the media server (Video:Media = Janus); this portal's calls are browser to browser.");
        }
    }

    /// <summary>
    /// The visit ended: its live broadcast ends in the same save and, after it, the server closes it and takes every
    /// viewer's token back. A failure then is logged: the visit's room is gone, so nothing reaches the viewers anyway.
    /// </summary>
    public static async Task EndWithVisitAsync(
        IAppDbContext db, IBroadcastServer server, IAfterCommit afterCommit, ILogger logger, Guid visitId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await db.VisitBroadcasts.Include(b => b.Viewers).Where(b => b.VisitId == visitId && b.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var broadcast in live)
        {
            broadcast.End(now);
            StopAfterCommit(server, afterCommit, logger, broadcast);
        }
    }

    internal static void StopAfterCommit(IBroadcastServer server, IAfterCommit afterCommit, ILogger logger, VisitBroadcast broadcast)
    {
        var viewings = broadcast.Viewers.Select(v => v.Id).ToList();
        afterCommit.Enqueue(async ct =>
        {
            try
            {
                await server.StopAsync(broadcast.Id, broadcast.VisitId, viewings, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogStopFailed(logger, exception, broadcast.Id);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not close broadcast {BroadcastId} on the media server")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, Guid broadcastId);
}
