using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.VideoVisits;

/// <summary>
/// A teaching broadcast of one video visit's call (issue 20): one participant's feed (the source) goes out receive-only
/// to watching staff, with one doctor's voice over it (the commentator). At most one live broadcast per visit; it ends
/// when the broadcaster stops it or the visit ends.
/// </summary>
public sealed class VisitBroadcast
{
    private readonly List<BroadcastViewer> viewers = [];

    private VisitBroadcast()
    {
        SourceConnectionId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }

    /// <summary>The treating doctor who started it (and alone may stop it or change the commentator).</summary>
    public Guid BroadcasterAccountId { get; private set; }

    /// <summary>The hub connection whose feed is broadcast (the broadcaster's own camera).</summary>
    public string SourceConnectionId { get; private set; }

    /// <summary>The doctor whose voice is heard over the picture; the broadcaster unless they named another doctor in the call.</summary>
    public Guid CommentatorAccountId { get; private set; }

    /// <summary>The commentator's hub connection whose audio is forwarded (null: the commentator is the source itself).</summary>
    public string? CommentatorConnectionId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>
    /// When the media server confirmed the ended broadcast closed (mountpoint gone, forwarders stopped, viewer tokens
    /// taken back). Null while live, and after the end until then: the sweep retries what the stop could not reach.
    /// </summary>
    public DateTimeOffset? ServerClosedAt { get; private set; }

    public bool IsLive => EndedAt is null;

    public IReadOnlyList<BroadcastViewer> Viewers => viewers;

    public static VisitBroadcast Start(Guid visitId, Guid broadcasterAccountId, string sourceConnectionId, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        VisitId = visitId,
        BroadcasterAccountId = broadcasterAccountId,
        SourceConnectionId = sourceConnectionId,
        CommentatorAccountId = broadcasterAccountId,
        StartedAt = now,
    };

    /// <summary>Names the commentator; <paramref name="connectionId"/> null when it is the source's own voice.</summary>
    public void SetCommentator(Guid accountId, string? connectionId)
    {
        EnsureLive();
        CommentatorAccountId = accountId;
        CommentatorConnectionId = connectionId;
    }

    /// <summary>The broadcaster is in the call on another connection (a reconnect): the picture now comes from that one's feed.</summary>
    public void FollowSource(string connectionId)
    {
        EnsureLive();
        SourceConnectionId = connectionId;
    }

    /// <summary>The commentator (another doctor) reconnected: their voice now comes from that connection's feed.</summary>
    public void FollowCommentator(string connectionId)
    {
        EnsureLive();
        if (CommentatorConnectionId is null)
        {
            throw new InvalidOperationException("The broadcaster's own voice follows the source.");
        }

        CommentatorConnectionId = connectionId;
    }

    /// <summary>The media server confirmed the ended broadcast closed; nothing is left to clean up.</summary>
    public void ConfirmServerClosed(DateTimeOffset now)
    {
        if (EndedAt is null)
        {
            throw new InvalidOperationException("A live broadcast is not closed on the server.");
        }

        ServerClosedAt ??= now;
    }

    /// <summary>A staff member starts watching; a second watch by the same person while still watching is the same viewing.</summary>
    public BroadcastViewer Watch(Guid accountId, string name, string role, int maxViewers, DateTimeOffset now)
    {
        EnsureLive();
        if (viewers.FirstOrDefault(v => v.AccountId == accountId && v.IsWatching) is { } watching)
        {
            return watching;
        }

        if (viewers.Count(v => v.IsWatching) >= maxViewers)
        {
            throw new DomainConflictException("broadcast_full", $"A broadcast has at most {maxViewers} viewers.");
        }

        var viewer = new BroadcastViewer(Id, accountId, name, role, now);
        viewers.Add(viewer);
        return viewer;
    }

    /// <summary>The viewings of this person that end now (none when they were not watching).</summary>
    public IReadOnlyList<BroadcastViewer> Leave(Guid accountId, DateTimeOffset now)
    {
        var leaving = viewers.Where(v => v.AccountId == accountId && v.IsWatching).ToList();
        leaving.ForEach(v => v.Leave(now));
        return leaving;
    }

    /// <summary>Ends the broadcast; everyone still watching has left at this moment.</summary>
    public void End(DateTimeOffset now)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = now;
        foreach (var viewer in viewers.Where(v => v.IsWatching))
        {
            viewer.Leave(now);
        }
    }

    private void EnsureLive()
    {
        if (EndedAt is not null)
        {
            throw new DomainConflictException("broadcast_ended", "This broadcast has ended.");
        }
    }
}

/// <summary>One viewing of a broadcast: who (a staff account and the role they watched as), from when until when.</summary>
public sealed class BroadcastViewer
{
    private BroadcastViewer()
    {
        Name = Role = string.Empty;
    }

    internal BroadcastViewer(Guid broadcastId, Guid accountId, string name, string role, DateTimeOffset now)
    {
        Name = name;
        Id = NewId.Next();
        BroadcastId = broadcastId;
        AccountId = accountId;
        Role = role;
        JoinedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid BroadcastId { get; private set; }
    public Guid AccountId { get; private set; }

    /// <summary>The name at the time of watching, as the broadcaster's list shows it.</summary>
    public string Name { get; private set; }

    public string Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsWatching => LeftAt is null;

    internal void Leave(DateTimeOffset now) => LeftAt ??= now;
}
