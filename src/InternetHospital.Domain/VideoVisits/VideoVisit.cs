using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.VideoVisits;

public enum VideoVisitStatus
{
    /// <summary>The patient checked in and waits to be admitted.</summary>
    Waiting = 1,

    /// <summary>The doctor admitted the patient: the call is on (or paused while someone reconnects).</summary>
    InProgress = 2,

    /// <summary>The doctor signed the note; read-only from now on.</summary>
    Completed = 3,

    /// <summary>The doctor stopped the online visit and referred the patient to in-person or emergency care.</summary>
    Referred = 4,
}

/// <summary>Who someone is in a visit's room.</summary>
public enum VisitRole
{
    Patient = 1,
    Doctor = 2,
    Specialist = 3,

    /// <summary>Someone without an account invited by link (an interpreter, a relative, a carer): call and chat only.</summary>
    Guest = 4,

    /// <summary>The ambulance crew of an emergency case's service (an emergency case's room).</summary>
    Crew = 5,

    /// <summary>Staff of the emergency department the case is coming to (an emergency case's room).</summary>
    EmergencyStaff = 6,
}

/// <summary>What a video room is for: a booked appointment's visit, a remote consultation between institutions, or the
/// call between an emergency department and the ambulance crew bringing a patient.</summary>
public enum VisitPurpose
{
    Appointment = 1,
    Consultation = 2,
    EmergencyCase = 3,
}

/// <summary>Why an online visit was stopped (domain rule 2).</summary>
public enum ReferralReason
{
    ConditionChanged = 1,
    FirstVisit = 2,
    Emergency = 3,
    Other = 4,
}

/// <summary>
/// The video side of a booked appointment: the waiting room, the call, the people in it and the signed record.
/// It shares its id with the appointment (one visit per appointment, created when the patient checks in) and keeps
/// the appointment facts it needs so that the room can be authorised without the booking tables. The appointment
/// moves with it (checked in, in progress, completed) in the same unit of work.
/// </summary>
public sealed class VideoVisit
{
    /// <summary>
    /// On the browser mesh: patient, doctor and at most two invited specialists, since four is what browsers carry well
    /// when each sends its video to every other. Through a media server the room holds what that server is configured
    /// for (<c>Video:Janus:MaxParticipants</c>): the use cases pass the media path's capacity in as <c>roomCapacity</c>.
    /// </summary>
    public const int MaxParticipants = 4;

    /// <summary>What <see cref="RecordingBlockedBy"/> holds when the media path cannot record.</summary>
    public const string RecordingUnavailable = "unavailable";

    private readonly List<VisitEvent> events = [];
    private readonly List<VisitInvitation> invitations = [];
    private readonly List<VisitAddendum> addenda = [];
    private readonly List<RecordingConsent> recordingConsents = [];

    private VideoVisit()
    {
    }

    /// <summary>The appointment's id (or the consultation's, for a consultation's room).</summary>
    public Guid Id { get; private set; }

    public VisitPurpose Purpose { get; private set; } = VisitPurpose.Appointment;

    /// <summary>A consultation's room the patient was not invited to: the patient (and their proxies) stay out.</summary>
    public bool PatientExcluded { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The treating doctor (<c>Doctor.Id</c>) and the account they sign in with.</summary>
    public Guid DoctorId { get; private set; }

    public Guid DoctorAccountId { get; private set; }
    public DateTimeOffset ScheduledStart { get; private set; }
    public DateTimeOffset ScheduledEnd { get; private set; }
    public VideoVisitStatus Status { get; private set; }
    public DateTimeOffset CheckedInAt { get; private set; }
    public DateTimeOffset? AdmittedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public ReferralReason? ReferralReason { get; private set; }
    public string? ReferralDetail { get; private set; }

    /// <summary>The note, from the first draft on; signed when the visit completes.</summary>
    public VisitNote? Note { get; private set; }

    /// <summary>Optimistic concurrency: an admit and a second admit (or a refer) cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<VisitEvent> Events => events;
    public IReadOnlyList<VisitInvitation> Invitations => invitations;
    public IReadOnlyList<VisitAddendum> Addenda => addenda;
    public IReadOnlyList<RecordingConsent> RecordingConsents => recordingConsents;

    /// <summary>Whether the media server is recording this visit's call right now (see <see cref="DecideRecording"/>).</summary>
    public bool IsRecording { get; private set; }

    /// <summary>Whether anything of the call was ever recorded (the raw recordings then wait for post-processing).</summary>
    public bool WasRecorded { get; private set; }

    /// <summary>
    /// Why the call is not recorded, for the record: the roles that were in the call without consenting
    /// (<c>Patient,Specialist</c>), or <c>unavailable</c> when the media path cannot record. Null while recording.
    /// </summary>
    public string? RecordingBlockedBy { get; private set; }

    public bool IsFinished => Status is VideoVisitStatus.Completed or VideoVisitStatus.Referred;

    /// <summary>
    /// The patient checks in: the visit opens with them waiting. When check-in is allowed (from shortly before the
    /// start until the end of the slot) is the appointment's rule; its <c>CheckIn</c> runs in the same unit of work.
    /// </summary>
    public static VideoVisit CheckIn(
        Guid appointmentId,
        Guid patientId,
        Guid doctorId,
        Guid doctorAccountId,
        DateTimeOffset scheduledStart,
        DateTimeOffset scheduledEnd,
        Guid checkedInBy,
        DateTimeOffset now)
    {
        var visit = new VideoVisit
        {
            Id = appointmentId,
            PatientId = patientId,
            DoctorId = doctorId,
            DoctorAccountId = doctorAccountId,
            ScheduledStart = scheduledStart,
            ScheduledEnd = scheduledEnd,
            Status = VideoVisitStatus.Waiting,
            CheckedInAt = now,
        };
        visit.Record(now, checkedInBy, VisitEventKinds.CheckedIn, null);
        return visit;
    }

    /// <summary>
    /// The room of a remote consultation (no appointment behind it): the lead specialist hosts it as the room's doctor,
    /// the requesting doctor and any other specialist are in it as invited specialists, the patient only when invited.
    /// It opens with the call on, since starting the consultation is the host's admit; it is read-only once closed.
    /// </summary>
    public static VideoVisit OpenForConsultation(
        Guid consultationId,
        Guid patientId,
        Guid hostDoctorId,
        Guid hostAccountId,
        IReadOnlyList<(Guid DoctorId, Guid AccountId)> otherDoctors,
        bool patientInvited,
        DateTimeOffset scheduledStart,
        int roomCapacity,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(otherDoctors);
        ArgumentOutOfRangeException.ThrowIfLessThan(roomCapacity, 2);
        var guests = otherDoctors.Where(d => d.AccountId != hostAccountId).DistinctBy(d => d.AccountId).ToList();
        if (guests.Count + 1 + (patientInvited ? 1 : 0) > roomCapacity)
        {
            throw new DomainRuleException("too_many_participants", $"A video room holds at most {roomCapacity} people.");
        }

        var visit = new VideoVisit
        {
            Id = consultationId,
            Purpose = VisitPurpose.Consultation,
            PatientExcluded = !patientInvited,
            PatientId = patientId,
            DoctorId = hostDoctorId,
            DoctorAccountId = hostAccountId,
            ScheduledStart = scheduledStart,
            ScheduledEnd = scheduledStart.AddHours(1),
            Status = VideoVisitStatus.InProgress,
            CheckedInAt = now,
            AdmittedAt = now,
        };
        foreach (var (doctorId, accountId) in guests)
        {
            visit.invitations.Add(new VisitInvitation(NewId.Next(), visit.Id, doctorId, accountId, hostAccountId, now));
        }

        visit.Record(now, hostAccountId, VisitEventKinds.Admitted, "consultation");
        return visit;
    }

    /// <summary>
    /// The room of an emergency case (its id is the case's): the department and the ambulance crew, never the patient, and
    /// no <c>Doctor</c> row behind it (who may be in it is the case's rule: the crew of its service, the staff of its
    /// destination). It opens with the call on, for as long as the case is open: a call ended and started again uses the
    /// same room; the handover closes it.
    /// </summary>
    public static VideoVisit OpenForEmergencyCase(Guid caseId, Guid startedByAccountId, DateTimeOffset now)
    {
        var visit = new VideoVisit
        {
            Id = caseId,
            Purpose = VisitPurpose.EmergencyCase,
            PatientExcluded = true,
            PatientId = Guid.Empty,
            DoctorId = Guid.Empty,
            DoctorAccountId = startedByAccountId,
            ScheduledStart = now,
            ScheduledEnd = now.AddHours(24),
            Status = VideoVisitStatus.InProgress,
            CheckedInAt = now,
            AdmittedAt = now,
        };
        visit.Record(now, startedByAccountId, VisitEventKinds.Admitted, "emergency_case");
        return visit;
    }

    /// <summary>The emergency case was handed over (closed): its room closes for good.</summary>
    public void CloseEmergencyRoom(Guid accountId, DateTimeOffset now)
    {
        if (Purpose != VisitPurpose.EmergencyCase || IsFinished)
        {
            return;
        }

        Status = VideoVisitStatus.Completed;
        EndedAt = now;
        Touch();
        RecordingEnded(now);
        Record(now, accountId, VisitEventKinds.Completed, "emergency_case");
    }

    /// <summary>The consultation's opinion is signed (or it was cancelled): its room closes for good.</summary>
    public void CloseConsultationRoom(Guid accountId, DateTimeOffset now)
    {
        if (Purpose != VisitPurpose.Consultation || IsFinished)
        {
            return;
        }

        Status = VideoVisitStatus.Completed;
        EndedAt = now;
        Touch();
        RecordingEnded(now);
        Record(now, accountId, VisitEventKinds.Completed, "consultation");
    }

    /// <summary>A patient who checked in, left and comes back: recorded, nothing else changes.</summary>
    public void RecordReturn(Guid accountId, DateTimeOffset now)
    {
        EnsureNotFinished();
        Record(now, accountId, VisitEventKinds.CheckedIn, "again");
    }

    /// <summary>The treating doctor lets the patient in: the call starts.</summary>
    public void Admit(Guid doctorAccountId, DateTimeOffset now)
    {
        EnsureNotFinished();
        if (doctorAccountId != DoctorAccountId)
        {
            throw new DomainRuleException("not_treating_doctor", "Only the visit's doctor can admit the patient.");
        }

        if (Status != VideoVisitStatus.Waiting)
        {
            throw new DomainConflictException("visit_already_admitted", "The patient has already been admitted.");
        }

        Status = VideoVisitStatus.InProgress;
        AdmittedAt = now;
        Touch();
        Record(now, doctorAccountId, VisitEventKinds.Admitted, null);
    }

    /// <summary>
    /// The doctor invites a specialist (another doctor) into the room, as long as the patient, the doctor, every
    /// specialist and the <paramref name="activeGuests"/> (guest links neither revoked nor expired) fit in a call of
    /// <paramref name="roomCapacity"/> people (the media path's: <see cref="MaxParticipants"/> on the mesh, the configured
    /// room size through a media server).
    /// </summary>
    public VisitInvitation Invite(Guid specialistDoctorId, Guid specialistAccountId, Guid invitedBy, int roomCapacity, int activeGuests, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roomCapacity, 2);
        EnsureAppointmentVisit();
        EnsureNotFinished();
        EnsureTreatingDoctor(invitedBy, "Only the visit's doctor can invite a specialist.");
        if (specialistAccountId == DoctorAccountId)
        {
            throw new DomainRuleException("cannot_invite_self", "The visit's own doctor is already in the room.");
        }

        if (invitations.Any(i => i.SpecialistAccountId == specialistAccountId))
        {
            throw new DomainConflictException("specialist_already_invited", "This specialist is already invited.");
        }

        EnsureRoomForOneMore(roomCapacity, activeGuests);

        var invitation = new VisitInvitation(NewId.Next(), Id, specialistDoctorId, specialistAccountId, invitedBy, now);
        invitations.Add(invitation);
        Touch();
        Record(now, invitedBy, VisitEventKinds.SpecialistInvited, specialistDoctorId.ToString());
        return invitation;
    }

    /// <summary>
    /// Whether one more guest may be invited: a guest takes a place in the call like a specialist, so the doctor, the
    /// patient (unless excluded from a consultation's room), the specialists, the <paramref name="activeGuests"/> already
    /// invited (links neither revoked nor expired) and the newcomer must fit in <paramref name="roomCapacity"/>.
    /// </summary>
    public void EnsureRoomForGuest(int roomCapacity, int activeGuests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roomCapacity, 2);
        EnsureNotFinished();
        EnsureRoomForOneMore(roomCapacity, activeGuests);
    }

    // Note: invited people count, not who is in the call now: an invitation promises a place, and the hub's call_full
    // would otherwise turn the last invitee away at the door.
    private void EnsureRoomForOneMore(int roomCapacity, int activeGuests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(activeGuests);
        var invited = 1 + (PatientExcluded ? 0 : 1) + invitations.Count + activeGuests;
        if (invited >= roomCapacity)
        {
            throw new DomainRuleException(
                "too_many_participants",
                $"A video visit holds at most {roomCapacity} people: the doctor, the patient, specialists and guests together.");
        }
    }

    /// <summary>Whether an account is an invited specialist of this visit.</summary>
    public bool IsInvitedSpecialist(Guid accountId) => invitations.Any(i => i.SpecialistAccountId == accountId);

    /// <summary>
    /// Someone enters the call (the room's media). Only once the patient is admitted, and never into a finished visit.
    /// </summary>
    public void EnsureCallOpen()
    {
        EnsureNotFinished();
        if (Status != VideoVisitStatus.InProgress)
        {
            throw new DomainConflictException("visit_not_admitted", "The call starts when the doctor admits the patient.");
        }
    }

    public void EnsureNotFinished()
    {
        if (IsFinished)
        {
            throw new DomainConflictException("visit_finished", "This visit has ended and cannot be re-entered.");
        }
    }

    public void RecordJoined(Guid accountId, VisitRole role, DateTimeOffset now) =>
        Record(now, accountId, VisitEventKinds.Joined, role.ToString());

    public void RecordLeft(Guid accountId, VisitRole role, DateTimeOffset now, string why) =>
        Record(now, accountId, VisitEventKinds.Left, $"{role}: {why}");

    /// <summary>
    /// A participant answers "May this visit be recorded?" (domain rule 30). Only while the visit is open; a changed
    /// answer replaces the earlier one, and both are in the trace.
    /// </summary>
    public void AnswerRecordingConsent(Guid accountId, VisitRole role, bool consented, DateTimeOffset now)
    {
        EnsureNotFinished();
        var existing = recordingConsents.SingleOrDefault(c => c.AccountId == accountId);
        if (existing is null)
        {
            recordingConsents.Add(new RecordingConsent(Id, accountId, role, consented, now));
        }
        else if (existing.Consented == consented)
        {
            return;
        }
        else
        {
            existing.Change(consented, now);
        }

        Touch();
        Record(now, accountId, VisitEventKinds.RecordingConsent, $"{role}: {(consented ? "given" : "refused")}");
    }

    /// <summary>
    /// Decides whether the call is recorded, given who is in it now: only when the media path can record, someone is in
    /// the call and every one of them has consented. A newcomer without consent (or a withdrawn consent) stops it; the
    /// roles missing are kept so that the record can say why nothing was recorded.
    /// </summary>
    public RecordingChange DecideRecording(IReadOnlyCollection<CallParticipant> present, RecordingCapability capability, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(present);
        if (IsFinished)
        {
            return RecordingChange.None;
        }

        string? blockedBy;
        if (capability == RecordingCapability.Unavailable)
        {
            blockedBy = RecordingUnavailable;
        }
        else
        {
            var missing = present
                .Where(p => !recordingConsents.Any(c => c.AccountId == p.AccountId && c.Consented))
                .Select(p => p.Role)
                .Distinct()
                .Order()
                .Select(r => r.ToString())
                .ToList();
            blockedBy = present.Count == 0 ? null : missing.Count > 0 ? string.Join(',', missing) : null;
        }

        var record = capability == RecordingCapability.Available && present.Count > 0 && blockedBy is null;

        // Note: an empty call changes nothing in the record: the last reason stays until someone is in the call again.
        if (present.Count > 0 || capability == RecordingCapability.Unavailable)
        {
            RecordingBlockedBy = record ? null : blockedBy;
        }

        if (record == IsRecording)
        {
            return RecordingChange.None;
        }

        IsRecording = record;
        WasRecorded |= record;
        Touch();
        Record(now, null, record ? VisitEventKinds.RecordingStarted : VisitEventKinds.RecordingStopped, record ? null : blockedBy ?? "empty");
        return record ? RecordingChange.Start : RecordingChange.Stop;
    }

    /// <summary>The call is over (the visit ended): whatever the media server recorded has stopped with its room.</summary>
    private void RecordingEnded(DateTimeOffset now)
    {
        if (!IsRecording)
        {
            return;
        }

        IsRecording = false;
        Touch();
        Record(now, null, VisitEventKinds.RecordingStopped, "ended");
    }

    /// <summary>The in-call chat accepts messages from check-in until the visit ends.</summary>
    public void RecordMessage(Guid accountId, Guid messageId, bool withFile, DateTimeOffset now)
    {
        EnsureNotFinished();
        Record(now, accountId, withFile ? VisitEventKinds.FileShared : VisitEventKinds.MessageSent, messageId.ToString());
    }

    /// <summary>The doctor writes or revises the note while the visit is open.</summary>
    public void WriteNote(NoteContent content, Guid doctorAccountId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureAppointmentVisit();
        EnsureNotFinished();
        EnsureTreatingDoctor(doctorAccountId, "Only the visit's doctor writes the note.");
        if (Note is null)
        {
            Note = new VisitNote(Id, content, doctorAccountId, now);
        }
        else
        {
            Note.Revise(content, doctorAccountId, now);
        }

        Touch();
        Record(now, doctorAccountId, VisitEventKinds.NoteSaved, null);
    }

    /// <summary>Orders a follow-up appointment (booked by the booking feature) and keeps its id with the note.</summary>
    public void RecordFollowUpOrdered(Guid appointmentId, Guid doctorAccountId, DateTimeOffset now)
    {
        EnsureFollowUpCanBeOrdered(doctorAccountId);
        Note!.SetFollowUpAppointment(appointmentId);
        Touch();
        Record(now, doctorAccountId, VisitEventKinds.FollowUpOrdered, appointmentId.ToString());
    }

    /// <summary>
    /// Whether the doctor may order a follow-up now (the treating doctor, a note written and not yet signed): checked
    /// before the slot is held, so a refused order holds nothing.
    /// </summary>
    public void EnsureFollowUpCanBeOrdered(Guid doctorAccountId)
    {
        EnsureTreatingDoctor(doctorAccountId, "Only the visit's doctor orders a follow-up.");
        if (Note is null)
        {
            throw new DomainRuleException("note_missing", "Write the note before ordering a follow-up.");
        }

        if (Note.IsSigned)
        {
            throw new DomainConflictException("note_signed", "The note is signed; it cannot change.");
        }
    }

    /// <summary>
    /// The doctor completes the visit: the note is signed (who, when, a hash of its content) and becomes read-only.
    /// </summary>
    public void Complete(Guid doctorAccountId, string doctorName, DateTimeOffset now)
    {
        EnsureAppointmentVisit();
        EnsureNotFinished();
        EnsureTreatingDoctor(doctorAccountId, "Only the visit's doctor completes the visit.");
        if (Status != VideoVisitStatus.InProgress)
        {
            throw new DomainConflictException("visit_not_admitted", "A visit is completed after the patient has been seen.");
        }

        if (Note is null)
        {
            throw new DomainRuleException("note_incomplete", "Write the note (chief complaint, assessment, plan and at least one diagnosis) first.");
        }

        Note.Sign(doctorAccountId, doctorName, now);
        Status = VideoVisitStatus.Completed;
        EndedAt = now;
        Touch();
        RecordingEnded(now);
        Record(now, doctorAccountId, VisitEventKinds.NoteSigned, Note.ContentHash);
        Record(now, doctorAccountId, VisitEventKinds.Completed, null);
    }

    /// <summary>
    /// Stop and refer (domain rule 2): online care is not suitable. The reason is kept; whatever note was written stays,
    /// unsigned, with the referral.
    /// </summary>
    public void StopAndRefer(ReferralReason reason, string? detail, Guid doctorAccountId, DateTimeOffset now)
    {
        EnsureAppointmentVisit();
        EnsureNotFinished();
        EnsureTreatingDoctor(doctorAccountId, "Only the visit's doctor can stop the visit.");
        if (reason == Domain.VideoVisits.ReferralReason.Other && string.IsNullOrWhiteSpace(detail))
        {
            throw new DomainRuleException("referral_detail_required", "Say why online care is not suitable.");
        }

        Status = VideoVisitStatus.Referred;
        ReferralReason = reason;
        ReferralDetail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim();
        EndedAt = now;
        Touch();
        RecordingEnded(now);
        Record(now, doctorAccountId, VisitEventKinds.Referred, reason.ToString());
    }

    /// <summary>A correction to a finished visit's record: the record stays as signed, the addendum is added and hashed.</summary>
    public VisitAddendum AddAddendum(string text, Guid doctorAccountId, string doctorName, DateTimeOffset now)
    {
        EnsureTreatingDoctor(doctorAccountId, "Only the visit's doctor adds to its record.");
        if (!IsFinished)
        {
            throw new DomainConflictException("visit_not_finished", "While the visit is open, change the note itself.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("addendum_empty", "An addendum needs text.");
        }

        var previousHash = addenda.Count == 0 ? Note?.ContentHash : addenda.MaxBy(a => a.Sequence)!.ContentHash;
        var addendum = VisitAddendum.Create(Id, addenda.Count + 1, text.Trim(), doctorAccountId, doctorName, now, previousHash);
        addenda.Add(addendum);
        Touch();
        Record(now, doctorAccountId, VisitEventKinds.AddendumAdded, addendum.ContentHash);
        return addendum;
    }

    /// <summary>Notes, referrals and ad-hoc invitations belong to an appointment's visit; a consultation has its own opinion and participants.</summary>
    private void EnsureAppointmentVisit()
    {
        if (Purpose == VisitPurpose.Consultation)
        {
            throw new DomainConflictException("visit_is_consultation", "This room belongs to a remote consultation: its record is the consultation's opinion.");
        }
    }

    private void EnsureTreatingDoctor(Guid accountId, string message)
    {
        if (accountId != DoctorAccountId)
        {
            throw new DomainRuleException("not_treating_doctor", message);
        }
    }

    private void Touch() => Version++;

    // Note: steps taken together (admit and enter the call) read the clock once, and ids of the same millisecond
    // are random, so the trace could list them out of order. An event is never earlier than or level with one already
    // recorded: one microsecond later (PostgreSQL keeps microseconds).
    private void Record(DateTimeOffset now, Guid? actorAccountId, string kind, string? detail)
    {
        var at = events.Count > 0 && events.Max(e => e.At) is var last && last >= now ? last.AddTicks(10) : now;
        events.Add(new VisitEvent(NewId.Next(), Id, at, actorAccountId, kind, detail));
    }
}

/// <summary>The stable names of what can happen in a visit (its trace, domain rule 11).</summary>
public static class VisitEventKinds
{
    public const string CheckedIn = "checked_in";
    public const string Admitted = "admitted";
    public const string Joined = "joined";
    public const string Left = "left";
    public const string SpecialistInvited = "specialist_invited";
    public const string MessageSent = "message_sent";
    public const string FileShared = "file_shared";
    public const string NoteSaved = "note_saved";
    public const string FollowUpOrdered = "follow_up_ordered";
    public const string NoteSigned = "note_signed";
    public const string Completed = "completed";
    public const string Referred = "referred";
    public const string AddendumAdded = "addendum_added";
    public const string RecordingConsent = "recording_consent";
    public const string RecordingStarted = "recording_started";
    public const string RecordingStopped = "recording_stopped";
}

/// <summary>One thing that happened in a visit: append-only.</summary>
public sealed class VisitEvent
{
    private VisitEvent()
    {
        Kind = string.Empty;
    }

    internal VisitEvent(Guid id, Guid visitId, DateTimeOffset at, Guid? actorAccountId, string kind, string? detail)
    {
        Id = id;
        VisitId = visitId;
        At = at;
        ActorAccountId = actorAccountId;
        Kind = kind;
        Detail = detail;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorAccountId { get; private set; }
    public string Kind { get; private set; }

    /// <summary>Ids, roles and states only; never free text from the visit.</summary>
    public string? Detail { get; private set; }
}

/// <summary>A specialist the treating doctor pulled into the visit (remote consultation).</summary>
public sealed class VisitInvitation
{
    private VisitInvitation()
    {
    }

    internal VisitInvitation(Guid id, Guid visitId, Guid specialistDoctorId, Guid specialistAccountId, Guid invitedBy, DateTimeOffset invitedAt)
    {
        Id = id;
        VisitId = visitId;
        SpecialistDoctorId = specialistDoctorId;
        SpecialistAccountId = specialistAccountId;
        InvitedByAccountId = invitedBy;
        InvitedAt = invitedAt;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid SpecialistDoctorId { get; private set; }
    public Guid SpecialistAccountId { get; private set; }
    public Guid InvitedByAccountId { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
}
