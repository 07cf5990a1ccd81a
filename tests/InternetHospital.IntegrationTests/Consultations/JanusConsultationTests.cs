using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.Consultations;

/// <summary>
/// Through Janus a video consultation's room holds what the configured room holds, not the mesh's four: here a room of
/// six takes an MDT of four specialists with the requester and the patient, and a fifth specialist is refused. Fails
/// (not skips) without IH_TEST_JANUS_*.
/// </summary>
public sealed class JanusConsultationTests
{
    [Fact]
    public async Task Through_Janus_a_video_consultation_asks_as_many_specialists_as_the_configured_room_holds()
    {
        _ = TestJanus.Api;
        await using var host = await OwnApiHost.StartAsync("Sqlite", builder =>
        {
            TestJanus.Configure(builder);
            builder.UseSetting("Video:Janus:MaxParticipants", "6");
        });
        var kit = new FamilyTestKit(host);
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "孙丽");
        var cardiology = await kit.FromDatabaseAsync(db => db.Departments.Where(d => d.Code == "CARD").Select(d => d.Id).SingleAsync());
        var specialists = new List<FamilyTestKit.TestDoctor>();
        for (var i = 0; i < 5; i++)
        {
            var doctor = await kit.NewDoctorAsync("cardio");
            await kit.InDatabaseAsync(db => db.Doctors.Where(d => d.Id == doctor.DoctorId).ExecuteUpdateAsync(s => s.SetProperty(d => d.DepartmentId, cardiology).SetProperty(d => d.IsFamilyDoctor, false)));
            specialists.Add(doctor);
        }

        object Request(int count) => new
        {
            patientId = patient.PatientId, mode = "Video", urgency = "Routine", question = "多学科会诊", specialistDoctorIds = specialists.Take(count).Select(d => d.DoctorId),
            consent = new { method = "Paper", givenBy = "孙丽" },
        };

        // Six people: the requester, the patient and four specialists; five specialists would leave the patient out.
        var refused = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", Request(5))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("too_many_participants", refused.Code());
        var created = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", Request(4))).ReadJsonAsync();
        Assert.Equal(4, created.GetProperty("specialists").GetArrayLength());
        var id = created.GetProperty("id").GetGuid();

        // The lead schedules with the patient invited and opens the room: all six fit.
        var lead = specialists[0];
        var scheduled = await (await lead.Client.PostAsJsonAsync($"/api/consultations/{id}/schedule", new { start = DateTimeOffset.UtcNow.AddMinutes(30), invitePatient = true })).ReadJsonAsync();
        Assert.True(scheduled.GetProperty("patientInvited").GetBoolean());
        var started = await (await lead.Client.PostAsync($"/api/consultations/{id}/start", null)).ReadJsonAsync();
        Assert.Equal("InProgress", started.GetProperty("status").GetString());
        Assert.Equal(4, await kit.FromDatabaseAsync(db => db.VideoVisits.Where(v => v.Id == id).SelectMany(v => v.Invitations).CountAsync()));
    }
}
