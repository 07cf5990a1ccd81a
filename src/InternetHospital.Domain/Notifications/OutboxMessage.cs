namespace InternetHospital.Domain.Notifications;

/// <summary>Where an outgoing message (e-mail or SMS) stands; stored by name.</summary>
public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// What every outgoing message in an outbox shares: it is saved in the same transaction as the change it tells about
/// and sent later by a background dispatcher, with retries and backoff, until it is sent or given up on (a dead letter,
/// <see cref="OutboxStatus.Failed"/>, kept with its last error instead of being lost). Each kind is its own table.
/// </summary>
public abstract class OutboxMessage
{
    protected OutboxMessage()
    {
        To = string.Empty;
    }

    public Guid Id { get; protected init; }

    /// <summary>The address or number the message goes to, as the person gave it.</summary>
    public string To { get; protected init; }

    public DateTimeOffset CreatedAt { get; protected init; }
    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;
    public int Attempts { get; private set; }

    /// <summary>Not before this instant (a dispatcher claims a message by moving it forward).</summary>
    public DateTimeOffset NextAttemptAt { get; protected set; }

    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public void MarkSent(DateTimeOffset now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Records a failed attempt; after <paramref name="maxAttempts"/> the message is a dead letter (<see cref="OutboxStatus.Failed"/>).</summary>
    public void MarkAttemptFailed(string error, DateTimeOffset nextAttemptAt, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
        }
        else
        {
            NextAttemptAt = nextAttemptAt;
        }
    }
}
