using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Appointments;

public abstract class BookingTests(ApiFactory factory)
{
    private readonly BookingKit kit = new(factory);

    [Fact]
    public async Task Booking_holds_the_slot_paying_confirms_it_with_a_calendar_file_and_tells_the_HIS()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync(preferredLanguage: "en");
        var slotId = (await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id))[0];

        var response = await BookingKit.BookAsync(patient, slotId);
        var held = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("PendingPayment", held.GetProperty("status").GetString());
        Assert.Equal(50m, held.GetProperty("fee").GetDecimal());
        Assert.Equal("Asia/Shanghai", held.GetProperty("timeZone").GetString());
        var appointmentId = held.GetProperty("id").GetGuid();
        Assert.Equal($"/api/appointments/{appointmentId}", response.Headers.Location?.ToString());
        Assert.DoesNotContain(await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id), s => s.GetProperty("id").GetGuid() == slotId);

        var booked = await BookingKit.PayAsync(patient, appointmentId);
        Assert.Equal("Booked", booked.GetProperty("status").GetString());
        Assert.Equal("Succeeded", booked.GetProperty("paymentStatus").GetString());

        // The receipt in the notification centre opens the appointment that was paid for.
        var notices = (await (await patient.Client.GetAsync("/api/notifications")).ReadJsonAsync()).GetProperty("notifications").GetProperty("items");
        var receipt = Assert.Single(notices.EnumerateArray(), n => n.GetProperty("kind").GetString() == "payment.received");
        Assert.Equal($"/appointments/{appointmentId}", receipt.GetProperty("link").GetString());

        var mail = await Mailbox.WaitForAsync(patient.Email, "Appointment confirmed");
        var ics = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == "appointment.ics");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = System.Text.Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("BEGIN:VEVENT", calendar, StringComparison.Ordinal);
        Assert.Contains($"{appointmentId:N}@internethospital", calendar, StringComparison.Ordinal);
        // The calendar entry speaks the reader's language, as the e-mail it comes with.
        Assert.Contains("SUMMARY:Outpatient visit – Dr 测试医生", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("门诊", calendar, StringComparison.Ordinal);
        Assert.Contains("(Beijing time)", mail.Subject!, StringComparison.Ordinal);

        var his = await kit.QueryAsync(db => db.HisOutbox.Where(m => m.PatientId == patient.Id).Select(m => m.Kind).ToListAsync());
        Assert.Contains("appointment.booked", his);

        var file = await patient.Client.GetAsync($"/api/appointments/{appointmentId}/calendar.ics");
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Fifty_parallel_bookings_of_one_slot_give_exactly_one_booking_and_49_slot_taken()
    {
        var doctor = await kit.DoctorAsync();
        var patients = new List<TestPatient>();
        foreach (var chunk in Enumerable.Range(0, 50).Chunk(10))
        {
            patients.AddRange(await Task.WhenAll(chunk.Select(_ => kit.PatientAsync())));
        }

        var slotId = (await BookingKit.LaterSlotsAsync(patients[0].Client, doctor.Id))[0];
        using var start = new SemaphoreSlim(0);
        var attempts = patients.Select(async p =>
        {
            await start.WaitAsync();
            return await BookingKit.BookAsync(p, slotId);
        }).ToList();
        start.Release(patients.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(49, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal("slot_taken", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        }

        Assert.Equal(1, await kit.QueryAsync(db => db.Appointments.CountAsync(a => a.SlotId == slotId)));
    }

    [Fact]
    public async Task A_video_visit_needs_an_in_person_diagnosis_or_proof_the_doctor_accepts()
    {
        var doctor = await kit.DoctorAsync();
        var withHistory = await kit.PatientAsync(hisHistory: true);
        var withoutHistory = await kit.PatientAsync();
        var slots = await BookingKit.LaterSlotsAsync(withHistory.Client, doctor.Id);

        var eligibility = await (await withHistory.Client.GetAsync($"/api/appointments/eligibility?patientId={withHistory.Id}&doctorId={doctor.Id}")).ReadJsonAsync();
        Assert.True(eligibility.GetProperty("eligible").GetBoolean());
        Assert.Equal("I10", eligibility.GetProperty("diagnosis").GetProperty("code").GetString());
        var followUp = await (await BookingKit.BookAsync(withHistory, slots[0], "Video")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("HisDiagnosis", followUp.GetProperty("followUpBasis").GetString());
        Assert.Equal("PendingPayment", followUp.GetProperty("status").GetString());

        var notEligible = await (await withoutHistory.Client.GetAsync($"/api/appointments/eligibility?patientId={withoutHistory.Id}&doctorId={doctor.Id}")).ReadJsonAsync();
        Assert.False(notEligible.GetProperty("eligible").GetBoolean());
        Assert.True(notEligible.GetProperty("proofAccepted").GetBoolean());
        var refused = await BookingKit.BookAsync(withoutHistory, slots[1], "Video");
        Assert.Equal("follow_up_required", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());

        // Proof of a diagnosis made elsewhere: the booking waits for the doctor, and nothing is paid before.
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 discharge summary"u8.ToArray()), "file", "出院小结.pdf" } };
        var proof = await (await withoutHistory.Client.PostAsync($"/api/appointments/proofs?patientId={withoutHistory.Id}", upload)).ReadJsonAsync();
        var pending = await (await BookingKit.BookAsync(withoutHistory, slots[1], "Video", proof.GetProperty("id").GetGuid())).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("PendingReview", pending.GetProperty("status").GetString());
        var appointmentId = pending.GetProperty("id").GetGuid();
        await (await withoutHistory.Client.PostAsync($"/api/appointments/{appointmentId}/payment", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var doctorClient = await factory.CreateClientAsAsync(doctor.Email, TestData.StrongPassword);
        var reviews = await (await doctorClient.GetAsync("/api/doctors/me/follow-up-reviews")).ReadJsonAsync();
        Assert.Contains(reviews.EnumerateArray(), r => r.GetProperty("id").GetGuid() == appointmentId);
        Assert.Equal("application/pdf", (await doctorClient.GetAsync($"/api/appointments/{appointmentId}/proof")).Content.Headers.ContentType?.MediaType);
        await (await withHistory.Client.GetAsync($"/api/appointments/{appointmentId}/proof")).AssertProblemAsync(HttpStatusCode.NotFound);

        var accepted = await (await doctorClient.PostAsJsonAsync($"/api/appointments/{appointmentId}/follow-up-review", new { accept = true })).ReadJsonAsync();
        Assert.Equal("PendingPayment", accepted.GetProperty("status").GetString());
        var booked = await BookingKit.PayAsync(withoutHistory, appointmentId);
        Assert.Equal("Booked", booked.GetProperty("status").GetString());
        Assert.Equal("UploadedProof", booked.GetProperty("followUpBasis").GetString());
    }

    [Fact]
    public async Task A_patient_cannot_overlap_double_up_on_a_doctor_day_or_hold_more_than_three()
    {
        var doctor = await kit.DoctorAsync();
        var other = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var slots = (await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id)).Where(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30)).ToList();
        var otherSlots = (await BookingKit.FreeSlotsAsync(patient.Client, other.Id)).Where(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30)).ToList();

        var first = slots[0];
        await (await BookingKit.BookAsync(patient, first.GetProperty("id").GetGuid())).ReadJsonAsync(HttpStatusCode.Created);

        var sameTime = otherSlots.First(s => s.GetProperty("start").GetDateTimeOffset() == first.GetProperty("start").GetDateTimeOffset());
        Assert.Equal("overlapping_appointment", (await (await BookingKit.BookAsync(patient, sameTime.GetProperty("id").GetGuid())).AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        var sameDay = slots.First(s => s.GetProperty("localDate").GetString() == first.GetProperty("localDate").GetString() && s.GetProperty("id").GetGuid() != first.GetProperty("id").GetGuid());
        Assert.Equal("same_doctor_same_day", (await (await BookingKit.BookAsync(patient, sameDay.GetProperty("id").GetGuid())).AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        var otherDays = slots.GroupBy(s => s.GetProperty("localDate").GetString()).Skip(1).Select(g => g.First().GetProperty("id").GetGuid()).ToList();
        await (await BookingKit.BookAsync(patient, otherDays[0])).ReadJsonAsync(HttpStatusCode.Created);
        await (await BookingKit.BookAsync(patient, otherDays[1])).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("too_many_holds", (await (await BookingKit.BookAsync(patient, otherDays[2])).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Fact]
    public async Task An_expired_hold_frees_the_slot_and_a_late_payment_rebooks_it_if_free_or_is_refunded_if_taken()
    {
        var doctor = await kit.DoctorAsync();
        var late = await kit.PatientAsync();
        var unlucky = await kit.PatientAsync(preferredLanguage: "en");
        var other = await kit.PatientAsync();
        var slots = await BookingKit.LaterSlotsAsync(late.Client, doctor.Id);

        // 1. Paid late, slot still free: booked again.
        var first = (await (await BookingKit.BookAsync(late, slots[0])).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var payment = (await (await late.Client.PostAsync($"/api/appointments/{first}/payment", null)).ReadJsonAsync()).GetProperty("paymentId").GetGuid();
        await ExpireAsync(first);
        var expired = await (await late.Client.GetAsync($"/api/appointments/{first}")).ReadJsonAsync();
        Assert.Equal("Cancelled", expired.GetProperty("status").GetString());
        Assert.Equal("hold_expired", expired.GetProperty("cancellationReason").GetString());
        await (await late.Client.PostAsJsonAsync($"/api/payments/{payment}/simulate", new { outcome = "Succeed" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await SucceedLateAsync(payment);
        Assert.Equal("Booked", (await (await late.Client.GetAsync($"/api/appointments/{first}")).ReadJsonAsync()).GetProperty("status").GetString());

        // 2. Paid late, slot taken meanwhile: refunded and told.
        var second = (await (await BookingKit.BookAsync(unlucky, slots[1])).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var secondPayment = (await (await unlucky.Client.PostAsync($"/api/appointments/{second}/payment", null)).ReadJsonAsync()).GetProperty("paymentId").GetGuid();
        await ExpireAsync(second);
        await (await BookingKit.BookAsync(other, slots[1])).ReadJsonAsync(HttpStatusCode.Created);
        await SucceedLateAsync(secondPayment);
        var refunded = await (await unlucky.Client.GetAsync($"/api/appointments/{second}")).ReadJsonAsync();
        Assert.Equal("Cancelled", refunded.GetProperty("status").GetString());
        Assert.Equal("Refunded", refunded.GetProperty("paymentStatus").GetString());
        await Mailbox.WaitForAsync(unlucky.Email, "refunded");
        Assert.Equal(1, await kit.QueryAsync(db => db.Appointments.CountAsync(a => a.OccupiedSlotId == slots[1])));
    }

    [Fact]
    public async Task Cancelling_a_paid_booking_refunds_it_in_full_but_not_within_two_hours_of_the_start()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var slotId = (await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id))[0];
        var id = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BookingKit.PayAsync(patient, id);

        var cancelled = await (await patient.Client.PostAsync($"/api/appointments/{id}/cancel", null)).ReadJsonAsync();
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("Refunded", cancelled.GetProperty("paymentStatus").GetString());
        Assert.Equal(50m, cancelled.GetProperty("refundedAmount").GetDecimal());
        await Mailbox.WaitForAsync(patient.Email, "预约已取消");
        Assert.Contains(await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id), s => s.GetProperty("id").GetGuid() == slotId);
        var his = await kit.QueryAsync(db => db.HisOutbox.Where(m => m.PatientId == patient.Id).Select(m => m.Kind).ToListAsync());
        Assert.Contains("appointment.cancelled", his);

        var soon = await kit.SlotAtAsync(doctor.Id, DateTimeOffset.UtcNow.AddMinutes(90));
        var soonId = (await (await BookingKit.BookAsync(patient, soon)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BookingKit.PayAsync(patient, soonId);
        var tooLate = await patient.Client.PostAsync($"/api/appointments/{soonId}/cancel", null);
        Assert.Equal("too_late_to_change", (await tooLate.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_refund_after_a_reschedule_names_the_new_time_and_the_fee_wholly_in_the_readers_language(string language)
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync(preferredLanguage: language);
        var slots = (await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id)).Where(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30)).ToList();
        var first = slots[0];
        var moved = slots.First(s => s.GetProperty("localDate").GetString() != first.GetProperty("localDate").GetString());
        var id = (await (await BookingKit.BookAsync(patient, first.GetProperty("id").GetGuid())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BookingKit.PayAsync(patient, id);
        await (await patient.Client.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { slotId = moved.GetProperty("id").GetGuid() })).ReadJsonAsync();
        await (await patient.Client.PostAsync($"/api/appointments/{id}/cancel", null)).ReadJsonAsync();

        // The notification centre gets what the SPA words in the reader's language: the time the appointment has now.
        var notices = (await (await patient.Client.GetAsync("/api/notifications")).ReadJsonAsync()).GetProperty("notifications").GetProperty("items");
        var refund = Assert.Single(notices.EnumerateArray(), n => n.GetProperty("kind").GetString() == "payment.refunded").GetProperty("parameters");
        Assert.Equal("appointment", refund.GetProperty("item").GetString());
        Assert.Equal(moved.GetProperty("start").GetDateTimeOffset(), DateTimeOffset.Parse(refund.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(refund.TryGetProperty("description", out _));

        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var now = TimeZoneInfo.ConvertTime(moved.GetProperty("start").GetDateTimeOffset(), shanghai);
        var before = TimeZoneInfo.ConvertTime(first.GetProperty("start").GetDateTimeOffset(), shanghai);
        var english = language == "en";
        var mail = await Mailbox.WaitForAsync(patient.Email, english ? "Refund: CN¥50.00" : "退款通知：¥50.00");
        var text = mail.Subject + "\n" + mail.TextBody;
        var when = english
            ? $"{now.ToString("dddd d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} (Beijing time)"
            : $"{now.Year}年{now.Month}月{now.Day}日 {now.ToString("dddd", System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))} {now:HH:mm}（北京时间）";
        Assert.Contains(when, text, StringComparison.Ordinal);
        Assert.Contains(english ? "the consultation fee for your in-person visit with Dr 测试医生" : "测试医生医生", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{before.Month}月{before.Day}日", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{before.Day} {before.ToString("MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", text, StringComparison.Ordinal);
        foreach (var foreign in english ? new[] { "挂号费", "退款", "北京时间", "CNY", "Asia/Shanghai" } : ["Consultation", "fee", "CNY", "Asia/Shanghai", "Beijing"])
        {
            Assert.DoesNotContain(foreign, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rescheduling_moves_the_booking_and_frees_the_old_slot_for_the_waitlist()
    {
        var doctor = await kit.DoctorAsync(slotMinutes: 60);
        var patient = await kit.PatientAsync();
        var waiting = await kit.PatientAsync();
        // Note: the second day past "30 h from now", so every free time of it is in the list: the first day is cut in two
        // when the tests run between 09:00 and 12:00 in the hospital's zone, and its earlier free times stayed free.
        var slots = (await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id)).Where(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30)).ToList();
        var day = slots.Select(s => s.GetProperty("localDate").GetString()!).Distinct().Skip(1).First();
        var dayIds = slots.Where(s => s.GetProperty("localDate").GetString() == day).Select(s => s.GetProperty("id").GetGuid()).ToList();

        // The patient books the first of the day; fillers take the rest, so the day is full.
        var mine = (await (await BookingKit.BookAsync(patient, dayIds[0])).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BookingKit.PayAsync(patient, mine);
        foreach (var slot in dayIds.Skip(1))
        {
            await (await BookingKit.BookAsync(await kit.PatientAsync(), slot)).ReadJsonAsync(HttpStatusCode.Created);
        }

        var joined = await (await waiting.Client.PostAsJsonAsync("/api/waitlist", new { patientId = waiting.Id, doctorId = doctor.Id, date = day, visitType = "InPerson" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, joined.GetProperty("position").GetInt32());

        var later = slots.First(s => string.CompareOrdinal(s.GetProperty("localDate").GetString(), day) > 0).GetProperty("id").GetGuid();
        var moved = await (await patient.Client.PostAsJsonAsync($"/api/appointments/{mine}/reschedule", new { slotId = later })).ReadJsonAsync();
        Assert.Equal("Booked", moved.GetProperty("status").GetString());
        Assert.NotEqual(day, moved.GetProperty("localDate").GetString());
        Assert.Contains("appointment.rescheduled", await kit.QueryAsync(db => db.HisOutbox.Where(m => m.PatientId == patient.Id).Select(m => m.Kind).ToListAsync()));

        // The freed slot is now held for the first patient waiting.
        var offered = await (await waiting.Client.GetAsync($"/api/waitlist?patientId={waiting.Id}")).ReadJsonAsync();
        var entry = Assert.Single(offered.EnumerateArray());
        Assert.Equal("Offered", entry.GetProperty("status").GetString());
        var hold = await (await waiting.Client.GetAsync($"/api/appointments/{entry.GetProperty("offeredAppointmentId").GetGuid()}")).ReadJsonAsync();
        Assert.Equal("PendingPayment", hold.GetProperty("status").GetString());
        Assert.Equal(dayIds[0], await kit.QueryAsync(db => db.Appointments.Where(a => a.PatientId == waiting.Id).Select(a => a.SlotId).SingleAsync()));
        await Mailbox.WaitForAsync(waiting.Email, "候补");
    }

    [Fact]
    public async Task A_cancelled_session_cancels_refunds_and_tells_every_patient_with_the_next_free_times()
    {
        var doctor = await kit.DoctorAsync();
        var paid = await kit.PatientAsync();
        var holding = await kit.PatientAsync();
        var slots = (await BookingKit.FreeSlotsAsync(paid.Client, doctor.Id)).Where(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30)).ToList();
        var day = slots[0].GetProperty("localDate").GetString()!;
        var a = (await (await BookingKit.BookAsync(paid, slots[0].GetProperty("id").GetGuid())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BookingKit.PayAsync(paid, a);
        var b = (await (await BookingKit.BookAsync(holding, slots[1].GetProperty("id").GetGuid())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var doctorClient = await factory.CreateClientAsAsync(doctor.Email, TestData.StrongPassword);
        var result = await (await doctorClient.PostAsJsonAsync("/api/doctors/me/sessions/cancel", new { date = day, from = "09:00:00", to = "12:00:00", reason = "生病" })).ReadJsonAsync();
        Assert.Equal(2, result.GetProperty("appointmentsCancelled").GetInt32());
        Assert.Equal(6, result.GetProperty("slotsCancelled").GetInt32());

        var first = await (await paid.Client.GetAsync($"/api/appointments/{a}")).ReadJsonAsync();
        Assert.Equal("session_cancelled", first.GetProperty("cancellationReason").GetString());
        Assert.Equal("Refunded", first.GetProperty("paymentStatus").GetString());
        var mail = await Mailbox.WaitForAsync(paid.Email, "医院取消了您");
        Assert.Contains("已全额退还", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("最近的可预约时间", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("Cancelled", (await (await holding.Client.GetAsync($"/api/appointments/{b}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.DoesNotContain(await BookingKit.FreeSlotsAsync(paid.Client, doctor.Id), s => s.GetProperty("localDate").GetString() == day);

        var calendar = await (await doctorClient.GetAsync($"/api/doctors/me/calendar?from={day}&days=1")).ReadJsonAsync();
        Assert.All(calendar.GetProperty("days")[0].GetProperty("slots").EnumerateArray(), s => Assert.Equal("Cancelled", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Reminders_go_out_a_day_and_an_hour_before_once_each()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync(preferredLanguage: "en");
        var slotId = await kit.SlotAtAsync(doctor.Id, DateTimeOffset.UtcNow.AddHours(23));
        var id = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BookingKit.PayAsync(patient, id);

        // Booked days ago (the day reminder is skipped for bookings made within the last day).
        await kit.WithDbAsync(db => db.Appointments.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedAt, DateTimeOffset.UtcNow.AddDays(-3))));
        await kit.RunJobsAsync();
        await kit.RunJobsAsync();
        await Mailbox.WaitForAsync(patient.Email, "Reminder: appointment tomorrow");

        await kit.WithDbAsync(async db =>
        {
            var soon = DateTimeOffset.UtcNow.AddMinutes(50);
            await db.Slots.Where(s => s.Id == slotId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Start, soon).SetProperty(x => x.End, soon.AddMinutes(30)));
            await db.Appointments.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Start, soon).SetProperty(x => x.End, soon.AddMinutes(30)));
        });
        await kit.RunJobsAsync();
        await kit.RunJobsAsync();
        await Mailbox.WaitForAsync(patient.Email, "Starting soon");
        var mails = await Mailbox.ListAsync(patient.Email);
        Assert.Single(mails, m => m.Subject!.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject!.StartsWith("Starting soon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_sent_while_the_patient_is_acting_on_the_appointment_does_not_make_the_patients_change_fail()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync(preferredLanguage: "en");
        var slotId = await kit.SlotAtAsync(doctor.Id, DateTimeOffset.UtcNow.AddMinutes(50));
        var id = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await BookingKit.PayAsync(patient, id);
        await kit.WithDbAsync(db => db.Appointments.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedAt, DateTimeOffset.UtcNow.AddDays(-3))));

        // The patient's request has read the appointment when the booking job (another instance, say) sends the hour
        // reminder; the patient's change is then saved. It used to fail on the appointment's concurrency token (409).
        await kit.WithDbAsync(async db =>
        {
            var appointment = await db.Appointments.SingleAsync(x => x.Id == id);
            await kit.RunJobsAsync();
            appointment.RecordAttendance(Guid.NewGuid(), "王小明", "spouse", guardianPresent: false);
            await db.SaveChangesAsync();
        });

        await kit.RunJobsAsync();
        await Mailbox.WaitForAsync(patient.Email, "Starting soon");
        Assert.Single(await Mailbox.ListAsync(patient.Email), m => m.Subject!.StartsWith("Starting soon", StringComparison.Ordinal));
        var kinds = await kit.QueryAsync(db => db.AppointmentReminders.Where(r => r.AppointmentId == id).Select(r => r.Kind).OrderBy(k => k).ToListAsync());
        Assert.Equal([Domain.Appointments.ReminderKind.Day, Domain.Appointments.ReminderKind.Hour], kinds);
        Assert.Equal("spouse", await kit.QueryAsync(db => db.Appointments.Where(x => x.Id == id).Select(x => x.AttendingRelation).SingleAsync()));
    }

    [Fact]
    public async Task Another_patients_appointment_answers_404_and_the_doctor_sees_it_in_the_calendar()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var stranger = await kit.PatientAsync();
        var slot = (await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id)).First(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30));
        var id = (await (await BookingKit.BookAsync(patient, slot.GetProperty("id").GetGuid())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await stranger.Client.GetAsync($"/api/appointments/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsync($"/api/appointments/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/api/appointments?patientId={patient.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var otherDoctor = await factory.CreateClientAsAsync("dr.wang@demo.test", TestData.DemoPassword);
        await (await otherDoctor.GetAsync($"/api/appointments/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var doctorClient = await factory.CreateClientAsAsync(doctor.Email, TestData.StrongPassword);
        var calendar = await (await doctorClient.GetAsync($"/api/doctors/me/calendar?from={slot.GetProperty("localDate").GetString()}&days=1")).ReadJsonAsync();
        var booked = calendar.GetProperty("days")[0].GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("appointment").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal("李娜", booked.GetProperty("appointment").GetProperty("patientName").GetString());
        Assert.Equal("PendingPayment", booked.GetProperty("appointment").GetProperty("status").GetString());
        await (await doctorClient.PostAsync($"/api/appointments/{id}/no-show", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changing_the_timetable_regenerates_free_slots_and_never_touches_booked_ones()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var slotId = (await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id))[0];
        var id = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var admin = await kit.AdminAsync();
        var sessions = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = "14:00:00", end = "16:00:00", slotMinutes = 20, inPerson = true, video = false }).ToArray();
        var change = await (await admin.PutAsJsonAsync($"/api/admin/doctors/{doctor.Id}/schedule", new { sessions })).ReadJsonAsync();
        Assert.True(change.GetProperty("slots").GetProperty("retired").GetInt32() > 0);
        Assert.Equal(1, change.GetProperty("slots").GetProperty("bookedKept").GetInt32());

        var free = await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id);
        Assert.All(free, s => Assert.False(s.GetProperty("offersVideo").GetBoolean()));
        Assert.Equal("PendingPayment", (await (await patient.Client.GetAsync($"/api/appointments/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(Domain.Scheduling.SlotStatus.Open, await kit.QueryAsync(db => db.Slots.Where(s => s.Id == slotId).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Find_care_filters_by_department_name_day_visit_type_and_language_earliest_free_first()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var slot = (await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id)).First(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30));
        var day = slot.GetProperty("localDate").GetString();

        var found = await (await patient.Client.GetAsync($"/api/care/doctors?name=测试医生&language=en&visitType=Video&date={day}")).ReadJsonAsync();
        var card = found.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == doctor.Id);
        Assert.True(card.GetProperty("offersVideo").GetBoolean());
        Assert.Equal(day, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(card.GetProperty("nextFreeSlot").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var starts = found.EnumerateArray().Select(d => d.GetProperty("nextFreeSlot").GetDateTimeOffset()).ToList();
        Assert.Equal(starts.Order(), starts);

        var french = await (await patient.Client.GetAsync("/api/care/doctors?language=fr")).ReadJsonAsync();
        Assert.DoesNotContain(french.EnumerateArray(), d => d.GetProperty("id").GetGuid() == doctor.Id);
        var page = await (await patient.Client.GetAsync($"/api/care/doctors/{doctor.Id}")).ReadJsonAsync();
        Assert.Equal("Asia/Shanghai", page.GetProperty("timeZone").GetString());
        Assert.Equal("CNY", page.GetProperty("currency").GetString());
        Assert.NotEmpty(page.GetProperty("nextFreeSlots").EnumerateArray());
    }

    [Fact]
    public async Task Booking_for_a_patient_one_may_not_act_for_is_a_404_and_takes_nothing()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var stranger = await kit.PatientAsync();
        var slotId = (await BookingKit.LaterSlotsAsync(stranger.Client, doctor.Id))[0];

        var existingSlot = await stranger.Client.PostAsJsonAsync("/api/appointments", new { patientId = patient.Id, slotId, visitType = "InPerson" });
        var noSuchSlot = await stranger.Client.PostAsJsonAsync("/api/appointments", new { patientId = patient.Id, slotId = Guid.NewGuid(), visitType = "InPerson" });

        await existingSlot.AssertProblemAsync(HttpStatusCode.NotFound);
        await noSuchSlot.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(slotId, await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id));
        Assert.Equal(0, await kit.QueryAsync(db => db.Appointments.CountAsync(a => a.PatientId == patient.Id)));
    }

    private Task ExpireAsync(Guid appointmentId) => kit.WithDbAsync(async db =>
    {
        await db.Appointments.Where(a => a.Id == appointmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.HoldExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await kit.RunJobsAsync();
    });

    /// <summary>The provider confirms a payment after the hold lapsed (as a late webhook would).</summary>
    private async Task SucceedLateAsync(Guid paymentId)
    {
        using var scope = factory.Services.CreateScope();
        var payments = scope.ServiceProvider.GetRequiredService<Application.Payments.IPayments>();
        await payments.RecordSucceededAsync(paymentId, $"evt_late_{paymentId:N}", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<InternetHospital.Infrastructure.Persistence.AppDbContext>().SaveChangesAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingTestsOnSqlite(SqliteApiFactory factory) : BookingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class BookingTestsOnPostgres(PostgresApiFactory factory) : BookingTests(factory);
