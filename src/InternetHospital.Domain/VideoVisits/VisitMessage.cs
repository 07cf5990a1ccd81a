using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.VideoVisits;

/// <summary>
/// A chat message in a visit: text, a shared file (an image or a PDF in the file store), or both. Kept with the
/// visit for the retention period of visit process records (domain rule 12); shown only to the visit's participants.
/// </summary>
public sealed class VisitMessage
{
    public const int MaxTextLength = 2000;

    private VisitMessage()
    {
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid SenderAccountId { get; private set; }
    public VisitRole SenderRole { get; private set; }
    public string? Text { get; private set; }
    public Guid? FileId { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    public static VisitMessage Create(Guid visitId, Guid sender, VisitRole role, string? text, Guid? fileId, DateTimeOffset now)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is null && fileId is null)
        {
            throw new DomainRuleException("message_empty", "A message needs text or a file.");
        }

        if (trimmed?.Length > MaxTextLength)
        {
            throw new DomainRuleException("message_too_long", $"A message has at most {MaxTextLength} characters.");
        }

        return new VisitMessage
        {
            Id = NewId.Next(),
            VisitId = visitId,
            SenderAccountId = sender,
            SenderRole = role,
            Text = trimmed,
            FileId = fileId,
            SentAt = now,
        };
    }
}

/// <summary>
/// One open connection to a visit's room: who, in which role, whether in the call, and under which peer id their
/// browser runs its media. Shared through the database, so every API instance knows where to relay signalling.
/// </summary>
public sealed class VisitConnection
{
    private VisitConnection()
    {
        ConnectionId = string.Empty;
    }

    /// <summary>The SignalR connection id (unique per connection, across instances).</summary>
    public string ConnectionId { get; private set; }

    public Guid VisitId { get; private set; }
    public Guid AccountId { get; private set; }
    public VisitRole Role { get; private set; }

    /// <summary>
    /// The browser's id for its media session. It survives a reconnect (a new connection id), so the others keep their
    /// peer connection to it and only restart ICE.
    /// </summary>
    public string? PeerId { get; private set; }

    public DateTimeOffset ConnectedAt { get; private set; }
    public DateTimeOffset? InCallSince { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsInCall => InCallSince is not null && ClosedAt is null;

    public static VisitConnection Open(string connectionId, Guid visitId, Guid accountId, VisitRole role, DateTimeOffset now) => new()
    {
        ConnectionId = connectionId,
        VisitId = visitId,
        AccountId = accountId,
        Role = role,
        ConnectedAt = now,
    };

    public void EnterCall(string peerId, DateTimeOffset now)
    {
        if (ClosedAt is not null)
        {
            throw new DomainConflictException("connection_closed", "This connection has left the room.");
        }

        PeerId = peerId;
        InCallSince ??= now;
    }

    /// <summary>Leaving the call keeps the connection in the room (chat, status) but ends its media.</summary>
    public void LeaveCall() => InCallSince = null;

    public void Close(DateTimeOffset now) => ClosedAt ??= now;
}
