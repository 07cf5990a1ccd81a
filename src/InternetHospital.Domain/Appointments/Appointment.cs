using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Domain.Appointments;

/// <summary>
/// A patient's visit with a doctor in one slot. The state machine lives here (<see cref="Transitions"/>); the
/// database backs the two invariants that races could break: <see cref="OccupiedSlotId"/> is unique (one
/// appointment per slot) and (<see cref="ActivePatientId"/>, <see cref="DoctorId"/>, <see cref="LocalDate"/>) is
/// unique (one visit per patient per doctor per day). Both are cleared when the appointment is cancelled.
/// </summary>
public sealed class Appointment
{
    /// <summary>Every allowed move. Anything else throws <see cref="DomainConflictException"/> (HTTP 409).</summary>
    public static readonly IReadOnlyDictionary<AppointmentStatus, AppointmentStatus[]> Transitions = new Dictionary<AppointmentStatus, AppointmentStatus[]>
    {
        [AppointmentStatus.PendingReview] = [AppointmentStatus.PendingPayment, AppointmentStatus.Booked, AppointmentStatus.Cancelled],
        [AppointmentStatus.PendingPayment] = [AppointmentStatus.Booked, AppointmentStatus.Cancelled],
        [AppointmentStatus.Booked] = [AppointmentStatus.CheckedIn, AppointmentStatus.NoShow, AppointmentStatus.Cancelled],
        [AppointmentStatus.CheckedIn] = [AppointmentStatus.InProgress, AppointmentStatus.NoShow, AppointmentStatus.Cancelled],
        [AppointmentStatus.InProgress] = [AppointmentStatus.Completed],
        [AppointmentStatus.Completed] = [],
        [AppointmentStatus.NoShow] = [],

        // Note: only a payment that arrives after its hold expired revives a cancelled appointment (see Reinstate).
        [AppointmentStatus.Cancelled] = [AppointmentStatus.Booked],
    };

    /// <summary>States that hold the slot without a confirmed booking (the anti-scalping limit counts these).</summary>
    public static readonly AppointmentStatus[] HoldStates = [AppointmentStatus.PendingReview, AppointmentStatus.PendingPayment];

    /// <summary>States of an appointment that is still going to happen (overlap and same-day limits look at these).</summary>
    public static readonly AppointmentStatus[] UpcomingStates =
        [AppointmentStatus.PendingReview, AppointmentStatus.PendingPayment, AppointmentStatus.Booked, AppointmentStatus.CheckedIn, AppointmentStatus.InProgress];

    private Appointment()
    {
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }

    /// <summary>Who booked it: the patient's own account, a proxy, or a doctor booking a follow-up.</summary>
    public Guid BookedByAccountId { get; private set; }

    public Guid DoctorId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public Guid SlotId { get; private set; }

    /// <summary>The slot while the appointment holds it (unique); null once cancelled, which frees the slot.</summary>
    public Guid? OccupiedSlotId { get; private set; }

    /// <summary>The patient while the appointment is live (unique with doctor and day); null once cancelled.</summary>
    public Guid? ActivePatientId { get; private set; }

    public DateOnly LocalDate { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }
    public VisitType VisitType { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public decimal Fee { get; private set; }
    public string Currency { get; private set; }

    /// <summary>When an unpaid or unreviewed hold lapses.</summary>
    public DateTimeOffset? HoldExpiresAt { get; private set; }

    /// <summary>The payment of the fee (the latest attempt).</summary>
    public Guid? PaymentId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }
    public FollowUpBasis FollowUpBasis { get; private set; }

    /// <summary>The ICD-10 code of the diagnosis being followed up, when the HIS supplied it.</summary>
    public string? FollowUpDiagnosisCode { get; private set; }

    public Guid? ProofFileId { get; private set; }

    /// <summary>The referral this visit was booked through (two-way referral), if any.</summary>
    public Guid? ReferralId { get; private set; }

    public Guid? ReviewedByDoctorId { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewNote { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public CancelledBy? CancelledBy { get; private set; }
    public string? CancellationReason { get; private set; }
    public string? CancellationNote { get; private set; }
    public int RescheduleCount { get; private set; }

    /// <summary>The account that attends with or for the patient (a guardian or proxy), shown to the doctor.</summary>
    public Guid? AttendingAccountId { get; private set; }

    /// <summary>The attending person's name when recorded (the doctor reads it in the waiting room and visit record).</summary>
    public string? AttendingName { get; private set; }

    /// <summary>How the attending person is related to the patient: <c>guardian</c>, <c>parent</c>, <c>spouse</c>, ...</summary>
    public string? AttendingRelation { get; private set; }

    /// <summary>The guardian confirmed they will be present (domain rule 4: a child under 6 only with a guardian).</summary>
    public bool GuardianPresent { get; private set; }

    /// <summary>Optimistic concurrency: a background job and a person acting on the same appointment cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsHold => Status is AppointmentStatus.PendingReview or AppointmentStatus.PendingPayment;

    /// <summary>
    /// Takes a slot for a patient. When the request rests on uploaded proof the doctor must first accept it;
    /// otherwise the slot is held for payment, or booked at once when there is nothing to pay.
    /// </summary>
    public static Appointment Hold(NewAppointment request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slot = request.Slot;
        slot.EnsureBookable(request.VisitType, now, throughReferral: request.ReferralId is not null);
        if (request.VisitType == VisitType.Video && request.Basis == FollowUpBasis.NotRequired)
        {
            throw new DomainRuleException("follow_up_required", "A video visit is only for follow-up of a condition diagnosed in person.");
        }

        if (request.Fee < 0)
        {
            throw new DomainRuleException("invalid_fee", "A fee cannot be negative.");
        }

        var appointment = new Appointment
        {
            Id = NewId.Next(),
            PatientId = request.PatientId,
            BookedByAccountId = request.BookedByAccountId,
            DoctorId = slot.DoctorId,
            DepartmentId = slot.DepartmentId,
            VisitType = request.VisitType,
            Fee = decimal.Round(request.Fee, 2),
            Currency = request.Currency,
            FollowUpBasis = request.Basis,
            FollowUpDiagnosisCode = request.DiagnosisCode,
            ProofFileId = request.ProofFileId,
            ReferralId = request.ReferralId,
            CreatedAt = now,
        };
        appointment.Occupy(slot);

        if (request.Basis == FollowUpBasis.UploadedProof)
        {
            if (request.ProofFileId is null)
            {
                throw new DomainRuleException("proof_required", "Upload proof of the in-person diagnosis.");
            }

            if (request.HoldUntil <= now)
            {
                throw new DomainRuleException("too_late_for_review", "There is not enough time before this visit for the doctor to review your proof.");
            }

            appointment.Status = AppointmentStatus.PendingReview;
            appointment.HoldExpiresAt = request.HoldUntil;
        }
        else if (appointment.Fee == 0)
        {
            appointment.Status = AppointmentStatus.Booked;
            appointment.ConfirmedAt = now;
        }
        else
        {
            appointment.Status = AppointmentStatus.PendingPayment;
            appointment.HoldExpiresAt = request.HoldUntil < slot.Start ? request.HoldUntil : slot.Start;
        }

        appointment.Version = 1;
        return appointment;
    }

    /// <summary>The doctor accepts the uploaded proof: the hold now waits for payment until <paramref name="payBy"/> (or is booked when free).</summary>
    public void AcceptFollowUp(Guid doctorId, string? note, DateTimeOffset payBy, DateTimeOffset now)
    {
        EnsureStatus(AppointmentStatus.PendingReview, "not_awaiting_review");
        ReviewedByDoctorId = doctorId;
        ReviewedAt = now;
        ReviewNote = note;
        if (Fee == 0)
        {
            MoveTo(AppointmentStatus.Booked);
            ConfirmedAt = now;
            HoldExpiresAt = null;
        }
        else
        {
            MoveTo(AppointmentStatus.PendingPayment);
            HoldExpiresAt = payBy < Start ? payBy : Start;
        }
    }

    /// <summary>The doctor finds the proof insufficient: the hold ends and the patient is offered an in-person visit.</summary>
    public void RejectFollowUp(Guid doctorId, string note, DateTimeOffset now)
    {
        EnsureStatus(AppointmentStatus.PendingReview, "not_awaiting_review");
        ReviewedByDoctorId = doctorId;
        ReviewedAt = now;
        ReviewNote = note;
        CancelInternal(Appointments.CancelledBy.Doctor, CancellationReasons.FollowUpRejected, note, now);
    }

    public void AttachPayment(Guid paymentId, DateTimeOffset now)
    {
        EnsureStatus(AppointmentStatus.PendingPayment, "not_awaiting_payment");
        if (HoldExpiresAt is { } expiry && expiry <= now)
        {
            throw new DomainConflictException("hold_expired", "The time held for payment has run out.");
        }

        PaymentId = paymentId;
        Version++;
    }

    /// <summary>The fee was paid while the slot was still held.</summary>
    public void ConfirmPaid(DateTimeOffset now)
    {
        EnsureStatus(AppointmentStatus.PendingPayment, "not_awaiting_payment");
        MoveTo(AppointmentStatus.Booked);
        PaidAt = now;
        ConfirmedAt = now;
        HoldExpiresAt = null;
    }

    /// <summary>
    /// The fee arrived after the hold had expired and the slot is still free: the same appointment is booked again.
    /// The unique slot column makes this fail if someone took the slot meanwhile.
    /// </summary>
    public void Reinstate(DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Cancelled || CancellationReason is not (CancellationReasons.HoldExpired or CancellationReasons.ReviewExpired))
        {
            throw new DomainConflictException("not_reinstatable", "Only an appointment whose hold expired can be reinstated by a late payment.");
        }

        if (Start <= now)
        {
            throw new DomainRuleException("slot_in_the_past", "This time has already begun.");
        }

        MoveTo(AppointmentStatus.Booked);
        OccupiedSlotId = SlotId;
        ActivePatientId = PatientId;
        PaidAt = now;
        ConfirmedAt = now;
        HoldExpiresAt = null;
        CancelledAt = null;
        CancelledBy = null;
        CancellationReason = null;
    }

    /// <summary>Lets a lapsed hold go. Returns false when it is not a hold or not due yet (another instance may have done it).</summary>
    public bool ExpireHold(DateTimeOffset now)
    {
        if (!IsHold || HoldExpiresAt is not { } expiry || expiry > now)
        {
            return false;
        }

        var reason = Status == AppointmentStatus.PendingReview ? CancellationReasons.ReviewExpired : CancellationReasons.HoldExpired;
        CancelInternal(Appointments.CancelledBy.System, reason, null, now);
        return true;
    }

    /// <summary>The patient cancels: holds any time; a booking only until <paramref name="cutoff"/> before the start.</summary>
    public void CancelByPatient(TimeSpan cutoff, DateTimeOffset now)
    {
        if (Status is not (AppointmentStatus.PendingReview or AppointmentStatus.PendingPayment or AppointmentStatus.Booked))
        {
            throw new DomainConflictException("appointment_not_cancellable", $"A {Status} appointment cannot be cancelled.");
        }

        EnsureBeforeCutoff(cutoff, now);
        CancelInternal(Appointments.CancelledBy.Patient, CancellationReasons.ByPatient, null, now);
    }

    /// <summary>The hospital cancels (a cancelled session, for example): no cut-off applies.</summary>
    public void CancelByHospital(CancelledBy by, string reason, string? note, DateTimeOffset now)
    {
        if (Status is not (AppointmentStatus.PendingReview or AppointmentStatus.PendingPayment or AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
        {
            throw new DomainConflictException("appointment_not_cancellable", $"A {Status} appointment cannot be cancelled.");
        }

        CancelInternal(by, reason, note, now);
    }

    /// <summary>Moves the appointment to another free slot of the same doctor, until the cut-off before the current start.</summary>
    public void Reschedule(Slot slot, TimeSpan cutoff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (Status is not (AppointmentStatus.PendingReview or AppointmentStatus.PendingPayment or AppointmentStatus.Booked))
        {
            throw new DomainConflictException("appointment_not_reschedulable", $"A {Status} appointment cannot be rescheduled.");
        }

        EnsureBeforeCutoff(cutoff, now);
        if (slot.DoctorId != DoctorId)
        {
            throw new DomainRuleException("reschedule_other_doctor", "An appointment can be moved to another time of the same doctor only.");
        }

        if (slot.Id == SlotId)
        {
            throw new DomainRuleException("reschedule_same_slot", "This is already the appointment's time.");
        }

        slot.EnsureBookable(VisitType, now, throughReferral: ReferralId is not null);
        Occupy(slot);
        RescheduleCount++;
        if (HoldExpiresAt is { } expiry && expiry > Start)
        {
            HoldExpiresAt = Start;
        }

        Version++;
    }

    /// <summary>The patient arrives (or joins the video waiting room) from <paramref name="opensBefore"/> before the start.</summary>
    public void CheckIn(TimeSpan opensBefore, DateTimeOffset now)
    {
        EnsureStatus(AppointmentStatus.Booked, "appointment_not_booked");
        if (now < Start - opensBefore)
        {
            throw new DomainRuleException("check_in_not_open", $"Check-in opens {opensBefore.TotalMinutes:0} minutes before the start.");
        }

        if (now >= End)
        {
            throw new DomainRuleException("appointment_over", "This appointment's time is over.");
        }

        MoveTo(AppointmentStatus.CheckedIn);
        CheckedInAt = now;
    }

    /// <summary>The doctor admits the checked-in patient: the visit begins.</summary>
    public void Admit(DateTimeOffset now)
    {
        EnsureStatus(AppointmentStatus.CheckedIn, "appointment_not_checked_in");
        MoveTo(AppointmentStatus.InProgress);
        StartedAt = now;
    }

    public void Complete(DateTimeOffset now)
    {
        EnsureStatus(AppointmentStatus.InProgress, "appointment_not_in_progress");
        MoveTo(AppointmentStatus.Completed);
        CompletedAt = now;
    }

    /// <summary>The doctor records that the patient did not come; possible once the appointment has started.</summary>
    public void MarkNoShow(DateTimeOffset now)
    {
        if (Status is not (AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
        {
            throw new DomainConflictException("appointment_not_booked", $"A {Status} appointment cannot be marked as a no-show.");
        }

        if (now < Start)
        {
            throw new DomainRuleException("appointment_not_started", "A patient can be marked as not having come only after the start time.");
        }

        MoveTo(AppointmentStatus.NoShow);
    }

    /// <summary>Records who attends with or for the patient (domain rule 4; traceability, rule 11).</summary>
    public void RecordAttendance(Guid accountId, string name, string relation, bool guardianPresent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relation);
        AttendingAccountId = accountId;
        AttendingName = name.Length > 100 ? name[..100] : name;
        AttendingRelation = relation;
        GuardianPresent = guardianPresent;
        Version++;
    }

    private void Occupy(Slot slot)
    {
        SlotId = slot.Id;
        OccupiedSlotId = slot.Id;
        ActivePatientId = PatientId;
        Start = slot.Start;
        End = slot.End;
        LocalDate = slot.LocalDate;
    }

    private void CancelInternal(CancelledBy by, string reason, string? note, DateTimeOffset now)
    {
        MoveTo(AppointmentStatus.Cancelled);
        CancelledAt = now;
        CancelledBy = by;
        CancellationReason = reason;
        CancellationNote = note;
        OccupiedSlotId = null;
        ActivePatientId = null;
        HoldExpiresAt = null;
    }

    private void EnsureBeforeCutoff(TimeSpan cutoff, DateTimeOffset now)
    {
        // Note: a hold has not been confirmed yet, so letting it go late harms nobody; a booking has the cut-off.
        if (Status == AppointmentStatus.Booked && now > Start - cutoff)
        {
            throw new DomainRuleException("too_late_to_change", $"Appointments can be changed or cancelled until {cutoff.TotalHours:0.#} hours before the start.");
        }
    }

    private void EnsureStatus(AppointmentStatus expected, string code)
    {
        if (Status != expected)
        {
            throw new DomainConflictException(code, $"The appointment is {Status}, not {expected}.");
        }
    }

    private void MoveTo(AppointmentStatus next)
    {
        if (!Transitions[Status].Contains(next))
        {
            throw new DomainConflictException("illegal_transition", $"An appointment cannot go from {Status} to {next}.");
        }

        Status = next;
        Version++;
    }
}

/// <param name="HoldUntil">When the hold lapses: now + the hold duration for payment, or the review deadline for uploaded proof.</param>
public sealed record NewAppointment(
    Guid PatientId,
    Guid BookedByAccountId,
    Slot Slot,
    VisitType VisitType,
    decimal Fee,
    string Currency,
    FollowUpBasis Basis,
    string? DiagnosisCode,
    Guid? ProofFileId,
    DateTimeOffset HoldUntil,
    Guid? ReferralId = null);
