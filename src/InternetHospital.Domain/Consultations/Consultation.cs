using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Consultations;

/// <summary>Video: both doctors (and, if invited, the patient) meet in a video room. Written: the specialist answers in writing.</summary>
public enum ConsultationMode
{
    Video = 1,
    Written = 2,
}

public enum ConsultationUrgency
{
    Routine = 1,
    Urgent = 2,
}

public enum ConsultationStatus
{
    Requested = 1,
    Scheduled = 2,
    InProgress = 3,
    OpinionSigned = 4,
    Declined = 5,
    Cancelled = 6,
}

/// <summary>How the patient consented (domain rule 28): in the app (the patient or a proxy), or on paper attested by the requesting doctor.</summary>
public enum ConsentMethod
{
    InApp = 1,
    Paper = 2,
}

public enum ConsultationAttachmentKind
{
    LabReport = 1,
    Imaging = 2,
    File = 3,
}

/// <summary>What the specialist advises the requesting doctor to do (the structured part of the opinion).</summary>
public enum ConsultationDisposition
{
    ContinueLocalCare = 1,
    AdjustTreatment = 2,
    FurtherTests = 3,
    ReferUp = 4,
    AdmitUrgently = 5,
}

/// <summary>The patient's recorded consent: who gave it, who recorded it, when and how.</summary>
/// <param name="GivenBy">The person who consented as they are named (the patient, or the guardian/proxy).</param>
/// <param name="RecordedByAccountId">The patient's or proxy's account (in app) or the attesting doctor's (paper).</param>
public sealed record ConsultationConsent(ConsentMethod Method, string GivenBy, Guid RecordedByAccountId, DateTimeOffset GivenAt);

public sealed record ConsultationAttachmentRef(ConsultationAttachmentKind Kind, string Reference, string Title);

/// <summary>The structured recommendation that travels with the opinion text.</summary>
public sealed record ConsultationRecommendation(ConsultationDisposition Disposition, string? SuggestedTests, string? SuggestedMedication, int? FollowUpInDays);

public sealed record NewConsultation(
    Guid PatientId,
    Guid RequestingDoctorId,
    Guid RequestingAccountId,
    Guid FromFacilityId,
    Guid ToFacilityId,
    Guid? ToDepartmentId,
    IReadOnlyList<ConsultationSpecialistRef> Specialists,
    ConsultationMode Mode,
    ConsultationUrgency Urgency,
    string Question,
    string RecordSummary,
    ConsultationConsent? Consent,
    IReadOnlyList<ConsultationAttachmentRef> Attachments,
    decimal Fee);

public sealed record ConsultationSpecialistRef(Guid DoctorId, Guid AccountId);

/// <summary>
/// A remote consultation between institutions (远程会诊): a doctor asks a specialist, or a department / MDT of another
/// institution, a question about a patient who consented. Every move is a method here, guarded by
/// <see cref="Transitions"/> (anything else is a 409 <c>consultation_wrong_state</c>) and kept in the timeline:
/// Requested → Scheduled → (video: InProgress →) OpinionSigned; Requested may be declined; open ones cancelled.
/// The opinion is signed like a visit note (a SHA-256 over its canonical form) and is read-only afterwards: corrections
/// are hash-chained addenda.
/// </summary>
public sealed class Consultation
{
    public const int MaxQuestionLength = 2000;
    public const int MaxSummaryLength = 8000;
    public const int MaxReasonLength = 1000;
    public const int MaxOpinionLength = 8000;
    public const int MaxAttachments = 20;

    public const int MaxSpecialists = 5;

    /// <summary>
    /// How many specialists a video consultation may ask in a room of <paramref name="roomCapacity"/> people (the media
    /// path's: four on the browser mesh, the configured room size through Janus): the room holds the requester, the
    /// specialists and a place for the patient, so two on the mesh; never more than <see cref="MaxSpecialists"/>.
    /// </summary>
    public static int MaxVideoSpecialists(int roomCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roomCapacity, 2);
        return Math.Min(MaxSpecialists, roomCapacity - 2);
    }

    public static readonly IReadOnlyDictionary<ConsultationStatus, ConsultationStatus[]> Transitions = new Dictionary<ConsultationStatus, ConsultationStatus[]>
    {
        [ConsultationStatus.Requested] = [ConsultationStatus.Scheduled, ConsultationStatus.Declined, ConsultationStatus.Cancelled],

        // Note: the specialist may move the time while it has not started; a written consultation is answered from here.
        [ConsultationStatus.Scheduled] = [ConsultationStatus.Scheduled, ConsultationStatus.InProgress, ConsultationStatus.OpinionSigned, ConsultationStatus.Cancelled],
        [ConsultationStatus.InProgress] = [ConsultationStatus.OpinionSigned],
        [ConsultationStatus.OpinionSigned] = [],
        [ConsultationStatus.Declined] = [],
        [ConsultationStatus.Cancelled] = [],
    };

    private readonly List<ConsultationEvent> events = [];
    private readonly List<ConsultationAttachment> attachments = [];
    private readonly List<ConsultationSpecialist> specialists = [];
    private readonly List<ConsultationAddendum> addenda = [];

    private Consultation()
    {
        Question = RecordSummary = ConsentGivenBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public ConsultationMode Mode { get; private set; }
    public ConsultationUrgency Urgency { get; private set; }
    public ConsultationStatus Status { get; private set; }
    public Guid RequestingDoctorId { get; private set; }
    public Guid RequestingAccountId { get; private set; }
    public Guid FromFacilityId { get; private set; }
    public Guid ToFacilityId { get; private set; }

    /// <summary>Asked of a department: any of its doctors may take it on (and becomes the lead).</summary>
    public Guid? ToDepartmentId { get; private set; }

    public string Question { get; private set; }

    /// <summary>The record summary from the HIS (problems, medicines, allergies) as it was when the request was made.</summary>
    public string RecordSummary { get; private set; }

    public ConsentMethod ConsentMethod { get; private set; }
    public string ConsentGivenBy { get; private set; }
    public Guid ConsentRecordedByAccountId { get; private set; }
    public DateTimeOffset ConsentGivenAt { get; private set; }

    /// <summary>The fee of the institution pair when requested; zero inside the consortium by default.</summary>
    public decimal Fee { get; private set; }

    public Guid? PaymentId { get; private set; }
    public bool FeePaid { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ScheduledStart { get; private set; }
    public bool PatientInvited { get; private set; }

    /// <summary>The specialist who scheduled it, hosts the video room and signs the opinion.</summary>
    public Guid? LeadDoctorId { get; private set; }

    public string? DeclineReason { get; private set; }
    public ConsultationOpinion? Opinion { get; private set; }

    /// <summary>Optimistic concurrency: two specialists of the department cannot both take it on.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ConsultationEvent> Events => events;
    public IReadOnlyList<ConsultationAttachment> Attachments => attachments;
    public IReadOnlyList<ConsultationSpecialist> Specialists => specialists;
    public IReadOnlyList<ConsultationAddendum> Addenda => addenda;

    public bool IsOpen => Status is ConsultationStatus.Requested or ConsultationStatus.Scheduled or ConsultationStatus.InProgress;

    public bool AwaitsPayment => Fee > 0 && !FeePaid;

    /// <param name="roomCapacity">The media path's room size: it bounds a video consultation's specialists.</param>
    public static Consultation Request(NewConsultation request, int roomCapacity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Consent is null || string.IsNullOrWhiteSpace(request.Consent.GivenBy))
        {
            throw new DomainRuleException("consultation_consent_required", "A remote consultation needs the patient's recorded consent.");
        }

        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw new DomainRuleException("consultation_question_required", "Say what the specialist is asked.");
        }

        if (request.FromFacilityId == request.ToFacilityId)
        {
            throw new DomainRuleException("consultation_same_institution", "A remote consultation is asked of another institution of the consortium.");
        }

        var chosen = request.Specialists.DistinctBy(s => s.DoctorId).ToList();
        if (chosen.Count == 0 && request.ToDepartmentId is null)
        {
            throw new DomainRuleException("consultation_specialist_required", "Ask a specialist, several specialists or a department.");
        }

        if (chosen.Any(s => s.AccountId == request.RequestingAccountId))
        {
            throw new DomainRuleException("consultation_same_institution", "A doctor does not consult themselves.");
        }

        if (chosen.Count > MaxSpecialists || (request.Mode == ConsultationMode.Video && chosen.Count > MaxVideoSpecialists(roomCapacity)))
        {
            throw new DomainRuleException("too_many_participants", $"A video consultation holds at most {MaxVideoSpecialists(roomCapacity)} specialists; a written one {MaxSpecialists}.");
        }

        var items = request.Attachments.DistinctBy(a => (a.Kind, a.Reference)).ToList();
        if (items.Count > MaxAttachments)
        {
            throw new DomainRuleException("too_many_attachments", $"A consultation carries at most {MaxAttachments} attachments.");
        }

        if (request.Fee < 0)
        {
            throw new DomainRuleException("invalid_fee", "A fee cannot be negative.");
        }

        var consultation = new Consultation
        {
            Id = NewId.Next(),
            PatientId = request.PatientId,
            Mode = request.Mode,
            Urgency = request.Urgency,
            Status = ConsultationStatus.Requested,
            RequestingDoctorId = request.RequestingDoctorId,
            RequestingAccountId = request.RequestingAccountId,
            FromFacilityId = request.FromFacilityId,
            ToFacilityId = request.ToFacilityId,
            ToDepartmentId = request.ToDepartmentId,
            Question = request.Question.Trim(),
            RecordSummary = request.RecordSummary,
            ConsentMethod = request.Consent.Method,
            ConsentGivenBy = request.Consent.GivenBy.Trim(),
            ConsentRecordedByAccountId = request.Consent.RecordedByAccountId,
            ConsentGivenAt = request.Consent.GivenAt,
            Fee = decimal.Round(request.Fee, 2),
            CreatedAt = now,
            UpdatedAt = now,
        };
        consultation.specialists.AddRange(chosen.Select(s => new ConsultationSpecialist(consultation.Id, s.DoctorId, s.AccountId)));
        consultation.attachments.AddRange(items.Select(a => new ConsultationAttachment(consultation.Id, a.Kind, a.Reference, a.Title)));
        consultation.Record(ConsultationStatus.Requested, request.RequestingAccountId, $"consent={request.Consent.Method}", now);
        return consultation;
    }

    /// <summary>Whether the doctor was asked by name (one of the specialists or the lead).</summary>
    public bool IsSpecialist(Guid doctorId) => LeadDoctorId == doctorId || specialists.Any(s => s.DoctorId == doctorId);

    /// <summary>
    /// A specialist (or a doctor of the asked department) accepts and sets the time; they become the lead. Scheduling
    /// again moves the time. A fee not yet paid blocks it (409 <c>payment_required</c>).
    /// </summary>
    public void Schedule(Guid doctorId, Guid accountId, DateTimeOffset start, bool invitePatient, int roomCapacity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roomCapacity, 2);
        if (start < now.AddMinutes(-5))
        {
            throw new DomainRuleException("slot_in_the_past", "Schedule the consultation for a time ahead.");
        }

        if (AwaitsPayment)
        {
            throw new DomainConflictException("payment_required", "The consultation fee is not paid yet.");
        }

        if (Status == ConsultationStatus.Scheduled && LeadDoctorId != doctorId)
        {
            throw new DomainConflictException("consultation_wrong_state", "Another specialist has already taken this consultation on.");
        }

        // Note: the room holds the lead, the requester, the other specialists and the invited patient: roomCapacity at most
        // (four on the mesh).
        if (Mode == ConsultationMode.Video && invitePatient && specialists.Count(s => s.DoctorId != doctorId) + 3 > roomCapacity)
        {
            throw new DomainRuleException("too_many_participants", $"A video room holds {roomCapacity} people: invite the patient or fewer specialists.");
        }

        Move(ConsultationStatus.Scheduled);

        LeadDoctorId = doctorId;
        if (specialists.All(s => s.DoctorId != doctorId))
        {
            specialists.Add(new ConsultationSpecialist(Id, doctorId, accountId));
        }

        ScheduledStart = start;
        PatientInvited = Mode == ConsultationMode.Video && invitePatient;
        Record(ConsultationStatus.Scheduled, accountId, start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + (PatientInvited ? " patient-invited" : string.Empty), now);
    }

    public void Decline(string reason, Guid doctorId, Guid accountId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("reason_required", "Say why the consultation is declined.");
        }

        Move(ConsultationStatus.Declined);
        LeadDoctorId = doctorId;
        DeclineReason = reason.Trim();
        Record(ConsultationStatus.Declined, accountId, DeclineReason, now);
    }

    /// <summary>The requesting doctor withdraws it before it has started.</summary>
    public void Cancel(string? reason, Guid accountId, DateTimeOffset now)
    {
        Move(ConsultationStatus.Cancelled);
        Record(ConsultationStatus.Cancelled, accountId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
    }

    /// <summary>The lead specialist opens the video room: the consultation is in progress.</summary>
    public void Start(Guid accountId, DateTimeOffset now)
    {
        if (Mode != ConsultationMode.Video || !Transitions[Status].Contains(ConsultationStatus.InProgress))
        {
            throw new DomainConflictException("consultation_wrong_state", Mode != ConsultationMode.Video ? "A written consultation has no video room." : $"A consultation that is {Status} cannot start.");
        }

        EnsureLead(accountId);
        Move(ConsultationStatus.InProgress);
        Record(ConsultationStatus.InProgress, accountId, null, now);
    }

    /// <summary>The lead specialist signs the opinion: hashed, read-only from now on.</summary>
    public ConsultationOpinion SignOpinion(string text, ConsultationRecommendation recommendation, Guid accountId, string signerName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        EnsureLead(accountId);
        if (Mode == ConsultationMode.Video && Status == ConsultationStatus.Scheduled)
        {
            throw new DomainConflictException("consultation_wrong_state", "A video consultation is signed after it has taken place.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("consultation_opinion_required", "Write the opinion before signing it.");
        }

        if (!Enum.IsDefined(recommendation.Disposition))
        {
            throw new DomainRuleException("consultation_opinion_required", "Choose a recommendation.");
        }

        Move(ConsultationStatus.OpinionSigned);
        Opinion = ConsultationOpinion.Sign(Id, text.Trim(), recommendation, accountId, signerName, now);
        Record(ConsultationStatus.OpinionSigned, accountId, Opinion.ContentHash, now);
        return Opinion;
    }

    /// <summary>A correction after signing: the opinion stays as signed; the addendum is hash-chained to it.</summary>
    public ConsultationAddendum AddAddendum(string text, Guid accountId, string authorName, DateTimeOffset now)
    {
        EnsureLead(accountId);
        if (Opinion is null)
        {
            throw new DomainConflictException("consultation_wrong_state", "Addenda follow a signed opinion.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("addendum_empty", "An addendum needs text.");
        }

        var previous = addenda.Count == 0 ? Opinion.ContentHash : addenda.MaxBy(a => a.Sequence)!.ContentHash;
        var addendum = ConsultationAddendum.Create(Id, addenda.Count + 1, text.Trim(), accountId, authorName, now, previous);
        addenda.Add(addendum);
        Version++;
        UpdatedAt = now;
        return addendum;
    }

    /// <summary>The patient's side paid the fee (or the payment was started: its id is kept).</summary>
    public void AttachPayment(Guid paymentId)
    {
        if (!AwaitsPayment || !IsOpen)
        {
            throw new DomainConflictException("payment_not_pending", "No fee is due for this consultation.");
        }

        PaymentId = paymentId;
        Version++;
    }

    public void MarkPaid(DateTimeOffset now)
    {
        if (FeePaid)
        {
            return;
        }

        FeePaid = true;
        Version++;
        UpdatedAt = now;
    }

    private void EnsureLead(Guid accountId)
    {
        if (LeadDoctorId is null || !specialists.Any(s => s.DoctorId == LeadDoctorId && s.AccountId == accountId))
        {
            throw new DomainRuleException("not_consultation_lead", "Only the specialist leading the consultation does this.");
        }
    }

    private void Move(ConsultationStatus to)
    {
        if (!Transitions[Status].Contains(to))
        {
            throw new DomainConflictException("consultation_wrong_state", $"A consultation that is {Status} cannot become {to}.");
        }

        Status = to;
        Version++;
    }

    private void Record(ConsultationStatus status, Guid actorAccountId, string? note, DateTimeOffset now)
    {
        UpdatedAt = now;
        events.Add(new ConsultationEvent(Id, events.Count + 1, status, actorAccountId, note, now));
    }
}

/// <summary>One step of the timeline: what happened, who did it, when.</summary>
public sealed class ConsultationEvent
{
    private ConsultationEvent()
    {
    }

    internal ConsultationEvent(Guid consultationId, int sequence, ConsultationStatus status, Guid actorAccountId, string? note, DateTimeOffset at)
    {
        Id = NewId.Next();
        ConsultationId = consultationId;
        Sequence = sequence;
        Status = status;
        ActorAccountId = actorAccountId;
        Note = note;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public int Sequence { get; private set; }
    public ConsultationStatus Status { get; private set; }
    public Guid ActorAccountId { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>A released lab report (its id), an imaging study (its study instance UID) or an uploaded file (its id).</summary>
public sealed class ConsultationAttachment
{
    private ConsultationAttachment()
    {
        Reference = Title = string.Empty;
    }

    internal ConsultationAttachment(Guid consultationId, ConsultationAttachmentKind kind, string reference, string title)
    {
        Id = NewId.Next();
        ConsultationId = consultationId;
        Kind = kind;
        Reference = reference;
        Title = title;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public ConsultationAttachmentKind Kind { get; private set; }
    public string Reference { get; private set; }
    public string Title { get; private set; }
}

/// <summary>A specialist asked by name, or the department's doctor who took the consultation on.</summary>
public sealed class ConsultationSpecialist
{
    private ConsultationSpecialist()
    {
    }

    internal ConsultationSpecialist(Guid consultationId, Guid doctorId, Guid accountId)
    {
        Id = NewId.Next();
        ConsultationId = consultationId;
        DoctorId = doctorId;
        AccountId = accountId;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public Guid DoctorId { get; private set; }
    public Guid AccountId { get; private set; }
}

/// <summary>
/// The specialist's signed opinion: the text, the structured recommendation, the signer, the time and a SHA-256 over a
/// canonical form of all of them, so any later change of the stored opinion is detectable.
/// </summary>
public sealed class ConsultationOpinion
{
    private ConsultationOpinion()
    {
        Text = SignedByName = ContentHash = string.Empty;
    }

    public Guid ConsultationId { get; private set; }
    public string Text { get; private set; }
    public ConsultationDisposition Disposition { get; private set; }
    public string? SuggestedTests { get; private set; }
    public string? SuggestedMedication { get; private set; }
    public int? FollowUpInDays { get; private set; }
    public Guid SignedByAccountId { get; private set; }
    public string SignedByName { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
    public string ContentHash { get; private set; }

    public bool VerifySignature() => string.Equals(ContentHash, Hash(CanonicalText()), StringComparison.Ordinal);

    public string CanonicalText() => JsonSerializer.Serialize(new
    {
        consultation = ConsultationId.ToString("D"),
        text = Text,
        disposition = Disposition.ToString(),
        tests = SuggestedTests,
        medication = SuggestedMedication,
        followUpInDays = FollowUpInDays,
        signedBy = SignedByAccountId.ToString("D"),
        signedByName = SignedByName,
        signedAt = SignedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    });

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static ConsultationOpinion Sign(Guid consultationId, string text, ConsultationRecommendation recommendation, Guid accountId, string name, DateTimeOffset now)
    {
        var opinion = new ConsultationOpinion
        {
            ConsultationId = consultationId,
            Text = text,
            Disposition = recommendation.Disposition,
            SuggestedTests = Clean(recommendation.SuggestedTests),
            SuggestedMedication = Clean(recommendation.SuggestedMedication),
            FollowUpInDays = recommendation.FollowUpInDays,
            SignedByAccountId = accountId,
            SignedByName = name,
            SignedAt = now,
        };
        opinion.ContentHash = Hash(opinion.CanonicalText());
        return opinion;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A correction or addition to a signed opinion, chained to the hash before it.</summary>
public sealed class ConsultationAddendum
{
    private ConsultationAddendum()
    {
        Text = AuthorName = ContentHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public int Sequence { get; private set; }
    public string Text { get; private set; }
    public Guid AuthorAccountId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? PreviousHash { get; private set; }
    public string ContentHash { get; private set; }

    internal static ConsultationAddendum Create(Guid consultationId, int sequence, string text, Guid author, string authorName, DateTimeOffset now, string? previousHash)
    {
        var addendum = new ConsultationAddendum
        {
            Id = NewId.Next(),
            ConsultationId = consultationId,
            Sequence = sequence,
            Text = text,
            AuthorAccountId = author,
            AuthorName = authorName,
            At = now,
            PreviousHash = previousHash,
        };
        addendum.ContentHash = ConsultationOpinion.Hash(JsonSerializer.Serialize(new
        {
            consultation = consultationId.ToString("D"),
            sequence,
            text,
            author = author.ToString("D"),
            authorName,
            at = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            previous = previousHash,
        }));
        return addendum;
    }
}

/// <summary>
/// The fee of a consultation asked by one institution of another (a pair, in that direction). No rule: free, which is
/// the consortium's default. Set by an admin.
/// </summary>
public sealed class ConsultationFeeRule
{
    private ConsultationFeeRule()
    {
    }

    public Guid Id { get; private set; }
    public Guid FromFacilityId { get; private set; }
    public Guid ToFacilityId { get; private set; }
    public decimal Amount { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ConsultationFeeRule Create(Guid fromFacilityId, Guid toFacilityId, decimal amount, DateTimeOffset now)
    {
        var rule = new ConsultationFeeRule { Id = NewId.Next(), FromFacilityId = fromFacilityId, ToFacilityId = toFacilityId };
        rule.Change(amount, now);
        return rule;
    }

    public void Change(decimal amount, DateTimeOffset now)
    {
        if (amount < 0 || amount > 100_000)
        {
            throw new DomainRuleException("invalid_fee", "A consultation fee is between 0 and 100000.");
        }

        Amount = decimal.Round(amount, 2);
        UpdatedAt = now;
    }
}

/// <summary>
/// Consent given in the app by the patient or a proxy (Appointments scope) for a remote consultation: the requesting
/// doctor's request uses it once, within <see cref="ValidFor"/>.
/// </summary>
public sealed class ConsultationConsentGrant
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    private ConsultationConsentGrant()
    {
        GivenBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid GivenByAccountId { get; private set; }
    public string GivenBy { get; private set; }
    public DateTimeOffset GivenAt { get; private set; }
    public Guid? UsedByConsultationId { get; private set; }

    public static ConsultationConsentGrant Give(Guid patientId, Guid accountId, string givenBy, DateTimeOffset now) =>
        new() { Id = NewId.Next(), PatientId = patientId, GivenByAccountId = accountId, GivenBy = givenBy, GivenAt = now };

    public bool IsUsable(DateTimeOffset now) => UsedByConsultationId is null && GivenAt + ValidFor > now;

    public ConsultationConsent AsConsent() => new(ConsentMethod.InApp, GivenBy, GivenByAccountId, GivenAt);

    public void MarkUsed(Guid consultationId) => UsedByConsultationId = consultationId;
}
