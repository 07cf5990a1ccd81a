using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Emergency;

/// <summary>What a crew write answers, the first time and on every resend of the same idempotency key.</summary>
public sealed record CrewReceipt(Guid CaseId, int Sequence, string Kind, Guid? ItemId, DateTimeOffset AppliedAt, bool Replayed)
{
    public static CrewReceipt From(EmergencySyncItem item, bool replayed) => new(item.CaseId, item.Sequence, item.Kind, item.ItemId, item.AppliedAt, replayed);
}

public sealed record EtaView(DateTimeOffset At, int Minutes, double DistanceKm, DateTimeOffset? PositionAt);

public sealed record PatientPart(bool Known, Guid? PatientId, string? Name, Sex? Sex, int? Age, int? EstimatedAge, string? Description, string? MaskedIdNumber, DateTimeOffset? MergedAt);

public sealed record VitalsView(
    Guid Id, DateTimeOffset MeasuredAt, int? HeartRate, int? Systolic, int? Diastolic, int? SpO2, int? RespiratoryRate,
    decimal? Temperature, decimal? Glucose, int? Gcs, string RecordedByName);

public sealed record AckView(Guid AccountId, string Name, DateTimeOffset At);

public sealed record AlertPart(Guid Id, EmergencyPathway Pathway, DateTimeOffset RaisedAt, string RaisedByName, IReadOnlyList<AckView> Acks);

public record BoardCase(
    Guid Id,
    EmergencyCaseStatus Status,
    string ServiceName,
    string ServiceNameEn,
    Guid? DestinationId,
    string? DestinationName,
    string? DestinationNameEn,
    PatientPart Patient,
    string? ChiefComplaint,
    int? TriageLevel,
    EmergencyPathway Pathway,
    EtaView? Eta,
    VitalsView? LatestVitals,
    IReadOnlyList<AlertPart> Alerts,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset FirstContactAt,
    DateTimeOffset? ArrivalAt,
    DateTimeOffset? HandedOverAt,
    int LastSequence,
    DateTimeOffset UpdatedAt);

public sealed record TimelineView(TimelineKind Kind, DateTimeOffset At, string ByName);

public sealed record TreatmentView(Guid Id, DateTimeOffset GivenAt, string Description, string ByName);

public sealed record MessageView(Guid Id, DateTimeOffset At, MessageSide Side, string AuthorName, string Text);

public sealed record AttachmentView(Guid Id, string? Caption, string ContentType, DateTimeOffset UploadedAt, string ByName);

/// <summary>The case's full channel: the board summary's fields plus everything recorded (one flat JSON object).</summary>
public sealed record EmergencyCaseView : BoardCase
{
    public EmergencyCaseView(BoardCase summary)
        : base(summary)
    {
    }

    public DateTimeOffset? OnsetAt { get; init; }
    public DateTimeOffset? LastKnownWellAt { get; init; }
    public StrokeScale? StrokeScale { get; init; }
    public int? StrokeScore { get; init; }
    public bool? Stemi { get; init; }
    public string? TraumaMechanism { get; init; }
    public DateTimeOffset? HisRegisteredAt { get; init; }
    public DateTimeOffset? FamilyNotifiedAt { get; init; }

    /// <summary>The department's video call with the crew is on (the crew's app offers to join it, the board to rejoin).</summary>
    public bool VideoCallOn { get; init; }

    public IReadOnlyList<TimelineView> Timeline { get; init; } = [];
    public IReadOnlyList<VitalsView> Vitals { get; init; } = [];
    public IReadOnlyList<TreatmentView> Treatments { get; init; } = [];
    public IReadOnlyList<MessageView> Messages { get; init; } = [];
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];
}

public sealed record DestinationView(Guid Id, Guid FacilityId, string Name, string NameEn, double Latitude, double Longitude);

/// <summary>Builds views of cases with the names they need (services, hospitals, patients) in a few queries.</summary>
public sealed class EmergencyViews(IAppDbContext db, IOptions<HospitalOptions> hospital, TimeProvider clock)
{
    public async Task<IReadOnlyList<BoardCase>> BoardAsync(IReadOnlyList<EmergencyCase> cases, CancellationToken cancellationToken)
    {
        var serviceIds = cases.Select(c => c.ServiceId).Distinct().ToList();
        var services = await db.AmbulanceServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var destinationIds = cases.Where(c => c.DestinationId is not null).Select(c => c.DestinationId!.Value).Distinct().ToList();
        var destinations = await (from r in db.ReceivingHospitals
                                  join f in db.Facilities on r.FacilityId equals f.Id
                                  where destinationIds.Contains(r.Id)
                                  select new { r.Id, f.Name, f.NameEn }).AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var patientIds = cases.Where(c => c.PatientId is not null).Select(c => c.PatientId!.Value).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var today = PatientAccessGuard.Today(clock, hospital.Value);
        return [.. cases.Select(c =>
        {
            var service = services.GetValueOrDefault(c.ServiceId);
            var destination = c.DestinationId is { } d ? destinations.GetValueOrDefault(d) : null;
            var patient = c.PatientId is { } p ? patients.GetValueOrDefault(p) : null;
            return new BoardCase(
                c.Id,
                c.Status,
                service?.Name ?? string.Empty,
                service?.NameEn ?? string.Empty,
                c.DestinationId,
                destination?.Name,
                destination?.NameEn,
                Part(c, patient, today),
                c.ChiefComplaint,
                c.TriageLevel,
                c.Pathway,
                Eta(c, now),
                c.LatestVitals is { } v ? Vitals(v) : null,
                [.. c.Alerts.OrderBy(a => a.RaisedAt).Select(Alert)],
                c.AcceptedAt,
                c.At(TimelineKind.FirstContact) ?? c.CreatedAt,
                c.At(TimelineKind.Arrival),
                c.At(TimelineKind.Handover),
                c.LastSequence,
                c.UpdatedAt);
        })];
    }

    public async Task<EmergencyCaseView> FullAsync(EmergencyCase c, CancellationToken cancellationToken)
    {
        var summary = (await BoardAsync([c], cancellationToken))[0];
        return new EmergencyCaseView(summary)
        {
            OnsetAt = c.OnsetAt,
            LastKnownWellAt = c.LastKnownWellAt,
            StrokeScale = c.StrokeScale,
            StrokeScore = c.StrokeScore,
            Stemi = c.Stemi,
            TraumaMechanism = c.TraumaMechanism,
            HisRegisteredAt = c.AcceptedAt,
            FamilyNotifiedAt = c.FamilyNotifiedAt,
            VideoCallOn = c.IsVideoCallOn,
            Timeline = [.. c.Timeline.OrderBy(t => t.At).ThenBy(t => t.Kind).Select(t => new TimelineView(t.Kind, t.At, t.ByName))],
            Vitals = [.. c.Vitals.OrderBy(v => v.MeasuredAt).ThenBy(v => v.RecordedAt).Select(Vitals)],
            Treatments = [.. c.Treatments.OrderBy(t => t.GivenAt).Select(t => new TreatmentView(t.Id, t.GivenAt, t.Description, t.ByName))],
            Messages = [.. c.Messages.OrderBy(m => m.At).Select(m => new MessageView(m.Id, m.At, m.Side, m.AuthorName, m.Text))],
            Attachments = [.. c.Attachments.OrderBy(a => a.UploadedAt).Select(a => new AttachmentView(a.Id, a.Caption, a.ContentType, a.UploadedAt, a.ByName))],
        };
    }

    public static AlertPart Alert(EmergencyAlert a) =>
        new(a.Id, a.Pathway, a.RaisedAt, a.RaisedByName, [.. a.Acks.OrderBy(k => k.At).Select(k => new AckView(k.AccountId, k.Name, k.At))]);

    public static VitalsView Vitals(EmergencyVitalsEntry v) =>
        new(v.Id, v.MeasuredAt, v.HeartRate, v.Systolic, v.Diastolic, v.SpO2, v.RespiratoryRate, v.Temperature, v.Glucose, v.Gcs, v.RecordedByName);

    public static EtaView? Eta(EmergencyCase c, DateTimeOffset now) => c.EtaAt is { } at
        ? new EtaView(at, Math.Max(0, (int)Math.Ceiling((at - now).TotalMinutes)), c.EtaDistanceKm ?? 0, c.PositionAt)
        : null;

    public static PatientPart Part(EmergencyCase c, Patient? patient, DateOnly today) => patient is null
        ? new PatientPart(false, null, null, c.UnknownSex, null, c.EstimatedAge, c.UnknownDescription, null, null)
        : new PatientPart(true, patient.Id, patient.FullName, patient.Sex, patient.AgeOn(today), null, null, patient.IdNumberMasked, c.MergedAt);
}
