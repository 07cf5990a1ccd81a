using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Audit;

/// <summary>
/// One read or change of personal health information: who, which patient, what, when and from where
/// (domain rules 11, 13 and 14). Entries are append-only: nothing in the application updates or deletes them.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = Resource = string.Empty;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorAccountId { get; private set; }

    /// <summary>The actor's roles at the time, comma-separated (roles change; the record must not).</summary>
    public string? ActorRoles { get; private set; }

    public Guid? PatientId { get; private set; }

    /// <summary>A stable verb, e.g. <c>patient.registered</c>, <c>prescription.read</c>.</summary>
    public string Action { get; private set; }

    /// <summary>The kind of record touched, e.g. <c>Patient</c>.</summary>
    public string Resource { get; private set; }

    public string? ResourceId { get; private set; }
    public string? IpAddress { get; private set; }

    /// <summary>Non-personal detail (ids, states); never names or identity numbers.</summary>
    public string? Detail { get; private set; }

    public static AuditEntry Create(
        DateTimeOffset at,
        Guid? actorAccountId,
        string? actorRoles,
        Guid? patientId,
        string action,
        string resource,
        string? resourceId,
        string? ipAddress,
        string? detail) => new()
    {
        Id = NewId.Next(),
        At = at,
        ActorAccountId = actorAccountId,
        ActorRoles = actorRoles,
        PatientId = patientId,
        Action = action,
        Resource = resource,
        ResourceId = resourceId,
        IpAddress = ipAddress,
        Detail = detail,
    };
}
