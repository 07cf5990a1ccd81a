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

    /// <summary>Messages are delivered in order per patient.</summary>
    public Guid PatientId { get; private set; }

    public string Kind { get; private set; }

    /// <summary>The message as JSON (adapter-neutral); each adapter maps it to its dialect when delivering.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public HisOutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public static HisOutboxMessage Create(Guid patientId, string kind, string payload, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        Kind = kind,
        Payload = payload,
        CreatedAt = now,
        Status = HisOutboxStatus.Pending,
        NextAttemptAt = now,
    };
}
