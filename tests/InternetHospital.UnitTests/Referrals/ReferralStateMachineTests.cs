using InternetHospital.Domain.Common;
using InternetHospital.Domain.Referrals;
using InternetHospital.Domain.Renewals;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.UnitTests.Referrals;

public sealed class ReferralStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Actor = Guid.NewGuid();

    private static Referral Up() => Referral.Up(
        new NewUpReferral(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ReferralUrgency.Urgent, "胸闷", "请评估", [new AttachmentRef(ReferralAttachmentKind.LabReport, Guid.NewGuid())]),
        Actor,
        Now);

    private static Referral Down(DateOnly dueOn) => Referral.Down(
        new NewDownReferral(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "回社区", "低盐饮食",
            [new CarePlanMedicine(new DrugLine("C08CA01-5", "氨氯地平", "Amlodipine", "5 mg", 5m, "mg", "qd", "oral"), 28)],
            [new CarePlanTask("hypertension-bp-review", dueOn)]),
        Actor,
        DateOnly.FromDateTime(Now.UtcDateTime),
        Now);

    [Fact]
    public void An_up_referral_goes_from_created_through_a_proposed_time_to_booked_and_completed_with_a_timeline()
    {
        var referral = Up();
        var slot = Guid.NewGuid();
        var appointment = Guid.NewGuid();

        referral.Accept(Guid.NewGuid(), Actor, Now);
        referral.ProposeAppointment(slot, Actor, Now);
        referral.Book(appointment, Actor, Now);
        referral.Complete(Actor, Now);

        Assert.Equal(ReferralStatus.Completed, referral.Status);
        Assert.Equal(slot, referral.ProposedSlotId);
        Assert.Equal(appointment, referral.AppointmentId);
        Assert.Equal(
            [ReferralStatus.Created, ReferralStatus.Accepted, ReferralStatus.AppointmentProposed, ReferralStatus.Booked, ReferralStatus.Completed],
            referral.Events.OrderBy(e => e.Sequence).Select(e => e.Status).ToArray());
    }

    [Fact]
    public void A_decided_referral_cannot_be_decided_again()
    {
        var declined = Up();
        declined.Decline("号源已满", Guid.NewGuid(), Actor, Now);
        Assert.Equal("referral_wrong_state", Assert.Throws<DomainConflictException>(() => declined.Accept(Guid.NewGuid(), Actor, Now)).Code);
        Assert.Equal("referral_wrong_state", Assert.Throws<DomainConflictException>(() => declined.Cancel(null, Actor, Now)).Code);

        var accepted = Up();
        accepted.Accept(Guid.NewGuid(), Actor, Now);
        Assert.Equal("referral_wrong_state", Assert.Throws<DomainConflictException>(() => accepted.Decline("x", Guid.NewGuid(), Actor, Now)).Code);
        Assert.Equal(ReferralStatus.Accepted, accepted.Status);
        Assert.Equal(2, accepted.Events.Count);
    }

    [Fact]
    public void Booking_needs_a_proposed_time_and_completing_an_up_referral_needs_a_booking()
    {
        var referral = Up();
        Assert.Throws<DomainConflictException>(() => referral.Book(Guid.NewGuid(), Actor, Now));
        referral.Accept(Guid.NewGuid(), Actor, Now);
        Assert.Equal("referral_wrong_state", Assert.Throws<DomainConflictException>(() => referral.Complete(Actor, Now)).Code);
    }

    [Fact]
    public void A_decline_needs_a_reason_and_a_referral_needs_another_institution()
    {
        Assert.Equal("referral_reason_required", Assert.Throws<DomainRuleException>(() => Up().Decline(" ", Guid.NewGuid(), Actor, Now)).Code);
        var facility = Guid.NewGuid();
        var same = Assert.Throws<DomainRuleException>(() => Referral.Up(new NewUpReferral(Guid.NewGuid(), Guid.NewGuid(), facility, facility, Guid.NewGuid(), ReferralUrgency.Routine, "x", string.Empty, []), Actor, Now));
        Assert.Equal("referral_same_institution", same.Code);
    }

    [Fact]
    public void A_down_referral_is_accepted_and_completed_and_never_proposes_an_appointment()
    {
        var referral = Down(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(10));
        referral.Accept(Guid.NewGuid(), Actor, Now);
        Assert.Throws<DomainConflictException>(() => referral.ProposeAppointment(Guid.NewGuid(), Actor, Now));
        referral.Complete(Actor, Now);
        Assert.Equal(ReferralStatus.Completed, referral.Status);
        Assert.Single(referral.Medicines);
        Assert.Single(referral.Tasks);
    }

    [Fact]
    public void A_care_plan_task_cannot_be_due_in_the_past()
    {
        var problem = Assert.Throws<DomainRuleException>(() => Down(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1)));
        Assert.Equal("due_date_in_past", problem.Code);
    }

    [Fact]
    public void A_reserved_slot_is_bookable_only_through_a_referral_until_its_hold_lapses()
    {
        var start = Now.AddDays(5);
        var slot = Slot.Create(Guid.NewGuid(), Guid.NewGuid(), new PlannedSlot(start, start.AddMinutes(15), DateOnly.FromDateTime(start.UtcDateTime), Guid.NewGuid(), true, false));
        var settings = DepartmentReferralSettings.Create(slot.DepartmentId, acceptsReferrals: true, releaseHoursBefore: 48);
        slot.ReserveForReferrals(settings.HoldUntil(slot.Start));

        Assert.Equal("slot_not_available", Assert.Throws<DomainConflictException>(() => slot.EnsureBookable(Domain.Hospital.VisitType.InPerson, Now)).Code);
        slot.EnsureBookable(Domain.Hospital.VisitType.InPerson, Now, throughReferral: true);

        // 48 hours before it starts it goes back to everybody.
        slot.EnsureBookable(Domain.Hospital.VisitType.InPerson, start.AddHours(-48));
    }
}
