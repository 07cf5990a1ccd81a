using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Results;

/// <summary>How a value compares with its reference range (HL7 v2 OBX-8 / FHIR v3 ObservationInterpretation).</summary>
public enum LabFlag
{
    Normal = 0,
    Low = 1,
    High = 2,

    /// <summary>Abnormal without a direction (a positive screening test, an abnormal text result).</summary>
    Abnormal = 3,
    CriticalLow = 4,
    CriticalHigh = 5,

    /// <summary>Critical without a direction (HL7 "AA").</summary>
    Critical = 6,
}

/// <summary>
/// A laboratory report received from the HIS (read through the FHIR port or sent as HL7 v2 ORU^R01), kept by the HIS's
/// patient id: it is shown to the portal patient linked to that id, so a report that arrives before the patient is
/// linked waits for the link instead of being lost or guessed at. Sensitive reports (domain rule 25) are visible to
/// the patient only once the ordering doctor releases them or their release time has come.
/// </summary>
public sealed class LabReport
{
    public const int MaxObservations = 200;

    private readonly List<LabObservation> observations = [];

    private LabReport()
    {
        HisPatientId = SourceId = Code = Name = Status = string.Empty;
    }

    public Guid Id { get; private set; }

    public string HisPatientId { get; private set; }

    /// <summary>The HIS's id of the report; a corrected report replaces the one with the same id.</summary>
    public string SourceId { get; private set; }

    /// <summary>The HL7 v2 message (MSH-10) it last came in, so a message sent twice is stored once.</summary>
    public string? MessageControlId { get; private set; }

    public string Code { get; private set; }
    public string? CodeSystem { get; private set; }
    public string Name { get; private set; }
    public string Status { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string? OrderingDoctorLicence { get; private set; }
    public string? OrderingDoctorName { get; private set; }

    public bool Sensitive { get; private set; }

    /// <summary>When a sensitive report is released by itself if the ordering doctor has not released it before.</summary>
    public DateTimeOffset? ReleaseDueAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }
    public Guid? ReleasedBy { get; private set; }

    public bool HasCritical { get; private set; }

    /// <summary>When the patient and their team were told about a critical value (once per report).</summary>
    public DateTimeOffset? CriticalNotifiedAt { get; private set; }

    public IReadOnlyList<LabObservation> Observations => observations;

    public static LabReport Receive(string hisPatientId, LabReportContent content, bool sensitive, TimeSpan releaseDelay, string? messageControlId, DateTimeOffset now)
    {
        var report = new LabReport
        {
            Id = NewId.Next(),
            HisPatientId = hisPatientId,
            SourceId = content.SourceId,
            ReceivedAt = now,
        };
        report.Apply(content, sensitive, releaseDelay, messageControlId);
        return report;
    }

    /// <summary>A corrected report: its content replaces the old one; a release already given stands.</summary>
    public void Correct(LabReportContent content, bool sensitive, TimeSpan releaseDelay, string? messageControlId)
    {
        observations.Clear();
        Apply(content, sensitive, releaseDelay, messageControlId);
    }

    public bool IsVisibleToPatient(DateTimeOffset now) => !Sensitive || ReleasedAt is not null || ReleaseDueAt <= now;

    /// <summary>The ordering doctor releases a sensitive report to the patient (after talking to them, usually).</summary>
    public void Release(Guid doctorAccountId, DateTimeOffset now)
    {
        if (!Sensitive || ReleasedAt is not null || ReleaseDueAt <= now)
        {
            throw new DomainConflictException("result_already_released", "This result is already visible to the patient.");
        }

        ReleasedAt = now;
        ReleasedBy = doctorAccountId;
    }

    public void MarkCriticalNotified(DateTimeOffset now) => CriticalNotifiedAt ??= now;

    private void Apply(LabReportContent content, bool sensitive, TimeSpan releaseDelay, string? messageControlId)
    {
        if (content.Observations.Count > MaxObservations)
        {
            throw new DomainRuleException("too_many_observations", $"A report holds at most {MaxObservations} values.");
        }

        Code = content.Code;
        CodeSystem = content.CodeSystem;
        Name = content.Name;
        Status = content.Status;
        // Note: stored in UTC (PostgreSQL's timestamptz takes no other offset); the HIS's local offset says nothing the instant does not.
        IssuedAt = content.IssuedAt.ToUniversalTime();
        OrderingDoctorLicence = content.OrderingDoctorLicence;
        OrderingDoctorName = content.OrderingDoctorName;
        MessageControlId = messageControlId ?? MessageControlId;
        Sensitive = sensitive;

        // Note: the delay runs from when the portal received the report, not from when it was issued: a report that
        // reaches the portal late must still give the doctor the whole delay to speak to the patient first.
        ReleaseDueAt = sensitive ? ReceivedAt + releaseDelay : null;
        var sequence = 0;
        foreach (var o in content.Observations)
        {
            observations.Add(new LabObservation(Id, ++sequence, o));
        }

        HasCritical = observations.Any(o => o.IsCritical);
    }
}

/// <summary>One value of a report, as the HIS gave it (the catalogue adds names and notes when it is shown).</summary>
public sealed class LabObservation
{
    private LabObservation()
    {
        Code = Name = string.Empty;
    }

    internal LabObservation(Guid reportId, int sequence, LabObservationContent content)
    {
        Id = NewId.Next();
        ReportId = reportId;
        Sequence = sequence;
        Code = content.Code;
        CodeSystem = content.CodeSystem;
        Name = content.Name;
        Value = content.Value;
        ValueText = content.ValueText;
        Unit = content.Unit;
        Low = content.Low;
        High = content.High;
        RangeText = content.RangeText;
        Flag = content.Flag;
        ObservedAt = content.ObservedAt?.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int Sequence { get; private set; }
    public string Code { get; private set; }
    public string? CodeSystem { get; private set; }

    /// <summary>The name the HIS gave (shown as is when the catalogue does not know the code).</summary>
    public string Name { get; private set; }

    public decimal? Value { get; private set; }
    public string? ValueText { get; private set; }
    public string? Unit { get; private set; }
    public decimal? Low { get; private set; }
    public decimal? High { get; private set; }
    public string? RangeText { get; private set; }
    public LabFlag Flag { get; private set; }
    public DateTimeOffset? ObservedAt { get; private set; }

    public bool IsCritical => Flag is LabFlag.CriticalLow or LabFlag.CriticalHigh or LabFlag.Critical;
}

public sealed record LabReportContent(
    string SourceId,
    string Code,
    string? CodeSystem,
    string Name,
    string Status,
    DateTimeOffset IssuedAt,
    string? OrderingDoctorLicence,
    string? OrderingDoctorName,
    IReadOnlyList<LabObservationContent> Observations);

public sealed record LabObservationContent(
    string Code,
    string? CodeSystem,
    string Name,
    decimal? Value,
    string? ValueText,
    string? Unit,
    decimal? Low,
    decimal? High,
    string? RangeText,
    LabFlag Flag,
    DateTimeOffset? ObservedAt);
