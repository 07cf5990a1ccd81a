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
            StopAfterCommit(db, server, afterCommit, logger, broadcast, now);
        }
    }

    /// <summary>
    /// After the save, closes the ended broadcast on the media server and records that it did. When the server cannot be
    /// reached the broadcast stays waiting for it (<see cref="VisitBroadcast.ServerClosedAt"/> null), and the sweep
    /// (<see cref="CleanUpEndedBroadcasts"/>) tries again until the server confirms.
    /// </summary>
    internal static void StopAfterCommit(IAppDbContext db, IBroadcastServer server, IAfterCommit afterCommit, ILogger logger, VisitBroadcast broadcast, DateTimeOffset now)
    {
        var viewings = broadcast.Viewers.Select(v => v.Id).ToList();
        var broadcastId = broadcast.Id;
        afterCommit.Enqueue(async ct =>
        {
            try
            {
                await server.StopAsync(broadcastId, broadcast.VisitId, viewings, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogStopFailed(logger, exception, broadcastId);
                return;
            }

            // Note: the unit of work has committed already; this one column says the server is clean.
            await db.VisitBroadcasts.Where(b => b.Id == broadcastId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ServerClosedAt, now), ct);
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not close broadcast {BroadcastId} on the media server; the sweep tries again")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, Guid broadcastId);
}
