using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Emergency;

public sealed class EmergencyTimelineEntry
{
    private EmergencyTimelineEntry()
    {
        ByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public TimelineKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ByAccountId { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal static EmergencyTimelineEntry Create(Guid caseId, TimelineKind kind, DateTimeOffset at, Actor by, DateTimeOffset now) => new()
    {
        Id = NewId.Next(), CaseId = caseId, Kind = kind, At = at, ByAccountId = by.AccountId, ByName = by.Name, RecordedAt = now,
    };
}

public sealed class EmergencyVitalsEntry
{
    private EmergencyVitalsEntry()
    {
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset MeasuredAt { get; private set; }
    public int? HeartRate { get; private set; }
    public int? Systolic { get; private set; }
    public int? Diastolic { get; private set; }
    public int? SpO2 { get; private set; }
    public int? RespiratoryRate { get; private set; }
    public decimal? Temperature { get; private set; }
    public decimal? Glucose { get; private set; }
    public int? Gcs { get; private set; }
    public Guid RecordedByAccountId { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal static EmergencyVitalsEntry Create(Guid caseId, VitalSigns signs, DateTimeOffset measuredAt, Actor by, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        CaseId = caseId,
        MeasuredAt = measuredAt,
        HeartRate = signs.HeartRate,
        Systolic = signs.Systolic,
        Diastolic = signs.Diastolic,
        SpO2 = signs.SpO2,
        RespiratoryRate = signs.RespiratoryRate,
        Temperature = signs.Temperature,
        Glucose = signs.Glucose,
        Gcs = signs.Gcs,
        RecordedByAccountId = by.AccountId,
        RecordedByName = by.Name,
        RecordedAt = now,
    };
}

public sealed class EmergencyTreatment
{
    private EmergencyTreatment()
    {
        Description = ByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset GivenAt { get; private set; }
    public string Description { get; private set; }
    public Guid ByAccountId { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal static EmergencyTreatment Create(Guid caseId, DateTimeOffset givenAt, string description, Actor by, DateTimeOffset now) => new()
    {
        Id = NewId.Next(), CaseId = caseId, GivenAt = givenAt, Description = description, ByAccountId = by.AccountId, ByName = by.Name, RecordedAt = now,
    };
}

public sealed class EmergencyMessage
{
    private EmergencyMessage()
    {
        Text = AuthorName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public MessageSide Side { get; private set; }
    public Guid AuthorAccountId { get; private set; }
    public string AuthorName { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static EmergencyMessage Create(Guid caseId, MessageSide side, string text, Actor by, DateTimeOffset now) => new()
    {
        Id = NewId.Next(), CaseId = caseId, Side = side, AuthorAccountId = by.AccountId, AuthorName = by.Name, Text = text, At = now,
    };
}

/// <summary>An image the crew took (ECG strip, injury, medicine box, ID card); the bytes are a stored file.</summary>
public sealed class EmergencyAttachment
{
    private EmergencyAttachment()
    {
        ContentType = ByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid FileId { get; private set; }
    public string ContentType { get; private set; }
    public string? Caption { get; private set; }
    public Guid ByAccountId { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    internal static EmergencyAttachment Create(Guid caseId, Guid fileId, string contentType, string? caption, Actor by, DateTimeOffset now) => new()
    {
        Id = NewId.Next(), CaseId = caseId, FileId = fileId, ContentType = contentType, Caption = caption, ByAccountId = by.AccountId, ByName = by.Name, UploadedAt = now,
    };
}

/// <summary>A pathway team alerted for a case, and who of the team acknowledged it.</summary>
public sealed class EmergencyAlert
{
    private readonly List<EmergencyAlertAck> acks = [];

    private EmergencyAlert()
    {
        RaisedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public EmergencyPathway Pathway { get; private set; }
    public Guid FacilityId { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public Guid RaisedByAccountId { get; private set; }
    public string RaisedByName { get; private set; }
    public IReadOnlyList<EmergencyAlertAck> Acks => acks;

    internal static EmergencyAlert Create(Guid caseId, EmergencyPathway pathway, Guid facilityId, Actor by, DateTimeOffset now) => new()
    {
        Id = NewId.Next(), CaseId = caseId, Pathway = pathway, FacilityId = facilityId, RaisedAt = now, RaisedByAccountId = by.AccountId, RaisedByName = by.Name,
    };

    /// <summary>A team member acknowledges; acknowledging again keeps the first time.</summary>
    public bool Acknowledge(Actor member, DateTimeOffset now)
    {
        if (acks.Any(a => a.AccountId == member.AccountId))
        {
            return false;
        }

        acks.Add(EmergencyAlertAck.Create(Id, member, now));
        return true;
    }
}

public sealed class EmergencyAlertAck
{
    private EmergencyAlertAck()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AlertId { get; private set; }
    public Guid AccountId { get; private set; }
    public string Name { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static EmergencyAlertAck Create(Guid alertId, Actor by, DateTimeOffset now) => new()
    {
        Id = NewId.Next(), AlertId = alertId, AccountId = by.AccountId, Name = by.Name, At = now,
    };
}
