using InternetHospital.Domain.Common;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Domain.Emergency;

/// <summary>
/// One patient's emergency from the crew's first contact to the handover at the hospital (急诊院前登记): who the patient
/// is (known, or unknown and merged later), the assessment, vitals, treatments, images, messages between the crew and
/// the department, the destination with its ETA, pathway alerts, and the timeline that quality review measures.
/// Crew writes are applied once and in the crew's order (<see cref="Admit"/>); every change goes through a method here.
/// </summary>
public sealed class EmergencyCase
{
    public const int MaxTextLength = 500;
    public const int MaxMessageLength = 1000;
    public const int MaxMechanismLength = 200;
    public const int MaxEstimatedAge = 120;

    /// <summary>How far a clock on a phone may run ahead of the server before a time counts as in the future.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    private readonly List<EmergencySyncItem> syncItems = [];
    private readonly List<EmergencyTimelineEntry> timeline = [];
    private readonly List<EmergencyVitalsEntry> vitals = [];
    private readonly List<EmergencyTreatment> treatments = [];
    private readonly List<EmergencyMessage> messages = [];
    private readonly List<EmergencyAttachment> attachments = [];
    private readonly List<EmergencyAlert> alerts = [];

    private EmergencyCase()
    {
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid CreatedByAccountId { get; private set; }
    public EmergencyCaseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int LastSequence { get; private set; }

    public Guid? DestinationId { get; private set; }
    public Guid? DestinationFacilityId { get; private set; }

    public Guid? PatientId { get; private set; }
    public IdentifyMethod? IdentifiedBy { get; private set; }
    public Sex? UnknownSex { get; private set; }
    public int? EstimatedAge { get; private set; }
    public string? UnknownDescription { get; private set; }

    /// <summary>When an unknown patient was merged into their record (the case then has <see cref="PatientId"/>).</summary>
    public DateTimeOffset? MergedAt { get; private set; }

    public string? ChiefComplaint { get; private set; }
    public DateTimeOffset? OnsetAt { get; private set; }
    public DateTimeOffset? LastKnownWellAt { get; private set; }
    public int? TriageLevel { get; private set; }
    public EmergencyPathway Pathway { get; private set; }
    public StrokeScale? StrokeScale { get; private set; }
    public int? StrokeScore { get; private set; }
    public bool? Stemi { get; private set; }
    public string? TraumaMechanism { get; private set; }

    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public DateTimeOffset? PositionAt { get; private set; }
    public DateTimeOffset? EtaAt { get; private set; }
    public double? EtaDistanceKm { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedByAccountId { get; private set; }
    public DateTimeOffset? FamilyNotifiedAt { get; private set; }

    public IReadOnlyList<EmergencySyncItem> SyncItems => syncItems;
    public IReadOnlyList<EmergencyTimelineEntry> Timeline => timeline;
    public IReadOnlyList<EmergencyVitalsEntry> Vitals => vitals;
    public IReadOnlyList<EmergencyTreatment> Treatments => treatments;
    public IReadOnlyList<EmergencyMessage> Messages => messages;
    public IReadOnlyList<EmergencyAttachment> Attachments => attachments;
    public IReadOnlyList<EmergencyAlert> Alerts => alerts;

    public bool IsKnownPatient => PatientId is not null;

    public DateTimeOffset? At(TimelineKind kind) => timeline.FirstOrDefault(t => t.Kind == kind)?.At;

    /// <summary>The case starts with the crew's first write (sequence 1): the first contact, and the call time if known.</summary>
    public static EmergencyCase Start(Guid id, Guid serviceId, Actor crew, SyncStamp stamp, DateTimeOffset? calledAt, DateTimeOffset? firstContactAt, DateTimeOffset now)
    {
        if (stamp.Sequence != 1)
        {
            throw new SyncOrderException(SyncOrderException.Gap, 1, "The case has not been started yet: send its first write (sequence 1) first.");
        }

        var contact = firstContactAt ?? now;
        if (calledAt is { } called && called > contact)
        {
            throw new DomainRuleException("emergency_timeline_out_of_order", "The call cannot come after the first contact.");
        }

        var @case = new EmergencyCase
        {
            Id = id,
            ServiceId = serviceId,
            CreatedByAccountId = crew.AccountId,
            Status = EmergencyCaseStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
            Pathway = EmergencyPathway.General,
        };
        if (calledAt is { } call)
        {
            @case.AddTimeline(TimelineKind.Called, call, crew, now);
        }

        @case.AddTimeline(TimelineKind.FirstContact, contact, crew, now);
        @case.Applied(stamp, "case", null, now);
        return @case;
    }

    /// <summary>
    /// Whether a crew write is new (null: apply it, then call <see cref="Applied"/>) or a resend of one already applied
    /// (its receipt). Anything out of order is refused with the number the client must continue from.
    /// </summary>
    public EmergencySyncItem? Admit(SyncStamp stamp)
    {
        if (syncItems.FirstOrDefault(i => i.Key == stamp.Key) is { } earlier)
        {
            return earlier.Sequence == stamp.Sequence
                ? earlier
                : throw new DomainConflictException("emergency_idempotency_key_reused", "This idempotency key was used for another write.");
        }

        if (stamp.Sequence <= LastSequence)
        {
            throw new SyncOrderException(SyncOrderException.Taken, LastSequence + 1, $"Sequence {stamp.Sequence} is already used by another write: continue from {LastSequence + 1}.");
        }

        if (stamp.Sequence > LastSequence + 1)
        {
            throw new SyncOrderException(SyncOrderException.Gap, LastSequence + 1, $"Writes {LastSequence + 1} to {stamp.Sequence - 1} have not arrived: send them first.");
        }

        return null;
    }

    /// <summary>Records that the crew write <paramref name="stamp"/> was applied, producing <paramref name="itemId"/>.</summary>
    public EmergencySyncItem Applied(SyncStamp stamp, string kind, Guid? itemId, DateTimeOffset now)
    {
        if (stamp.Sequence != LastSequence + 1)
        {
            throw new InvalidOperationException("Admit the write before applying it.");
        }

        var item = EmergencySyncItem.Create(Id, stamp, kind, itemId, now);
        syncItems.Add(item);
        LastSequence = stamp.Sequence;
        UpdatedAt = now;
        return item;
    }

    public void IdentifyKnown(Guid patientId, IdentifyMethod method, DateTimeOffset now)
    {
        EnsureOpen();
        PatientId = patientId;
        IdentifiedBy = method;
        UnknownSex = null;
        EstimatedAge = null;
        UnknownDescription = null;
        UpdatedAt = now;
    }

    public void IdentifyUnknown(Sex? sex, int? estimatedAge, string? description, DateTimeOffset now)
    {
        EnsureOpen();
        if (PatientId is not null)
        {
            throw new DomainConflictException("emergency_patient_already_known", "The patient is already identified.");
        }

        IdentifiedBy = IdentifyMethod.Unknown;
        UnknownSex = sex;
        EstimatedAge = estimatedAge;
        UnknownDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
    }

    /// <summary>An unknown patient identified later (at the hospital too): the case joins their record.</summary>
    public void MergeInto(Guid patientId, DateTimeOffset now)
    {
        if (PatientId is not null)
        {
            throw new DomainConflictException("emergency_patient_already_known", "The patient is already identified.");
        }

        PatientId = patientId;
        MergedAt = now;
        UpdatedAt = now;
    }

    public void Assess(
        string? chiefComplaint,
        DateTimeOffset? onsetAt,
        DateTimeOffset? lastKnownWellAt,
        int? triageLevel,
        EmergencyPathway pathway,
        StrokeScale? strokeScale,
        int? strokeScore,
        bool? stemi,
        string? traumaMechanism,
        DateTimeOffset now)
    {
        EnsureOpen();
        ChiefComplaint = string.IsNullOrWhiteSpace(chiefComplaint) ? null : chiefComplaint.Trim();
        OnsetAt = onsetAt;
        LastKnownWellAt = lastKnownWellAt;
        TriageLevel = triageLevel;
        Pathway = pathway;
        StrokeScale = pathway == EmergencyPathway.Stroke ? strokeScale : null;
        StrokeScore = pathway == EmergencyPathway.Stroke ? strokeScore : null;
        Stemi = pathway == EmergencyPathway.ChestPain ? stemi : null;
        TraumaMechanism = pathway == EmergencyPathway.Trauma && !string.IsNullOrWhiteSpace(traumaMechanism) ? traumaMechanism.Trim() : null;
        UpdatedAt = now;
    }

    public EmergencyVitalsEntry RecordVitals(VitalSigns signs, DateTimeOffset measuredAt, Actor crew, DateTimeOffset now)
    {
        EnsureOpen();
        if (signs.Breaches().Count > 0)
        {
            throw new InvalidOperationException("Vital signs outside the limits are refused before they reach the case.");
        }

        var entry = EmergencyVitalsEntry.Create(Id, signs, measuredAt, crew, now);
        vitals.Add(entry);
        UpdatedAt = now;
        return entry;
    }

    public EmergencyVitalsEntry? LatestVitals => vitals.OrderByDescending(v => v.MeasuredAt).ThenByDescending(v => v.RecordedAt).FirstOrDefault();

    public EmergencyTreatment RecordTreatment(DateTimeOffset givenAt, string description, Actor crew, DateTimeOffset now)
    {
        EnsureOpen();
        var treatment = EmergencyTreatment.Create(Id, givenAt, description.Trim(), crew, now);
        treatments.Add(treatment);
        UpdatedAt = now;
        return treatment;
    }

    public EmergencyMessage Post(MessageSide side, string text, Actor author, DateTimeOffset now)
    {
        EnsureOpen();
        var message = EmergencyMessage.Create(Id, side, text.Trim(), author, now);
        messages.Add(message);
        UpdatedAt = now;
        return message;
    }

    public EmergencyAttachment Attach(Guid fileId, string contentType, string? caption, Actor crew, DateTimeOffset now)
    {
        EnsureOpen();
        var attachment = EmergencyAttachment.Create(Id, fileId, contentType, string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(), crew, now);
        attachments.Add(attachment);
        UpdatedAt = now;
        return attachment;
    }

    /// <summary>
    /// The crew names the hospital they are taking the patient to. The first time is the pre-notification (the lead time
    /// before arrival is measured from it); a change of hospital after acceptance is refused, the department has prepared.
    /// </summary>
    public void SetDestination(ReceivingHospital hospital, Actor crew, double roadFactor, double speedKmh, DateTimeOffset now)
    {
        EnsureOpen();
        if (DestinationId == hospital.Id)
        {
            return;
        }

        if (AcceptedAt is not null)
        {
            throw new DomainConflictException("emergency_already_accepted", "The hospital has accepted the case: the destination can no longer change.");
        }

        DestinationId = hospital.Id;
        DestinationFacilityId = hospital.FacilityId;
        if (At(TimelineKind.PreNotified) is null)
        {
            AddTimeline(TimelineKind.PreNotified, now, crew, now);
        }

        Reestimate(hospital, roadFactor, speedKmh);
        UpdatedAt = now;
    }

    /// <summary>The crew's position; an older one than the last (sent late from a queue) changes nothing.</summary>
    public bool MoveTo(double latitude, double longitude, DateTimeOffset recordedAt, ReceivingHospital? destination, double roadFactor, double speedKmh, DateTimeOffset now)
    {
        if (Status != EmergencyCaseStatus.Open || At(TimelineKind.Arrival) is not null || (PositionAt is { } last && recordedAt <= last))
        {
            return false;
        }

        Latitude = latitude;
        Longitude = longitude;
        PositionAt = recordedAt;
        if (destination is not null)
        {
            Reestimate(destination, roadFactor, speedKmh);
        }

        UpdatedAt = now;
        return true;
    }

    private void Reestimate(ReceivingHospital hospital, double roadFactor, double speedKmh)
    {
        if (Latitude is not { } lat || Longitude is not { } lon || PositionAt is not { } at)
        {
            return;
        }

        var (road, time) = EtaEstimate.Estimate(EtaEstimate.DistanceKm(lat, lon, hospital.Latitude, hospital.Longitude), roadFactor, speedKmh);
        EtaDistanceKm = Math.Round(road, 2);
        EtaAt = at + time;
    }

    /// <summary>The department accepts the case (and registers the patient with the HIS); accepting again changes nothing.</summary>
    public bool Accept(Actor staff, DateTimeOffset now)
    {
        EnsureOpen();
        if (AcceptedAt is not null)
        {
            return false;
        }

        if (DestinationId is null)
        {
            throw new DomainRuleException("emergency_destination_required", "The crew has not named a destination yet.");
        }

        AcceptedAt = now;
        AcceptedByAccountId = staff.AccountId;
        AddTimeline(TimelineKind.Accepted, now, staff, now);
        UpdatedAt = now;
        return true;
    }

    /// <summary>Activates a pathway team at the destination; a pathway already activated keeps its one alert.</summary>
    public EmergencyAlert Activate(EmergencyPathway pathway, Actor by, DateTimeOffset now)
    {
        EnsureOpen();
        if (pathway == EmergencyPathway.General)
        {
            throw new DomainRuleException("emergency_pathway_has_no_team", "The general pathway has no team to alert.");
        }

        if (DestinationFacilityId is not { } facility)
        {
            throw new DomainRuleException("emergency_destination_required", "Name the destination first: its team is the one alerted.");
        }

        if (alerts.FirstOrDefault(a => a.Pathway == pathway && a.FacilityId == facility) is { } existing)
        {
            return existing;
        }

        var alert = EmergencyAlert.Create(Id, pathway, facility, by, now);
        alerts.Add(alert);
        Pathway = pathway;
        AddTimeline(TimelineKind.PathwayActivated, now, by, now);
        UpdatedAt = now;
        return alert;
    }

    public void NotedFamilyNotified(DateTimeOffset now)
    {
        EnsureOpen();
        FamilyNotifiedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Whether a video call between the department and the crew is on (started and not yet ended).</summary>
    public bool IsVideoCallOn => timeline.Count(t => t.Kind == TimelineKind.VideoCallStarted) > timeline.Count(t => t.Kind == TimelineKind.VideoCallEnded);

    /// <summary>
    /// The department calls the crew by video (only while the case is open). Calling again while the call is on rings
    /// again and records nothing: the call is the same one. Returns whether a new call started.
    /// </summary>
    public bool StartVideoCall(Actor by, DateTimeOffset now)
    {
        EnsureOpen();
        if (IsVideoCallOn)
        {
            return false;
        }

        AddTimeline(TimelineKind.VideoCallStarted, now, by, now);
        UpdatedAt = now;
        return true;
    }

    /// <summary>Either side hangs up (or the crew declines): the call ends once; ending a call that is not on changes nothing.</summary>
    public bool EndVideoCall(Actor by, DateTimeOffset now)
    {
        if (!IsVideoCallOn)
        {
            return false;
        }

        AddTimeline(TimelineKind.VideoCallEnded, now, by, now);
        UpdatedAt = now;
        return true;
    }

    /// <summary>The kinds the crew and the department record by hand; the others are recorded by what happens.</summary>
    public static readonly IReadOnlyList<TimelineKind> RecordedByHand = [TimelineKind.SceneDeparture, TimelineKind.Arrival, TimelineKind.Handover, TimelineKind.CtStarted];

    /// <summary>
    /// Records a moment once (records are not rewritten: rule 11), in order: scene departure before arrival, arrival
    /// before handover and CT. A handover without a recorded arrival records the arrival at the same time, and closes
    /// the case; only the door-to-CT time can follow it.
    /// </summary>
    public EmergencyTimelineEntry Record(TimelineKind kind, DateTimeOffset at, Actor by, DateTimeOffset now)
    {
        if (!RecordedByHand.Contains(kind))
        {
            throw new DomainRuleException("emergency_timeline_kind_not_allowed", "This moment is recorded by the system.");
        }

        if (kind != TimelineKind.CtStarted)
        {
            EnsureOpen();
        }

        if (At(kind) is not null)
        {
            throw new DomainConflictException("emergency_timeline_already_recorded", "This moment is already recorded.");
        }

        if (at > now + ClockTolerance)
        {
            throw new DomainRuleException("emergency_time_in_future", "The time is in the future.");
        }

        var contact = At(TimelineKind.FirstContact)!.Value;
        var departure = At(TimelineKind.SceneDeparture);
        var arrival = At(TimelineKind.Arrival);
        var broken = kind switch
        {
            TimelineKind.SceneDeparture => at < contact || (arrival is { } a && at > a),
            TimelineKind.Arrival => at < contact || (departure is { } d && at < d),
            TimelineKind.Handover => at < contact || (arrival is { } a2 && at < a2),
            TimelineKind.CtStarted => arrival is not { } a3 || at < a3,
            _ => false,
        };
        if (broken)
        {
            throw new DomainRuleException("emergency_timeline_out_of_order", "The moments must follow each other: first contact, scene departure, arrival, handover (CT after arrival).");
        }

        if (kind == TimelineKind.Handover && arrival is null)
        {
            AddTimeline(TimelineKind.Arrival, at, by, now);
        }

        var entry = AddTimeline(kind, at, by, now);
        if (kind == TimelineKind.Handover)
        {
            // Note: the handover closes the case's video room, so a call still on ends with it.
            EndVideoCall(by, now);
            Status = EmergencyCaseStatus.HandedOver;
        }

        if (kind is TimelineKind.Arrival or TimelineKind.Handover)
        {
            EtaAt = at;
            EtaDistanceKm = 0;
        }

        UpdatedAt = now;
        return entry;
    }

    private EmergencyTimelineEntry AddTimeline(TimelineKind kind, DateTimeOffset at, Actor by, DateTimeOffset now)
    {
        var entry = EmergencyTimelineEntry.Create(Id, kind, at, by, now);
        timeline.Add(entry);
        return entry;
    }

    private void EnsureOpen()
    {
        if (Status != EmergencyCaseStatus.Open)
        {
            throw new DomainConflictException("emergency_case_closed", "The patient has been handed over: the case is closed.");
        }
    }
}

/// <summary>Who did something, with the name as it was then (the channel shows it without a look-up).</summary>
public sealed record Actor(Guid AccountId, string Name);
