using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// A visit's broadcast as its broadcaster sees it: live or not, the commentator (the broadcaster's own account when they
/// speak themselves, which is what the SPA's picker sends to give the voice back) and the viewer list (who, when).
/// </summary>
public sealed record BroadcastDto(
    Guid Id,
    Guid VisitId,
    bool Live,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    Guid CommentatorAccountId,
    Guid BroadcasterAccountId,
    int Watching,
    IReadOnlyList<BroadcastViewerDto> Viewers)
{
    internal static BroadcastDto From(VisitBroadcast broadcast) => new(
        broadcast.Id,
        broadcast.VisitId,
        broadcast.IsLive,
        broadcast.StartedAt,
        broadcast.EndedAt,
        broadcast.CommentatorAccountId,
        broadcast.BroadcasterAccountId,
        broadcast.Viewers.Count(v => v.IsWatching),
        broadcast.Viewers
            .OrderBy(v => v.JoinedAt)
            .Select(v => new BroadcastViewerDto(v.AccountId, v.Name, v.Role, v.JoinedAt, v.LeftAt))
            .ToList());
}

public sealed record BroadcastViewerDto(Guid AccountId, string Name, string Role, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);
