using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.His;

public enum HisOutboxStatus
{
    Pending = 1,
    Delivered = 2,
    DeadLettered = 3,
    Discarded = 4,
}

/// <summary>
/// A message for the HIS, saved in the same transaction as the change that caused it (transactional outbox).
/// Its id is stable across retries so that the HIS can recognise a redelivery.
/// </summary>
public sealed class HisOutboxMessage
{
    private HisOutboxMessage()
    {
        Kind = Payload = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Assigned by the database on insert: the order in which messages were written, and so are delivered per patient.</summary>
    public long Sequence { get; private set; }

    /// <summary>Messages are delivered in order per patient.</summary>
    public Guid PatientId { get; private set; }

    /// <summary>The institution whose HIS must learn this (its own HIS when it has one); null is the consortium's HIS.</summary>
    public Guid? FacilityId { get; private set; }

    public string Kind { get; private set; }

    /// <summary>The message as JSON (adapter-neutral); each adapter maps it to its dialect when delivering.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public HisOutboxStatus Status { get; private set; }

    /// <summary>Attempts since the message was (re)queued: it is dead-lettered when this reaches the limit.</summary>
    public int Attempts { get; private set; }

    /// <summary>Attempts over the message's whole life (an admin's retry starts <see cref="Attempts"/> again, not this).</summary>
    public int TotalAttempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? DeadLetteredAt { get; private set; }
    public DateTimeOffset? DiscardedAt { get; private set; }
    public string? DiscardReason { get; private set; }

    /// <summary>The dispatcher instance delivering the message right now (null when nobody is).</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>Until when the claim holds; a crashed instance's claim runs out and another instance takes over.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public static HisOutboxMessage Create(Guid patientId, string kind, string payload, DateTimeOffset now, Guid? facilityId = null) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        FacilityId = facilityId,
        Kind = kind,
        Payload = payload,
        CreatedAt = now,
        Status = HisOutboxStatus.Pending,
        NextAttemptAt = now,
    };

    /// <summary>The HIS acknowledged the message.</summary>
    public HisDeliveryAttempt RecordDelivered(DateTimeOffset startedAt, DateTimeOffset finishedAt, string instance)
    {
        EnsurePending();
        var attempt = NewAttempt(startedAt, finishedAt, instance, error: null);
        Status = HisOutboxStatus.Delivered;
        DeliveredAt = finishedAt;
        Release();
        return attempt;
    }

    /// <summary>One try failed; the message stays claimed until <see cref="ScheduleRetry"/> decides what comes next.</summary>
    public HisDeliveryAttempt RecordFailure(DateTimeOffset startedAt, DateTimeOffset finishedAt, string instance, string error)
    {
        EnsurePending();
        LastError = Truncate(error, 4000);
        return NewAttempt(startedAt, finishedAt, instance, LastError);
    }

    /// <summary>After failed attempts: try again at <paramref name="nextAttemptAt"/>, or dead-letter once the attempts are used up.</summary>
    public void ScheduleRetry(DateTimeOffset nextAttemptAt, int maxAttempts, DateTimeOffset now)
    {
        EnsurePending();
        if (Attempts >= maxAttempts)
        {
            Status = HisOutboxStatus.DeadLettered;
            DeadLetteredAt = now;
        }
        else
        {
            NextAttemptAt = nextAttemptAt;
        }

        Release();
    }

    /// <summary>Gives the message back without an attempt (the dispatcher stopped, or the HIS circuit is open).</summary>
    public void Release() => (ClaimedBy, ClaimedUntil) = (null, null);

    /// <summary>An admin sends a dead-lettered message again (after fixing the cause), with a fresh set of attempts.</summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != HisOutboxStatus.DeadLettered)
        {
            throw new DomainConflictException("his_message_not_dead_lettered", "Only a dead-lettered message can be retried.");
        }

        Status = HisOutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        DeadLetteredAt = null;
        Release();
    }

    /// <summary>An admin gives up on a message the HIS will never accept (or no longer needs); it stays for the record.</summary>
    public void Discard(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status is not (HisOutboxStatus.DeadLettered or HisOutboxStatus.Pending))
        {
            throw new DomainConflictException("his_message_not_discardable", "Only a pending or dead-lettered message can be discarded.");
        }

        if (ClaimedUntil is { } until && until > now)
        {
            throw new DomainConflictException("his_message_in_delivery", "The message is being delivered right now; try again in a moment.");
        }

        Status = HisOutboxStatus.Discarded;
        DiscardedAt = now;
        DiscardReason = Truncate(reason.Trim(), 500);
        Release();
    }

    private HisDeliveryAttempt NewAttempt(DateTimeOffset startedAt, DateTimeOffset finishedAt, string instance, string? error)
    {
        Attempts++;
        TotalAttempts++;
        return HisDeliveryAttempt.Create(Id, TotalAttempts, startedAt, finishedAt, instance, error);
    }

    private void EnsurePending()
    {
        if (Status != HisOutboxStatus.Pending)
        {
            throw new DomainConflictException("his_message_not_pending", $"The message is {Status}, not pending.");
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>One try to deliver a message: when, how long, by which instance, and what went wrong.</summary>
public sealed class HisDeliveryAttempt
{
    private HisDeliveryAttempt()
    {
        Instance = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid MessageId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset FinishedAt { get; private set; }
    public string Instance { get; private set; }
    public bool Succeeded => Error is null;
    public string? Error { get; private set; }

    internal static HisDeliveryAttempt Create(Guid messageId, int number, DateTimeOffset startedAt, DateTimeOffset finishedAt, string instance, string? error) => new()
    {
        Id = NewId.Next(),
        MessageId = messageId,
        Number = number,
        StartedAt = startedAt,
        FinishedAt = finishedAt,
        Instance = instance.Length <= 100 ? instance : instance[..100],
        Error = error,
    };
}
