using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.UnitTests.Appointments;

public sealed class AppointmentStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cutoff = TimeSpan.FromHours(2);

    internal static Slot SlotAt(DateTimeOffset start, Guid? doctorId = null, bool video = true) =>
        Slot.Create(doctorId ?? Guid.NewGuid(), Guid.NewGuid(), new PlannedSlot(start, start.AddMinutes(30), DateOnly.FromDateTime(start.UtcDateTime), Guid.NewGuid(), true, video));

    private static Appointment Hold(Slot slot, decimal fee = 50m, VisitType visitType = VisitType.InPerson, FollowUpBasis basis = FollowUpBasis.NotRequired, Guid? proof = null, DateTimeOffset? holdUntil = null) =>
        Appointment.Hold(new NewAppointment(Guid.NewGuid(), Guid.NewGuid(), slot, visitType, fee, "CNY", basis, null, proof, holdUntil ?? Now.AddMinutes(15)), Now);

    [Fact]
    public void A_hold_waits_for_payment_for_fifteen_minutes_and_holds_the_slot()
    {
        var slot = SlotAt(Now.AddDays(2));
        var appointment = Hold(slot);

        Assert.Equal(AppointmentStatus.PendingPayment, appointment.Status);
        Assert.Equal(Now.AddMinutes(15), appointment.HoldExpiresAt);
        Assert.Equal(slot.Id, appointment.OccupiedSlotId);
        Assert.Equal(appointment.PatientId, appointment.ActivePatientId);
    }

    [Fact]
    public void Paying_books_it_and_then_check_in_admit_and_complete_follow_in_order()
    {
        var appointment = Hold(SlotAt(Now.AddHours(1)));
        appointment.ConfirmPaid(Now);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);

        Assert.Equal("check_in_not_open", Assert.Throws<DomainRuleException>(() => appointment.CheckIn(TimeSpan.FromMinutes(15), Now)).Code);
        appointment.CheckIn(TimeSpan.FromMinutes(15), Now.AddMinutes(50));
        Assert.Throws<DomainConflictException>(() => appointment.Complete(Now.AddMinutes(55)));
        appointment.Admit(Now.AddMinutes(60));
        appointment.Complete(Now.AddMinutes(80));
        Assert.Equal(AppointmentStatus.Completed, appointment.Status);
        Assert.Equal("appointment_not_cancellable", Assert.Throws<DomainConflictException>(() => appointment.CancelByPatient(Cutoff, Now.AddMinutes(90))).Code);
    }

    [Fact]
    public void Nothing_to_pay_books_at_once()
    {
        Assert.Equal(AppointmentStatus.Booked, Hold(SlotAt(Now.AddDays(1)), fee: 0).Status);
    }

    [Fact]
    public void A_video_visit_without_a_follow_up_basis_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Hold(SlotAt(Now.AddDays(1)), visitType: VisitType.Video));
        Assert.Equal("follow_up_required", error.Code);
    }

    [Fact]
    public void Uploaded_proof_waits_for_review_then_payment_or_is_rejected_and_frees_the_slot()
    {
        var slot = SlotAt(Now.AddDays(1));
        var accepted = Hold(slot, visitType: VisitType.Video, basis: FollowUpBasis.UploadedProof, proof: Guid.NewGuid(), holdUntil: slot.Start - Cutoff);
        Assert.Equal(AppointmentStatus.PendingReview, accepted.Status);
        Assert.Throws<DomainConflictException>(() => accepted.AttachPayment(Guid.NewGuid(), Now));
        accepted.AcceptFollowUp(Guid.NewGuid(), null, Now.AddHours(12), Now);
        Assert.Equal(AppointmentStatus.PendingPayment, accepted.Status);
        Assert.Equal(Now.AddHours(12), accepted.HoldExpiresAt);

        var rejected = Hold(SlotAt(Now.AddDays(1)), visitType: VisitType.Video, basis: FollowUpBasis.UploadedProof, proof: Guid.NewGuid(), holdUntil: Now.AddHours(20));
        rejected.RejectFollowUp(Guid.NewGuid(), "Not a prior diagnosis", Now);
        Assert.Equal(AppointmentStatus.Cancelled, rejected.Status);
        Assert.Equal(CancellationReasons.FollowUpRejected, rejected.CancellationReason);
        Assert.Null(rejected.OccupiedSlotId);
    }

    [Fact]
    public void A_hold_expires_only_when_due_and_a_late_payment_can_reinstate_it()
    {
        var appointment = Hold(SlotAt(Now.AddDays(1)));
        Assert.False(appointment.ExpireHold(Now.AddMinutes(14)));
        Assert.True(appointment.ExpireHold(Now.AddMinutes(15)));
        Assert.False(appointment.ExpireHold(Now.AddMinutes(16)));
        Assert.Equal(CancellationReasons.HoldExpired, appointment.CancellationReason);
        Assert.Null(appointment.OccupiedSlotId);

        appointment.Reinstate(Now.AddMinutes(20));
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(appointment.SlotId, appointment.OccupiedSlotId);
    }

    [Fact]
    public void Only_an_expired_hold_can_be_reinstated()
    {
        var appointment = Hold(SlotAt(Now.AddDays(1)));
        appointment.CancelByPatient(Cutoff, Now);
        Assert.Equal("not_reinstatable", Assert.Throws<DomainConflictException>(() => appointment.Reinstate(Now)).Code);
    }

    [Fact]
    public void A_patient_changes_a_booking_until_the_cutoff_but_a_hold_at_any_time()
    {
        var slot = SlotAt(Now.AddHours(3));
        var booking = Hold(slot);
        booking.ConfirmPaid(Now);
        Assert.Equal("too_late_to_change", Assert.Throws<DomainRuleException>(() => booking.CancelByPatient(Cutoff, Now.AddHours(1.5))).Code);
        Assert.Equal("too_late_to_change", Assert.Throws<DomainRuleException>(() => booking.Reschedule(SlotAt(Now.AddDays(1), slot.DoctorId), Cutoff, Now.AddHours(1.5))).Code);
        booking.CancelByPatient(Cutoff, Now.AddMinutes(59));
        Assert.Equal(CancelledBy.Patient, booking.CancelledBy);

        var hold = Hold(SlotAt(Now.AddHours(1)));
        hold.CancelByPatient(Cutoff, Now.AddMinutes(30));
        Assert.Equal(AppointmentStatus.Cancelled, hold.Status);
    }

    [Fact]
    public void Rescheduling_stays_with_the_doctor_and_takes_the_new_slot()
    {
        var doctor = Guid.NewGuid();
        var appointment = Hold(SlotAt(Now.AddDays(1), doctor));
        appointment.ConfirmPaid(Now);
        var other = SlotAt(Now.AddDays(2), doctor);
        appointment.Reschedule(other, Cutoff, Now);
        Assert.Equal(other.Id, appointment.OccupiedSlotId);
        Assert.Equal(other.Start, appointment.Start);
        Assert.Equal(1, appointment.RescheduleCount);
        Assert.Equal("reschedule_other_doctor", Assert.Throws<DomainRuleException>(() => appointment.Reschedule(SlotAt(Now.AddDays(3)), Cutoff, Now)).Code);
    }

    [Fact]
    public void No_show_only_after_the_start_and_never_twice()
    {
        var appointment = Hold(SlotAt(Now.AddHours(1)));
        appointment.ConfirmPaid(Now);
        Assert.Throws<DomainRuleException>(() => appointment.MarkNoShow(Now));
        appointment.MarkNoShow(Now.AddHours(1));
        Assert.Equal(AppointmentStatus.NoShow, appointment.Status);
        Assert.Throws<DomainConflictException>(() => appointment.MarkNoShow(Now.AddHours(2)));
    }

    [Fact]
    public void Illegal_transitions_are_conflicts()
    {
        var appointment = Hold(SlotAt(Now.AddDays(1)));
        Assert.Equal("appointment_not_booked", Assert.Throws<DomainConflictException>(() => appointment.CheckIn(TimeSpan.FromMinutes(15), Now)).Code);
        Assert.Throws<DomainConflictException>(() => appointment.Admit(Now));
        Assert.Throws<DomainConflictException>(() => appointment.AcceptFollowUp(Guid.NewGuid(), null, Now, Now));
        foreach (var (from, to) in Appointment.Transitions.SelectMany(t => t.Value.Select(v => (t.Key, v))))
        {
            Assert.NotEqual(from, to);
        }
    }

    [Fact]
    public void A_closed_or_past_slot_cannot_be_taken()
    {
        var slot = SlotAt(Now.AddDays(1));
        slot.Block(Guid.NewGuid());
        Assert.Equal("slot_not_available", Assert.Throws<DomainConflictException>(() => Hold(slot)).Code);
        Assert.Equal("slot_in_the_past", Assert.Throws<DomainRuleException>(() => Hold(SlotAt(Now.AddMinutes(-1)))).Code);
        Assert.Equal("visit_type_not_offered", Assert.Throws<DomainRuleException>(() => Hold(SlotAt(Now.AddDays(1), video: false), visitType: VisitType.Video, basis: FollowUpBasis.HisDiagnosis)).Code);
    }
}
