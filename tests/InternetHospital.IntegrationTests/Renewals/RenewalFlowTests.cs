using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.His;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InternetHospital.IntegrationTests.Renewals.RenewalTestKit;

namespace InternetHospital.IntegrationTests.Renewals;

/// <summary>Each rule and transition of a renewal over HTTP, as patient, doctor, pharmacist and admin do it.</summary>
public abstract class RenewalFlowTests(ApiFactory factory)
{
    private readonly RenewalTestKit kit = new(factory);

    [Fact]
    public async Task My_medications_merge_the_his_list_and_say_which_can_be_renewed_and_why_not()
    {
        var patient = await kit.PatientAsync();

        var view = await patient.MedicationsAsync();

        Assert.True(view.GetProperty("hisLinked").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("hisAsOf").ValueKind);
        Assert.Contains(view.GetProperty("allergies").EnumerateArray(), a => a.GetProperty("substance").GetString()!.Contains("Penicillin", StringComparison.Ordinal));
        var byCode = view.GetProperty("medications").EnumerateArray().ToDictionary(m => m.GetProperty("medication").GetProperty("code").GetString()!);
        Assert.True(byCode[Amlodipine].GetProperty("renewal").GetProperty("eligible").GetBoolean());
        Assert.Equal(84, byCode[Amlodipine].GetProperty("renewal").GetProperty("maxDaysSupply").GetInt32());
        Assert.True(byCode[Omeprazole].GetProperty("renewal").GetProperty("eligible").GetBoolean());
        Assert.False(byCode[Omeprazole].GetProperty("medication").GetProperty("active").GetBoolean());
        Assert.Equal(["special_control_drug"], byCode[Alprazolam].GetProperty("renewal").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(byCode[Alprazolam].GetProperty("medication").GetProperty("specialControl").GetBoolean());

        // A patient the HIS does not know has nothing to renew yet.
        var newcomer = await kit.PatientAsync(linkToHis: false);
        var empty = await newcomer.MedicationsAsync();
        Assert.False(empty.GetProperty("hisLinked").GetBoolean());
        Assert.Empty(empty.GetProperty("medications").EnumerateArray());
    }

    [Fact]
    public async Task Each_eligibility_rule_is_refused_with_422_and_its_code_and_offered_before_submitting()
    {
        var patient = await kit.PatientAsync();
        var alprazolam = await patient.DrugIdAsync(Alprazolam);
        var amlodipine = await patient.DrugIdAsync(Amlodipine);
        var clarithromycin = await patient.DrugIdAsync(Clarithromycin);
        var metformin = await DrugIdByCodeAsync("A10BA02-500");

        async Task<string?> RefusedAsync(Guid drugId, int days)
        {
            var response = await patient.Client.PostAsJsonAsync($"/api/patients/{patient.PatientId}/renewals", new
            {
                items = new[] { new { drugId, daysSupply = days } },
                fulfilment = "Pickup",
                newSymptoms = false, sideEffects = false, hospitalStay = false, pregnancy = false,
            });
            return (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code();
        }

        Assert.Equal("special_control_drug", await RefusedAsync(alprazolam, 7));
        Assert.Equal("not_previously_prescribed", await RefusedAsync(metformin, 28));
        Assert.Equal("days_supply_over_drug_maximum", await RefusedAsync(clarithromycin, 20));
        Assert.Equal("days_supply_over_drug_maximum", await RefusedAsync(amlodipine, 90));

        var eligibility = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/renewal-eligibility/{amlodipine}?daysSupply=90")).ReadJsonAsync();
        Assert.False(eligibility.GetProperty("eligible").GetBoolean());
        Assert.Equal(["days_supply_over_drug_maximum", "days_supply_over_limit"], eligibility.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var special = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/renewal-eligibility/{alprazolam}")).ReadJsonAsync();
        Assert.Equal("Psychotropic", special.GetProperty("controlCategory").GetString());

        // One open request per medicine; cancelling it frees the medicine again.
        var first = await SubmitAsync(patient, codes: Amlodipine);
        Assert.Equal("open_request_exists", await RefusedAsync(amlodipine, 28));
        var open = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/renewal-eligibility/{amlodipine}?daysSupply=28")).ReadJsonAsync();
        Assert.Equal(["open_request_exists"], open.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        await StatusIsAsync(await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/renewals/{first.GetProperty("id").GetGuid()}/cancel", null), "Cancelled");
        await SubmitAsync(patient, codes: Amlodipine);

        // A cancelled request cannot be cancelled again.
        var again = await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/renewals/{first.GetProperty("id").GetGuid()}/cancel", null);
        Assert.Equal("renewal_not_cancellable", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task Patient_requests_doctor_signs_pharmacist_approves_with_justification_and_the_patient_collects_with_the_code()
    {
        var patient = await kit.PatientAsync();
        var submitted = await SubmitAsync(patient, newSymptoms: true, codes: Amlodipine);
        var id = submitted.GetProperty("id").GetGuid();
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(["new_symptoms"], submitted.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        await Mailbox.WaitForAsync(patient.Email, "续方申请已提交");

        // The cardiologist who prescribed amlodipine in the HIS sees it first, with the flag.
        var doctor = await kit.DoctorAsync();
        var queue = await (await doctor.GetAsync("/api/doctor/renewals")).ReadJsonAsync();
        var queued = Assert.Single(queue.GetProperty("waiting").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("OriginalPrescriber", queued.GetProperty("routingReason").GetString());
        Assert.True(queued.GetProperty("isFlagged").GetBoolean());
        var detail = await (await doctor.GetAsync($"/api/doctor/renewals/{id}")).ReadJsonAsync();
        Assert.Contains(detail.GetProperty("diagnoses").EnumerateArray(), d => d.GetProperty("icd10Code").GetString() == "I10");
        var item = detail.GetProperty("items")[0];
        Assert.Equal(84, item.GetProperty("limits").GetProperty("maxDaysSupply").GetInt32());

        // Another doctor, not routed, does not see it.
        var dermatologist = await kit.DoctorAsync("dr.zhao@demo.test");
        await (await dermatologist.GetAsync($"/api/doctor/renewals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Beyond the limit is refused; a change within it is signed.
        var itemId = item.GetProperty("item").GetProperty("id").GetGuid();
        var tooLong = await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { lines = new[] { new { itemId, doseAmount = 5, frequency = "qd", daysSupply = 120 } } });
        Assert.Equal("days_supply_over_drug_maximum", (await tooLong.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        var approved = await StatusIsAsync(await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { lines = new[] { new { itemId, doseAmount = 5, frequency = "qd", daysSupply = 56 } }, note = "BP stable" }), "DoctorApproved");
        var prescription = approved.GetProperty("prescription");
        Assert.Matches("^[0-9a-f]{64}$", prescription.GetProperty("contentHash").GetString()!);
        Assert.True(prescription.GetProperty("intact").GetBoolean());
        Assert.Equal("李伟", prescription.GetProperty("doctorName").GetString());
        Assert.Equal(56, prescription.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        var twice = await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { });
        Assert.Equal("renewal_not_awaiting_doctor", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        // The prescription does not take effect for the patient before the pharmacist approves it.
        var waiting = await patient.RenewalAsync(id);
        Assert.Equal("DoctorApproved", waiting.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("prescription").ValueKind);
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("pickupCode").ValueKind);

        // The pharmacist sees the severe interaction with clarithromycin (HIS) and must justify approving.
        var pharmacist = await kit.PharmacistOnDutyAsync();
        var pharmacyQueue = await (await pharmacist.GetAsync("/api/pharmacy/queue")).ReadJsonAsync();
        Assert.Contains(pharmacyQueue.GetProperty("toReview").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Contains(pharmacyQueue.GetProperty("onDuty").EnumerateArray(), d => d.GetProperty("name").GetString() == "孙丽");
        var review = await (await pharmacist.GetAsync($"/api/pharmacy/renewals/{id}")).ReadJsonAsync();
        Assert.True(review.GetProperty("needsJustification").GetBoolean());
        var interaction = Assert.Single(review.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "Interaction");
        Assert.Equal("Severe", interaction.GetProperty("severity").GetString());
        Assert.Equal("Clarithromycin", interaction.GetProperty("otherNameEn").GetString());
        Assert.False(review.TryGetProperty("pickupCode", out _));

        var unjustified = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { });
        Assert.Equal("justification_required", (await unjustified.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        var decision = await StatusIsAsync(
            await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { justification = "Clarithromycin course ends in 4 days; patient told to watch for dizziness and to check BP daily." }),
            "PharmacistApproved");
        Assert.True(decision.GetProperty("readyToDispense").GetBoolean());

        // The HIS learns of the approved prescription in the same transaction.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var message = await db.HisOutbox.SingleAsync(m => m.PatientId == patient.PatientId && m.Kind == "prescription.approved");
            Assert.Contains(Amlodipine, message.Payload, StringComparison.Ordinal);
            Assert.Equal(HisOutboxStatus.Pending, message.Status);
            Assert.True(await db.AuditEntries.CountAsync(a => a.PatientId == patient.PatientId && a.Action == "renewal.read") >= 3);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == patient.PatientId && a.Action == "prescription.signed"));
        }

        // Ready for pickup: the patient has the code; staff never see it.
        var ready = await patient.RenewalAsync(id);
        Assert.True(ready.GetProperty("readyToCollect").GetBoolean());
        var code = ready.GetProperty("pickupCode").GetString()!;
        Assert.Matches("^[0-9]{8}$", code);
        Assert.Equal(56, ready.GetProperty("prescription").GetProperty("lines")[0].GetProperty("daysSupply").GetInt32());
        await Mailbox.WaitForAsync(patient.Email, "处方已审核通过");

        await StatusIsAsync(await pharmacist.PostAsync($"/api/pharmacy/renewals/{id}/dispense", JsonContent.Create(new { })), "Dispensed");
        var wrongCode = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/picked-up", new { pickupCode = code == "00000000" ? "11111111" : "00000000" });
        Assert.Equal("pickup_code_mismatch", (await wrongCode.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/picked-up", new { pickupCode = code }), "PickedUp");

        var done = await patient.RenewalAsync(id);
        Assert.Equal(["Submitted", "DoctorApproved", "PharmacistApproved", "Dispensed", "PickedUp"], done.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("status").GetString()));

        // "My medications" now lists the portal prescription too, and the mails said no medicine names.
        var medications = await patient.MedicationsAsync();
        Assert.Contains(medications.GetProperty("medications").EnumerateArray(), m => m.GetProperty("medication").GetProperty("source").GetString() == "Portal" && m.GetProperty("medication").GetProperty("code").GetString() == Amlodipine);
        foreach (var mail in await Mailbox.ListAsync(patient.Email))
        {
            Assert.DoesNotContain("氨氯地平", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("mlodipine", mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_pharmacist_rejection_goes_back_to_the_doctor_who_signs_a_new_version()
    {
        var patient = await kit.PatientAsync();
        var id = (await SubmitAsync(patient, codes: Atorvastatin)).GetProperty("id").GetGuid();
        var doctor = await kit.DoctorAsync();
        var first = await StatusIsAsync(await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
        var pharmacist = await kit.PharmacistOnDutyAsync();

        var missingReason = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/reject", new { });
        await missingReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/reject", new { reason = "Clarithromycin course: limit atorvastatin or pause it." }), "PharmacistRejected");
        await Mailbox.WaitForAsync("dr.li@demo.test", "处方被药师退回");

        var queue = await (await doctor.GetAsync("/api/doctor/renewals")).ReadJsonAsync();
        Assert.Contains(queue.GetProperty("waiting").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("status").GetString() == "PharmacistRejected");
        var detail = await (await doctor.GetAsync($"/api/doctor/renewals/{id}")).ReadJsonAsync();
        Assert.Equal("Clarithromycin course: limit atorvastatin or pause it.", detail.GetProperty("pharmacistReason").GetString());
        var itemId = detail.GetProperty("items")[0].GetProperty("item").GetProperty("id").GetGuid();

        var second = await StatusIsAsync(
            await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { lines = new[] { new { itemId, doseAmount = 10, frequency = "qn", daysSupply = 28 } } }),
            "DoctorApproved");
        Assert.Equal(2, second.GetProperty("prescription").GetProperty("number").GetInt32());
        Assert.NotEqual(first.GetProperty("prescription").GetProperty("contentHash").GetString(), second.GetProperty("prescription").GetProperty("contentHash").GetString());
        var history = await (await doctor.GetAsync($"/api/doctor/renewals/{id}")).ReadJsonAsync();
        Assert.Equal([false, true], history.GetProperty("prescriptions").EnumerateArray().Select(p => p.GetProperty("superseded").GetBoolean()));

        await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { justification = "Dose lowered to 10 mg during the antibiotic course." }), "PharmacistApproved");
    }

    [Fact]
    public async Task The_doctor_rejects_with_a_reason_or_asks_for_a_video_visit_with_a_booking_link()
    {
        var patient = await kit.PatientAsync();
        var doctor = await kit.DoctorAsync();
        var rejected = (await SubmitAsync(patient, codes: Amlodipine)).GetProperty("id").GetGuid();
        var visit = (await SubmitAsync(patient, codes: Atorvastatin)).GetProperty("id").GetGuid();

        await (await doctor.PostAsJsonAsync($"/api/doctor/renewals/{rejected}/reject", new { reason = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await StatusIsAsync(await doctor.PostAsJsonAsync($"/api/doctor/renewals/{rejected}/reject", new { reason = "Blood pressure readings are needed first." }), "DoctorRejected");
        await StatusIsAsync(await doctor.PostAsJsonAsync($"/api/doctor/renewals/{visit}/request-visit", new { reason = "Let's review your lipids together." }), "VisitRequired");

        var rejectedView = await patient.RenewalAsync(rejected);
        Assert.Equal("Blood pressure readings are needed first.", rejectedView.GetProperty("doctorReason").GetString());
        var visitView = await patient.RenewalAsync(visit);
        var profile = await (await doctor.GetAsync("/api/doctors/me")).ReadJsonAsync();
        Assert.Equal(profile.GetProperty("id").GetGuid(), visitView.GetProperty("visitDoctorId").GetGuid());
        await Mailbox.WaitForAsync(patient.Email, "视频问诊");

        // Both are closed: the medicines can be asked for again, and the doctor cannot decide twice.
        await SubmitAsync(patient, codes: Amlodipine);
        var late = await doctor.PostAsJsonAsync($"/api/doctor/renewals/{visit}/approve", new { });
        Assert.Equal("renewal_not_awaiting_doctor", (await late.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task With_a_fee_set_the_medicine_is_dispensed_only_once_paid()
    {
        await kit.SetFeeAsync(12.5m);
        try
        {
            var patient = await kit.PatientAsync();
            var id = (await SubmitAsync(patient, codes: Omeprazole)).GetProperty("id").GetGuid();
            var doctor = await kit.DoctorAsync();
            await StatusIsAsync(await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
            var pharmacist = await kit.PharmacistOnDutyAsync();
            var approved = await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { }), "PharmacistApproved");
            Assert.True(approved.GetProperty("awaitsPayment").GetBoolean());
            Assert.Equal(12.5m, approved.GetProperty("feeDue").GetDecimal());

            var early = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/dispense", new { });
            Assert.Equal("payment_required", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
            var unpaid = await patient.RenewalAsync(id);
            Assert.True(unpaid.GetProperty("awaitsPayment").GetBoolean());
            Assert.Equal(12.5m, unpaid.GetProperty("feeDue").GetDecimal());
            Assert.Equal("CNY", unpaid.GetProperty("currency").GetString());
            var review = await (await pharmacist.GetAsync($"/api/pharmacy/renewals/{id}")).ReadJsonAsync();
            Assert.Equal("CNY", review.GetProperty("currency").GetString());
            Assert.Equal(JsonValueKind.Null, unpaid.GetProperty("pickupCode").ValueKind);
            await Mailbox.WaitForAsync(patient.Email, "请缴费");

            var started = await (await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/renewals/{id}/payment", null)).ReadJsonAsync();
            var paymentId = started.GetProperty("paymentId").GetGuid();
            var resumed = await (await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/renewals/{id}/payment", null)).ReadJsonAsync();
            Assert.Equal(paymentId, resumed.GetProperty("paymentId").GetGuid());

            // A second payment for the same fee (another tab, a card payment that went through late) is refunded at once.
            var second = await SecondPaymentAsync(paymentId);
            await (await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" })).ReadJsonAsync();
            var refunded = await (await patient.Client.PostAsJsonAsync($"/api/payments/{second}/simulate", new { outcome = "Succeed" })).ReadJsonAsync();
            Assert.Equal("Refunded", refunded.GetProperty("status").GetString());
            Assert.Equal("Succeeded", (await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync()).GetProperty("status").GetString());

            var paid = await patient.RenewalAsync(id);
            Assert.Equal("Paid", paid.GetProperty("status").GetString());
            Assert.Matches("^[0-9]{8}$", paid.GetProperty("pickupCode").GetString()!);
            await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/dispense", new { }), "Dispensed");
            var again = await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/renewals/{id}/payment", null);
            Assert.Equal("renewal_not_awaiting_payment", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        }
        finally
        {
            await kit.SetFeeAsync(0m);
        }

        var settings = await (await (await kit.AdminAsync()).GetAsync("/api/admin/renewal-settings")).ReadJsonAsync();
        Assert.Equal(0m, settings.GetProperty("fee").GetDecimal());
        Assert.Equal(84, settings.GetProperty("longPrescriptionMaxDays").GetInt32());
        await (await (await kit.AdminAsync()).PutAsJsonAsync("/api/admin/renewal-settings", new { fee = -1 })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_delivery_is_tracked_forward_until_delivered()
    {
        var patient = await kit.PatientAsync();
        var id = (await SubmitAsync(patient, fulfilment: "Delivery", address: "上海市浦东新区世纪大道100号", codes: Amlodipine)).GetProperty("id").GetGuid();
        var doctor = await kit.DoctorAsync();
        await StatusIsAsync(await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
        var pharmacist = await kit.PharmacistOnDutyAsync();
        await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { justification = "Short clarithromycin course; BP monitoring advised." }), "PharmacistApproved");

        var noTracking = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/dispense", new { carrier = "顺丰速运" });
        Assert.Equal("tracking_number_required", (await noTracking.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/dispense", new { carrier = "顺丰速运", trackingNumber = "SF1234567890" }), "Dispensed");
        await (await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/delivery", new { status = "OutForDelivery" })).ReadJsonAsync();
        var backwards = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/delivery", new { status = "InTransit" });
        Assert.Equal("invalid_delivery_status", (await backwards.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var pickup = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/picked-up", new { pickupCode = "12345678" });
        Assert.Equal("renewal_not_awaiting_pickup", (await pickup.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        var tracking = (await patient.RenewalAsync(id)).GetProperty("delivery");
        Assert.Equal("SF1234567890", tracking.GetProperty("trackingNumber").GetString());
        Assert.Equal("OutForDelivery", tracking.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, (await patient.RenewalAsync(id)).GetProperty("pickupCode").ValueKind);
        await StatusIsAsync(await pharmacist.PostAsync($"/api/pharmacy/renewals/{id}/delivered", null), "Delivered");
        await Mailbox.WaitForAsync(patient.Email, "药品已送达");
    }

    [Fact]
    public async Task A_doctor_cannot_sign_for_themselves_by_identity_or_by_account()
    {
        // 赵敏 the dermatologist registers as a patient with her own name and mobile number (another account).
        var self = await kit.PatientAsync(fullName: "赵敏", mobile: "13800006789");

        // Clarithromycin's HIS prescriber is not a portal doctor, so the request is open to every doctor.
        var id = (await SubmitAsync(self, daysSupply: 7, codes: Clarithromycin)).GetProperty("id").GetGuid();
        var zhao = await kit.DoctorAsync("dr.zhao@demo.test");
        var refused = await zhao.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { });
        Assert.Equal("cannot_prescribe_for_self", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());

        // By account: a patient record the doctor's own account acts for.
        var other = await kit.PatientAsync(fullName: "赵小明");
        var otherId = (await SubmitAsync(other, daysSupply: 7, codes: Clarithromycin)).GetProperty("id").GetGuid();
        Guid grantId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var zhaoAccount = await db.Users.SingleAsync(u => u.Email == "dr.zhao@demo.test");
            var grant = Domain.Patients.PatientAccess.Grant(zhaoAccount.Id, other.PatientId, Domain.Patients.PatientRelationship.FamilyProxy, DateTimeOffset.UtcNow);
            grantId = grant.Id;
            db.PatientAccesses.Add(grant);
            await db.SaveChangesAsync();
        }

        try
        {
            var byAccount = await zhao.PostAsJsonAsync($"/api/doctor/renewals/{otherId}/approve", new { });
            Assert.Equal("cannot_prescribe_for_self", (await byAccount.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        }
        finally
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var grant = await db.PatientAccesses.SingleAsync(a => a.Id == grantId);
            grant.Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        // Another doctor signs it.
        await StatusIsAsync(await (await kit.DoctorAsync()).PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
    }

    [Fact]
    public async Task Decisions_need_a_pharmacist_on_duty_and_the_queue_shows_who_is()
    {
        var patient = await kit.PatientAsync();
        var id = (await SubmitAsync(patient, codes: Omeprazole)).GetProperty("id").GetGuid();
        await StatusIsAsync(await (await kit.DoctorAsync()).PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
        var pharmacist = await kit.PharmacistOnDutyAsync();

        var off = await (await pharmacist.PutAsJsonAsync("/api/pharmacy/duty", new { onDuty = false })).ReadJsonAsync();
        Assert.DoesNotContain(off.EnumerateArray(), d => d.GetProperty("name").GetString() == "孙丽");
        try
        {
            var queue = await (await pharmacist.GetAsync("/api/pharmacy/queue")).ReadJsonAsync();
            Assert.False(queue.GetProperty("iAmOnDuty").GetBoolean());
            var refused = await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { });
            Assert.Equal("not_on_duty", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        }
        finally
        {
            await kit.PharmacistOnDutyAsync();
        }

        var on = await (await pharmacist.PutAsJsonAsync("/api/pharmacy/duty", new { onDuty = true })).ReadJsonAsync();
        Assert.Single(on.EnumerateArray(), d => d.GetProperty("name").GetString() == "孙丽");
        await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { }), "PharmacistApproved");
    }

    /// <summary>Another pending payment for what <paramref name="paymentId"/> pays, by the same payer.</summary>
    private async Task<Guid> SecondPaymentAsync(Guid paymentId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var first = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId);
        var second = await scope.ServiceProvider.GetRequiredService<InternetHospital.Application.Payments.IPayments>().StartAsync(
            new InternetHospital.Application.Payments.NewPayment(first.PayerAccountId, first.PatientId, first.Purpose, first.ReferenceId, first.Amount, first.Description),
            CancellationToken.None);
        await db.SaveChangesAsync();
        return second.Id;
    }

    private async Task<Guid> DrugIdByCodeAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drugs.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RenewalFlowTestsOnSqlite(SqliteApiFactory factory) : RenewalFlowTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class RenewalFlowTestsOnPostgres(PostgresApiFactory factory) : RenewalFlowTests(factory);
