using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Scheduling;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

/// <summary>The family doctor books a follow-up visit from a task (POST /api/doctors/me/follow-up-bookings with its id).</summary>
public abstract class FollowUpBookingTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task Booking_from_a_follow_up_task_links_the_task_to_the_visit()
    {
        var team = await kit.NewTeamAsync();
        await OffersVideoAsync(team.Lead);
        var (patient, _) = await kit.SignedPatientAsync(team);
        var taskId = (await TaskAsync(team, patient)).GetProperty("id").GetGuid();
        var slotId = await SlotAsync(team.Lead, days: 3);

        var appointment = await (await team.Lead.Client.PostAsJsonAsync("/api/doctors/me/follow-up-bookings", new { patientId = patient.PatientId, slotId, visitType = "Video", followUpTaskId = taskId }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var appointmentId = appointment.GetProperty("id").GetGuid();

        var task = await TaskAsync(team, patient);
        Assert.Equal("Booked", task.GetProperty("status").GetString());
        Assert.Equal(appointmentId, task.GetProperty("appointmentId").GetGuid());
        Assert.Equal(appointment.GetProperty("start").GetDateTimeOffset(), task.GetProperty("appointmentStartsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_task_of_another_patient_changes_nothing()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "甲");
        var (other, _) = await kit.SignedPatientAsync(team, "乙");
        var othersTaskId = (await TaskAsync(team, other)).GetProperty("id").GetGuid();
        var slotId = await SlotAsync(team.Lead, days: 3);

        // The booking itself stands: the doctor may book for their patient; only the mismatched link is ignored.
        await (await team.Lead.Client.PostAsJsonAsync("/api/doctors/me/follow-up-bookings", new { patientId = patient.PatientId, slotId, visitType = "InPerson", followUpTaskId = othersTaskId }))
            .ReadJsonAsync(HttpStatusCode.Created);

        foreach (var someone in new[] { patient, other })
        {
            var task = await TaskAsync(team, someone);
            Assert.Equal("Due", task.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, task.GetProperty("appointmentId").ValueKind);
        }

        Assert.Equal(FollowUpTaskStatus.Due, await kit.FromDatabaseAsync(db => db.FollowUpTasks.Where(t => t.Id == othersTaskId).Select(t => t.Status).SingleAsync()));
    }

    /// <summary>The patient's one follow-up task, as the panel's patient summary shows it.</summary>
    private static async Task<JsonElement> TaskAsync(FamilyTestKit.TestTeam team, FamilyTestKit.TestPatient patient)
    {
        var summary = await (await team.Lead.Client.GetAsync($"/api/family/panel/patients/{patient.PatientId}")).ReadJsonAsync();
        var plan = Assert.Single(summary.GetProperty("followUpPlans").EnumerateArray());
        return Assert.Single(plan.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("status").GetString() is "Due" or "Booked");
    }

    private Task OffersVideoAsync(FamilyTestKit.TestDoctor doctor) =>
        kit.InDatabaseAsync(db => db.Doctors.Where(d => d.Id == doctor.DoctorId).ExecuteUpdateAsync(s => s.SetProperty(d => d.OffersVideoVisits, true)));

    /// <summary>A free slot (in person and video) of the doctor's, some days ahead.</summary>
    private async Task<Guid> SlotAsync(FamilyTestKit.TestDoctor doctor, int days)
    {
        var slotId = Guid.Empty;
        await kit.InDatabaseAsync(async db =>
        {
            var departmentId = await db.Doctors.Where(d => d.Id == doctor.DoctorId).Select(d => d.DepartmentId).SingleAsync();
            var start = DateTimeOffset.UtcNow.AddDays(days);
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
            var slot = Slot.Create(doctor.DoctorId, departmentId, new PlannedSlot(start, start.AddMinutes(15), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime), Guid.NewGuid(), InPerson: true, Video: true));
            db.Slots.Add(slot);
            slotId = slot.Id;
        });
        return slotId;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FollowUpBookingTestsOnSqlite(SqliteApiFactory factory) : FollowUpBookingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class FollowUpBookingTestsOnPostgres(PostgresApiFactory factory) : FollowUpBookingTests(factory);
