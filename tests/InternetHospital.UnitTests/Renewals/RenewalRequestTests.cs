using InternetHospital.Domain.Common;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.UnitTests.Renewals;

/// <summary>The renewal state machine: every transition, the ones that are refused, and the signed prescription.</summary>
public sealed class RenewalRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly Guid PatientAccount = Guid.NewGuid();
    private static readonly Signer Doctor = new(Guid.NewGuid(), Guid.NewGuid(), "李伟");
    private static readonly Guid Pharmacist = Guid.NewGuid();
    private static readonly RenewalCheckAnswers NoConcerns = new(false, false, false, false, null);

    private static readonly CheckFinding SevereInteraction = new(
        FindingKind.Interaction, FindingSeverity.Severe, "C08CA01-5", "氨氯地平", "Amlodipine", "克拉霉素", "Clarithromycin", new Dictionary<string, string>());

    private static NewRenewalItem Amlodipine(int days = 28) =>
        new(Guid.NewGuid(), new DrugLine("C08CA01-5", "氨氯地平", "Amlodipine", "5 mg", 5m, "mg", "qd", "oral"), days, MedicationSource.His, "李伟", new DateOnly(2026, 11, 1));

    private static RenewalRequest Submitted(Fulfilment fulfilment = Fulfilment.Pickup, RenewalCheckAnswers? answers = null) =>
        RenewalRequest.Submit(Patient, PatientAccount, [Amlodipine()], fulfilment, fulfilment == Fulfilment.Delivery ? "上海市浦东新区世纪大道100号" : null, answers ?? NoConcerns, [(Doctor.DoctorId, RoutingReason.OriginalPrescriber)], Now);

    private static Prescription Approve(RenewalRequest request, decimal dose = 5m, int days = 28) =>
        request.ApproveByDoctor(Doctor, [new PrescribedLine(request.Items[0].Id, dose, "qd", days, days)], null, Now.AddHours(1));

    private static RenewalRequest PharmacistApproved(decimal fee = 0m, Fulfilment fulfilment = Fulfilment.Pickup)
    {
        var request = Submitted(fulfilment);
        Approve(request);
        request.ApproveByPharmacist(Pharmacist, "孙丽", [], null, fee, "12345678", Now.AddHours(2));
        return request;
    }

    [Fact]
    public void A_new_request_is_submitted_open_routed_and_flagged_when_an_answer_needs_a_doctor()
    {
        var request = Submitted(answers: new RenewalCheckAnswers(false, true, false, false, "Ankles swell"));

        Assert.Equal(RenewalStatus.Submitted, request.Status);
        Assert.True(request.IsOpen);
        Assert.True(request.Items[0].IsOpen);
        Assert.True(request.IsFlagged);
        Assert.Equal(["side_effects"], request.Flags);
        Assert.True(request.IsRoutedTo(Doctor.DoctorId));
        Assert.False(request.IsRoutedTo(Guid.NewGuid()));
        Assert.Matches("^[0-9A-F]{8}$", request.Reference);
        Assert.Single(request.Events);
    }

    [Fact]
    public void Nobody_to_route_to_opens_the_request_to_every_doctor()
    {
        var request = RenewalRequest.Submit(Patient, PatientAccount, [Amlodipine()], Fulfilment.Pickup, null, NoConcerns, [], Now);

        Assert.True(request.OpenToAllDoctors);
        Assert.True(request.IsRoutedTo(Guid.NewGuid()));
    }

    [Fact]
    public void Submitting_needs_items_once_each_and_an_address_for_delivery()
    {
        Assert.Equal("no_items", Assert.Throws<DomainRuleException>(() => RenewalRequest.Submit(Patient, PatientAccount, [], Fulfilment.Pickup, null, NoConcerns, [], Now)).Code);
        var item = Amlodipine();
        Assert.Equal("duplicate_items", Assert.Throws<DomainRuleException>(() => RenewalRequest.Submit(Patient, PatientAccount, [item, item], Fulfilment.Pickup, null, NoConcerns, [], Now)).Code);
        Assert.Equal("delivery_address_required", Assert.Throws<DomainRuleException>(() => RenewalRequest.Submit(Patient, PatientAccount, [item], Fulfilment.Delivery, " ", NoConcerns, [], Now)).Code);
    }

    [Fact]
    public void The_patient_can_cancel_only_before_a_doctor_decides_and_cancelling_closes_the_items()
    {
        var request = Submitted();
        request.Cancel(PatientAccount, Now);
        Assert.Equal(RenewalStatus.Cancelled, request.Status);
        Assert.False(request.Items[0].IsOpen);

        var approved = Submitted();
        Approve(approved);
        Assert.Equal("renewal_not_cancellable", Assert.Throws<DomainConflictException>(() => approved.Cancel(PatientAccount, Now)).Code);
    }

    [Fact]
    public void The_doctor_signs_a_prescription_with_who_when_and_a_content_hash()
    {
        var request = Submitted();

        var prescription = Approve(request, dose: 10m, days: 56);

        Assert.Equal(RenewalStatus.DoctorApproved, request.Status);
        Assert.Equal((Doctor.DoctorId, Doctor.AccountId, "李伟", Now.AddHours(1)), (prescription.DoctorId, prescription.SignedByAccountId, prescription.DoctorName, prescription.SignedAt));
        Assert.Matches("^[0-9a-f]{64}$", prescription.ContentHash);
        Assert.True(prescription.IsIntact());
        Assert.Equal(prescription.ContentHash, prescription.ComputeContentHash());
        Assert.Contains("\"dose\":\"10\"", prescription.CanonicalContent(), StringComparison.Ordinal);
        Assert.Contains("\"days\":56", prescription.CanonicalContent(), StringComparison.Ordinal);
        Assert.Equal(10m, prescription.Lines[0].DailyDose);
    }

    [Fact]
    public void A_signed_line_is_the_requested_medicine_with_the_doctors_dose_and_frequency()
    {
        var request = Submitted();

        var prescription = request.ApproveByDoctor(Doctor, [new PrescribedLine(request.Items[0].Id, 2.5m, " BID ", 28, 56)], null, Now.AddHours(1));

        Assert.Equal(new DrugLine("C08CA01-5", "氨氯地平", "Amlodipine", "5 mg", 2.5m, "mg", "bid", "oral"), prescription.Lines[0].Line);
        Assert.Equal(new DrugLine("C08CA01-5", "氨氯地平", "Amlodipine", "5 mg", 5m, "mg", "qd", "oral"), request.Items[0].Line);
        Assert.Equal("2.5 mg", prescription.Lines[0].Line.DoseText());
    }

    [Fact]
    public void The_hash_is_stable_for_the_same_prescription_and_differs_between_prescriptions()
    {
        var a = Approve(Submitted(), dose: 5m);
        var b = Approve(Submitted(), dose: 5m);

        // The canonical form names the prescription, so two signatures never share a hash; one always recomputes to its own.
        Assert.NotEqual(a.ContentHash, b.ContentHash);
        Assert.Equal(a.ContentHash, a.ComputeContentHash());
        Assert.Contains(a.Id.ToString(), a.CanonicalContent(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_doctor_decides_only_while_the_request_waits_for_one()
    {
        var request = Submitted();
        request.RejectByDoctor(Doctor, "Needs blood pressure readings", Now);
        Assert.Equal(RenewalStatus.DoctorRejected, request.Status);
        Assert.False(request.IsOpen);
        Assert.Equal("renewal_not_awaiting_doctor", Assert.Throws<DomainConflictException>(() => Approve(request)).Code);
        Assert.Equal("reason_required", Assert.Throws<DomainRuleException>(() => Submitted().RejectByDoctor(Doctor, " ", Now)).Code);

        var visit = Submitted();
        visit.RequireVisit(Doctor, "Review lipids on video", Now);
        Assert.Equal((RenewalStatus.VisitRequired, Doctor.DoctorId), (visit.Status, visit.DecidedByDoctorId!.Value));
        Assert.False(visit.IsOpen);
    }

    [Fact]
    public void The_prescription_must_have_one_line_per_item()
    {
        var request = Submitted();
        Assert.Equal("lines_must_match_items", Assert.Throws<DomainRuleException>(() => request.ApproveByDoctor(Doctor, [], null, Now)).Code);
        Assert.Equal("lines_must_match_items", Assert.Throws<DomainRuleException>(() => request.ApproveByDoctor(Doctor, [new PrescribedLine(Guid.NewGuid(), 5, "qd", 28, 28)], null, Now)).Code);
        Assert.Equal("invalid_line", Assert.Throws<DomainRuleException>(() => request.ApproveByDoctor(Doctor, [new PrescribedLine(request.Items[0].Id, 0, "qd", 28, 28)], null, Now)).Code);
    }

    [Fact]
    public void A_severe_finding_can_be_approved_only_with_a_written_justification()
    {
        var request = Submitted();
        Approve(request);

        Assert.Equal("justification_required", Assert.Throws<DomainRuleException>(() => request.ApproveByPharmacist(Pharmacist, "孙丽", [SevereInteraction], "ok", 0m, "12345678", Now)).Code);
        var review = request.ApproveByPharmacist(Pharmacist, "孙丽", [SevereInteraction], "Course ends in 4 days; BP checks daily.", 0m, "12345678", Now);

        Assert.Equal(RenewalStatus.PharmacistApproved, request.Status);
        Assert.Equal(FindingSeverity.Severe, review.HighestSeverity);
        Assert.Single(review.Findings());
        Assert.Equal("Course ends in 4 days; BP checks daily.", review.Justification);
    }

    [Fact]
    public void A_pharmacist_rejection_returns_to_the_doctor_whose_new_signature_supersedes_the_old()
    {
        var request = Submitted();
        var first = Approve(request);
        request.RejectByPharmacist(Pharmacist, "孙丽", [SevereInteraction], "Pause during the antibiotic course", Now);
        Assert.Equal(RenewalStatus.PharmacistRejected, request.Status);
        Assert.True(request.IsOpen);
        Assert.Equal("renewal_not_awaiting_review", Assert.Throws<DomainConflictException>(() => request.ApproveByPharmacist(Pharmacist, "孙丽", [], null, 0, "1", Now)).Code);

        var second = Approve(request, dose: 2.5m);

        Assert.True(first.Superseded);
        Assert.False(second.Superseded);
        Assert.Equal(2, second.Number);
        Assert.Same(second, request.CurrentPrescription);
        Assert.Null(request.PharmacistReason);
    }

    [Fact]
    public void Without_a_fee_approval_makes_the_medicine_collectable_with_a_pickup_code()
    {
        var request = PharmacistApproved();

        Assert.True(request.IsReadyToDispense);
        Assert.False(request.AwaitsPayment);
        Assert.Equal("12345678", request.PickupCode);
        request.Dispense(Pharmacist, null, null, Now);
        Assert.Equal("pickup_code_mismatch", Assert.Throws<DomainRuleException>(() => request.MarkPickedUp("87654321", Pharmacist, Now)).Code);
        request.MarkPickedUp("12345678", Pharmacist, Now);
        Assert.Equal(RenewalStatus.PickedUp, request.Status);
        Assert.False(request.Items[0].IsOpen);
    }

    [Fact]
    public void With_a_fee_nothing_is_dispensed_before_payment_and_paying_twice_changes_nothing()
    {
        var request = PharmacistApproved(fee: 12.5m);

        Assert.True(request.AwaitsPayment);
        Assert.Null(request.PickupCode);
        Assert.Equal("payment_required", Assert.Throws<DomainConflictException>(() => request.Dispense(Pharmacist, null, null, Now)).Code);

        var payment = Guid.NewGuid();
        request.AttachPayment(payment);
        Assert.True(request.MarkPaid(payment, "22223333", Now));
        Assert.False(request.MarkPaid(payment, "99998888", Now));
        Assert.Equal((RenewalStatus.Paid, "22223333"), (request.Status, request.PickupCode));
        Assert.Equal("renewal_not_awaiting_payment", Assert.Throws<DomainConflictException>(() => request.AttachPayment(Guid.NewGuid())).Code);
        request.Dispense(Pharmacist, null, null, Now);
        Assert.Equal(RenewalStatus.Dispensed, request.Status);
    }

    [Fact]
    public void Nothing_is_paid_or_dispensed_before_the_pharmacist_approves()
    {
        var request = Submitted();
        Approve(request);

        Assert.Equal("renewal_not_awaiting_payment", Assert.Throws<DomainConflictException>(() => request.MarkPaid(Guid.NewGuid(), "1", Now)).Code);
        Assert.Equal("renewal_not_ready_to_dispense", Assert.Throws<DomainConflictException>(() => request.Dispense(Pharmacist, null, null, Now)).Code);
    }

    [Fact]
    public void A_delivery_needs_a_tracking_number_and_moves_only_forward()
    {
        var request = PharmacistApproved(fulfilment: Fulfilment.Delivery);
        Assert.Null(request.PickupCode);
        Assert.Equal("carrier_required", Assert.Throws<DomainRuleException>(() => request.Dispense(Pharmacist, null, "SF1", Now)).Code);
        request.Dispense(Pharmacist, "顺丰速运", "SF1234567890", Now);
        Assert.Equal(DeliveryStatus.Shipped, request.DeliveryStatus);

        request.UpdateDelivery(DeliveryStatus.OutForDelivery, Pharmacist, Now);
        Assert.Equal("invalid_delivery_status", Assert.Throws<DomainConflictException>(() => request.UpdateDelivery(DeliveryStatus.InTransit, Pharmacist, Now)).Code);
        Assert.Equal("renewal_not_awaiting_pickup", Assert.Throws<DomainConflictException>(() => request.MarkPickedUp("x", Pharmacist, Now)).Code);
        request.MarkDelivered(Pharmacist, Now);

        Assert.Equal((RenewalStatus.Delivered, DeliveryStatus.Delivered), (request.Status, request.DeliveryStatus!.Value));
        Assert.Equal(
            [RenewalStatus.Submitted, RenewalStatus.DoctorApproved, RenewalStatus.PharmacistApproved, RenewalStatus.Dispensed, RenewalStatus.Dispensed, RenewalStatus.Delivered],
            request.Events.Select(e => e.Status));
        Assert.Equal(Enumerable.Range(1, 6), request.Events.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData("5 mg", 5)]
    [InlineData("0.4mg", 0.4)]
    [InlineData("20 U", 20)]
    public void Doses_written_as_text_are_read_for_the_dose_check(string text, decimal amount)
    {
        Assert.Equal(amount, DoseFrequency.ParseAmount(text));
        Assert.Null(DoseFrequency.ParseAmount("as directed"));
        Assert.Equal(2m, DoseFrequency.TimesPerDay("BID"));
    }
}
