using System.Net;
using System.Net.Http.Json;
using InternetHospital.Domain.Appointments;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>The visit's doctor orders a follow-up appointment from the note (POST /api/video-visits/{id}/follow-up).</summary>
public abstract class FollowUpOrderTests(ApiFactory factory)
{
    private static readonly object Note = new
    {
        chiefComplaint = "血压控制欠佳两周",
        history = "Home readings around 150/95 on amlodipine 5 mg.",
        assessment = "Essential hypertension, not at target.",
        plan = "Amlodipine 10 mg daily; keep a home BP diary.",
        diagnoses = new[] { new { code = "I10", description = "特发性（原发性）高血压" } },
        followUpAdvice = "Video follow-up in 4 weeks.",
    };

    [Fact]
    public async Task Ordering_a_follow_up_holds_the_doctors_slot_for_the_patient_and_keeps_it_with_the_note()
    {
        var (booked, doctor) = await AdmittedWithNoteAsync();
        var id = booked.AppointmentId;
        var slotId = await VisitScenario.FreeSlotAsync(factory.Services, TimeSpan.FromDays(3));

        var response = await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/follow-up", new { slotId, visitType = "Video" });
        var appointment = await response.ReadJsonAsync(HttpStatusCode.Created);
        var followUpId = appointment.GetProperty("id").GetGuid();
        Assert.Equal($"/api/appointments/{followUpId}", response.Headers.Location?.OriginalString);
        Assert.Equal("PendingPayment", appointment.GetProperty("status").GetString());
        Assert.Equal(booked.Patient.PatientId, appointment.GetProperty("patientId").GetGuid());
        Assert.Equal("DoctorReferral", appointment.GetProperty("followUpBasis").GetString());

        var stored = await QueryAsync(db => db.Appointments.SingleAsync(a => a.Id == followUpId));
        Assert.Equal(slotId, stored.SlotId);
        Assert.Equal(booked.Patient.PatientId, stored.PatientId);
        Assert.Equal(AppointmentStatus.PendingPayment, stored.Status);

        var visit = await (await doctor.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal(followUpId, visit.GetProperty("note").GetProperty("followUpAppointmentId").GetGuid());
        var followUp = visit.GetProperty("followUp");
        Assert.Equal(followUpId, followUp.GetProperty("appointmentId").GetGuid());
        Assert.Equal("Video", followUp.GetProperty("visitType").GetString());
        Assert.Equal("PendingPayment", followUp.GetProperty("status").GetString());
        Assert.Contains(visit.GetProperty("trace").EnumerateArray(), e => e.GetProperty("kind").GetString() == "follow_up_ordered");

        // The patient sees (and pays for) it among their appointments.
        var mine = await (await booked.Patient.Api.GetAsync($"/api/appointments/{followUpId}")).ReadJsonAsync();
        Assert.Equal("PendingPayment", mine.GetProperty("status").GetString());

        // One follow-up per visit while it stands.
        var another = await VisitScenario.FreeSlotAsync(factory.Services, TimeSpan.FromDays(4));
        var twice = await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/follow-up", new { slotId = another, visitType = "Video" });
        Assert.Equal("follow_up_already_ordered", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).Code());

        // After signing, the patient's summary shows the follow-up.
        await (await doctor.Api.PostAsync($"/api/video-visits/{id}/complete", null)).ReadJsonAsync();
        var summary = await (await booked.Patient.Api.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal(followUpId, summary.GetProperty("followUp").GetProperty("appointmentId").GetGuid());
    }

    [Fact]
    public async Task Another_doctor_or_the_patient_cannot_order_and_nothing_changes()
    {
        var (booked, _) = await AdmittedWithNoteAsync();
        var id = booked.AppointmentId;
        var slotId = await VisitScenario.FreeSlotAsync(factory.Services, TimeSpan.FromDays(3));
        var otherSlot = await VisitScenario.FreeSlotAsync(factory.Services, TimeSpan.FromDays(3), VisitScenario.Dermatologist);
        var other = await VisitScenario.SignInAsync(factory, VisitScenario.Dermatologist);

        await (await other.Api.PostAsJsonAsync($"/api/video-visits/{id}/follow-up", new { slotId, visitType = "Video" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Api.PostAsJsonAsync($"/api/video-visits/{id}/follow-up", new { slotId = otherSlot, visitType = "Video" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await booked.Patient.Api.PostAsJsonAsync($"/api/video-visits/{id}/follow-up", new { slotId, visitType = "Video" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.False(await QueryAsync(db => db.Appointments.AnyAsync(a => a.SlotId == slotId || a.SlotId == otherSlot)));
        Assert.Null(await QueryAsync(db => db.VideoVisits.Where(v => v.Id == id).Select(v => v.Note!.FollowUpAppointmentId).SingleAsync()));
    }

    [Fact]
    public async Task A_signed_note_refuses_a_follow_up_with_409_and_holds_nothing()
    {
        var (booked, doctor) = await AdmittedWithNoteAsync();
        var id = booked.AppointmentId;
        await (await doctor.Api.PostAsync($"/api/video-visits/{id}/complete", null)).ReadJsonAsync();
        var slotId = await VisitScenario.FreeSlotAsync(factory.Services, TimeSpan.FromDays(3));

        var refused = await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/follow-up", new { slotId, visitType = "Video" });
        Assert.Equal("note_signed", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.False(await QueryAsync(db => db.Appointments.AnyAsync(a => a.SlotId == slotId)));
    }

    [Fact]
    public async Task A_slot_taken_meanwhile_is_a_409_slot_taken_and_the_note_keeps_no_follow_up()
    {
        var (booked, doctor) = await AdmittedWithNoteAsync();
        var id = booked.AppointmentId;
        var slotId = await VisitScenario.FreeSlotAsync(factory.Services, TimeSpan.FromDays(3));

        // Someone else books the time in person first.
        var someone = await VisitScenario.NewPatientAsync(factory);
        await (await someone.Api.PostAsJsonAsync("/api/appointments", new { patientId = someone.PatientId, slotId, visitType = "InPerson" })).ReadJsonAsync(HttpStatusCode.Created);

        var refused = await doctor.Api.PostAsJsonAsync($"/api/video-visits/{id}/follow-up", new { slotId, visitType = "Video" });
        Assert.Equal("slot_taken", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Null(await QueryAsync(db => db.VideoVisits.Where(v => v.Id == id).Select(v => v.Note!.FollowUpAppointmentId).SingleAsync()));
        Assert.False(await QueryAsync(db => db.Appointments.AnyAsync(a => a.PatientId == booked.Patient.PatientId && a.SlotId == slotId)));
    }

    private async Task<(Booked Visit, User Doctor)> AdmittedWithNoteAsync()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        await (await doctor.Api.PutAsJsonAsync($"/api/video-visits/{booked.AppointmentId}/note", Note)).ReadJsonAsync();
        return (booked, doctor);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FollowUpOrderTestsOnSqlite(SqliteApiFactory factory) : FollowUpOrderTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class FollowUpOrderTestsOnPostgres(PostgresApiFactory factory) : FollowUpOrderTests(factory);
