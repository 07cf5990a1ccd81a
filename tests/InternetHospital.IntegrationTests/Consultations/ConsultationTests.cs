using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.Results;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.Consultations;

/// <summary>
/// Remote consultation between institutions through the HTTP pipeline: a community family doctor asks a hospital
/// cardiologist about a patient who consented in the app, the cardiologist schedules and opens the video room (the video
/// visit's room, with no appointment behind it), signs the opinion, and it returns to the requester and the patient and
/// goes to both institutions' HIS through the outbox. Consent refusal, access per role / institution / patient, audit.
/// </summary>
public abstract class ConsultationTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task A_video_consultation_is_requested_with_consent_scheduled_held_in_the_video_room_and_its_signed_opinion_reaches_both_sides_and_both_HIS()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "张伟");
        var reportId = await ReleasedReportAsync(patient.PatientId);
        var cardiologist = await CardiologistAsync();

        // The cardiologist does not treat 张伟: his images are not theirs to open (until asked to consult).
        await (await cardiologist.Client.GetAsync($"/api/doctor/patients/{patient.PatientId}/imaging/studies")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The patient consents in the app; the doctor's request uses that consent.
        var consent = await (await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/consultations/consent", null)).ReadJsonAsync();
        Assert.Equal("张伟", consent.GetProperty("givenBy").GetString());
        var created = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = patient.PatientId,
            mode = "Video",
            urgency = "Urgent",
            question = "血压控制不佳，请评估是否调整降压方案",
            specialistDoctorIds = new[] { cardiologist.DoctorId },
            consent = new { method = "InApp" },
            labReportIds = new[] { reportId },
        })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Requested", created.GetProperty("status").GetString());
        Assert.Equal("InApp", created.GetProperty("consent").GetProperty("method").GetString());
        Assert.Equal("血脂四项", Assert.Single(created.GetProperty("attachments").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("current", created.GetProperty("recordSummary").GetProperty("source").GetString());
        Assert.Equal(0m, created.GetProperty("fee").GetDecimal());

        // The consent was used once: a second request needs a new one.
        var again = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = patient.PatientId, mode = "Written", urgency = "Routine", question = "再问一次", specialistDoctorIds = new[] { cardiologist.DoctorId }, consent = new { method = "InApp" },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("consultation_consent_required", again.Code());

        // Asked to consult, the specialist opens the patient's images attached to the request (past the access check).
        Assert.NotEqual(HttpStatusCode.NotFound, (await cardiologist.Client.GetAsync($"/api/doctor/patients/{patient.PatientId}/imaging/studies")).StatusCode);

        var incoming = await (await cardiologist.Client.GetAsync("/api/consultations?box=Incoming")).ReadJsonAsync();
        Assert.Contains(incoming.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id && c.GetProperty("canDecide").GetBoolean());
        var notices = await (await cardiologist.Client.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(notices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "consultations.requested");

        // The requester does not answer it; the specialist does not withdraw it.
        Assert.Equal("not_consultation_specialist", (await (await team.Lead.Client.PostAsJsonAsync($"/api/consultations/{id}/schedule", new { start = DateTimeOffset.UtcNow.AddHours(2), invitePatient = true }))
            .AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        Assert.Equal("not_consultation_requester", (await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/cancel", new { }))
            .AssertProblemAsync(HttpStatusCode.Forbidden)).Code());

        var scheduled = await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/schedule", new { start = DateTimeOffset.UtcNow.AddMinutes(30), invitePatient = true })).ReadJsonAsync();
        Assert.Equal("Scheduled", scheduled.GetProperty("status").GetString());
        Assert.True(scheduled.GetProperty("patientInvited").GetBoolean());
        var started = await (await cardiologist.Client.PostAsync($"/api/consultations/{id}/start", null)).ReadJsonAsync();
        Assert.Equal("InProgress", started.GetProperty("status").GetString());
        Assert.Equal(id, started.GetProperty("roomId").GetGuid());

        // The video visit's room: the cardiologist hosts it, the requester is in it as a specialist, the invited patient as the patient.
        var host = await (await cardiologist.Client.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync();
        Assert.Equal("Doctor", host.GetProperty("myRole").GetString());
        Assert.Equal("InProgress", host.GetProperty("status").GetString());
        Assert.Equal("Consultation", host.GetProperty("purpose").GetString());
        Assert.Equal("Specialist", (await (await team.Lead.Client.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync()).GetProperty("myRole").GetString());
        Assert.Equal("Patient", (await (await patient.Client.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync()).GetProperty("myRole").GetString());
        var stranger = await kit.RegisterPatientAsync("陌生人");
        await (await stranger.Client.GetAsync($"/api/video-visits/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Room chat works as in a visit; a visit note does not belong to a consultation's room.
        var chat = await (await team.Lead.Client.PostAsJsonAsync($"/api/video-visits/{id}/messages", new { text = "心电图已上传" })).ReadJsonAsync();
        Assert.Equal("Specialist", chat.GetProperty("senderRole").GetString());

        var signed = await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/opinion", new
        {
            text = "建议加用氨氯地平 5 mg 每日一次，两周后复查血压。",
            disposition = "AdjustTreatment",
            suggestedMedication = "氨氯地平 5 mg qd",
            followUpInDays = 14,
        })).ReadJsonAsync();
        Assert.Equal("OpinionSigned", signed.GetProperty("status").GetString());
        var opinion = signed.GetProperty("opinion");
        Assert.Equal(64, opinion.GetProperty("contentHash").GetString()!.Length);
        Assert.True(opinion.GetProperty("verified").GetBoolean());

        // Signed means read-only: a second signature is a conflict; corrections are addenda.
        Assert.Equal("consultation_wrong_state", (await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/opinion", new { text = "改写", disposition = "ReferUp" }))
            .AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var amended = await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/addenda", new { text = "补充：复查肾功能" })).ReadJsonAsync();
        Assert.Equal(opinion.GetProperty("contentHash").GetString(), amended.GetProperty("opinion").GetProperty("contentHash").GetString());
        Assert.Single(amended.GetProperty("addenda").EnumerateArray());

        // The room closed with the signature.
        Assert.Equal("Completed", (await (await cardiologist.Client.GetAsync($"/api/video-visits/{id}")).ReadJsonAsync()).GetProperty("status").GetString());

        // Back to the requester and the patient.
        var requesterNotices = await (await team.Lead.Client.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(requesterNotices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "consultations.opinion_signed");
        var outgoing = await (await team.Lead.Client.GetAsync($"/api/consultations/{id}")).ReadJsonAsync();
        Assert.Equal("建议加用氨氯地平 5 mg 每日一次，两周后复查血压。", outgoing.GetProperty("opinion").GetProperty("text").GetString());
        var mine = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/consultations/{id}")).ReadJsonAsync();
        Assert.Equal("AdjustTreatment", mine.GetProperty("opinion").GetProperty("disposition").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("recordSummary").ValueKind);
        Assert.Equal(
            new[] { "Requested", "Scheduled", "InProgress", "OpinionSigned" },
            mine.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()!).ToArray());

        // Both institutions' HIS get the opinion, each message naming its institution.
        var facilities = await kit.FromDatabaseAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => new { c.FromFacilityId, c.ToFacilityId }).SingleAsync());
        var messages = await kit.FromDatabaseAsync(db => db.HisOutbox.AsNoTracking().Where(m => m.PatientId == patient.PatientId && m.Kind == "consultation.opinion_signed").Select(m => m.Payload).ToListAsync());
        Assert.Equal(2, messages.Count);
        var institutions = messages.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("institutionId").GetGuid()).Order().ToArray();
        Assert.Equal(new[] { facilities.FromFacilityId, facilities.ToFacilityId }.Order().ToArray(), institutions);
        Assert.All(messages, p => Assert.Equal(opinion.GetProperty("contentHash").GetString(), JsonDocument.Parse(p).RootElement.GetProperty("opinionHash").GetString()));

        // Domain rule 26: a read across institutions names both.
        var reads = await kit.FromDatabaseAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "consultation.read" && e.ResourceId == id.ToString()).ToListAsync());
        Assert.NotEmpty(reads);
        Assert.All(reads, e => Assert.Equal($"from={facilities.FromFacilityId} to={facilities.ToFacilityId}", e.Detail));
        Assert.All(reads, e => Assert.Equal(patient.PatientId, e.PatientId));
    }

    /// <summary>On the browser mesh (four people) a video consultation asks at most two specialists; a written one five.</summary>
    [Fact]
    public async Task On_the_mesh_a_video_consultation_asks_at_most_two_specialists()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "孙丽");
        var three = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            three.Add((await CardiologistAsync()).DoctorId);
        }

        var refused = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = patient.PatientId, mode = "Video", urgency = "Routine", question = "多学科会诊", specialistDoctorIds = three, consent = new { method = "Paper", givenBy = "孙丽" },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("too_many_participants", refused.Code());
        Assert.Equal(0, await kit.FromDatabaseAsync(db => db.Consultations.CountAsync(c => c.PatientId == patient.PatientId)));

        var written = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = patient.PatientId, mode = "Written", urgency = "Routine", question = "多学科会诊", specialistDoctorIds = three, consent = new { method = "Paper", givenBy = "孙丽" },
        })).ReadJsonAsync();
        Assert.Equal(3, written.GetProperty("specialists").GetArrayLength());
    }

    [Fact]
    public async Task Without_the_patients_consent_a_request_is_refused_and_nothing_is_stored()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "钱七");
        var cardiologist = await CardiologistAsync();

        foreach (var consent in new object?[] { null, new { method = "InApp" }, new { method = "Paper", givenBy = " " } })
        {
            var problem = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
            {
                patientId = patient.PatientId, mode = "Written", urgency = "Routine", question = "胸闷原因", specialistDoctorIds = new[] { cardiologist.DoctorId }, consent,
            })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("consultation_consent_required", problem.Code());
        }

        Assert.Equal(0, await kit.FromDatabaseAsync(db => db.Consultations.CountAsync(c => c.PatientId == patient.PatientId)));

        // Paper consent attested by the doctor is enough; a department of the doctor's own institution is not another institution.
        var paper = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = patient.PatientId, mode = "Written", urgency = "Routine", question = "胸闷原因", specialistDoctorIds = new[] { cardiologist.DoctorId },
            consent = new { method = "Paper", givenBy = "钱七（本人）" },
        })).ReadJsonAsync();
        Assert.Equal("Paper", paper.GetProperty("consent").GetProperty("method").GetString());
        var gp = await kit.FromDatabaseAsync(db => db.Departments.Where(d => d.Code == "GP").Select(d => d.Id).SingleAsync());
        var same = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = patient.PatientId, mode = "Written", urgency = "Routine", question = "胸闷原因", departmentId = gp, consent = new { method = "Paper", givenBy = "钱七" },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("consultation_same_institution", same.Code());

        // Not the doctor's patient: 404, consent or not.
        var stranger = await kit.RegisterPatientAsync("陌生人");
        await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = stranger.PatientId, mode = "Written", urgency = "Routine", question = "问题", specialistDoctorIds = new[] { cardiologist.DoctorId }, consent = new { method = "Paper", givenBy = "某人" },
        })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_requester_the_specialists_and_the_patient_see_a_consultation()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "赵六");
        var cardiologist = await CardiologistAsync();
        var created = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
        {
            patientId = patient.PatientId, mode = "Written", urgency = "Routine", question = "心悸", specialistDoctorIds = new[] { cardiologist.DoctorId },
            consent = new { method = "Paper", givenBy = "赵六" },
        })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();

        // A colleague of the requester's own team and a patient not concerned get 404, never the consultation.
        await (await team.Member.Client.GetAsync($"/api/consultations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await team.Member.Client.PostAsJsonAsync($"/api/consultations/{id}/decline", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var stranger = await kit.RegisterPatientAsync("陌生人");
        await (await stranger.Client.GetAsync($"/api/patients/{patient.PatientId}/consultations")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/api/patients/{stranger.PatientId}/consultations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/consultations")).ReadJsonAsync();
        Assert.Equal(id, Assert.Single(list.GetProperty("consultations").EnumerateArray()).GetProperty("id").GetGuid());

        // A written consultation has no room; declined, it takes no further moves.
        Assert.Equal("consultation_wrong_state", (await (await cardiologist.Client.PostAsync($"/api/consultations/{id}/start", null)).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var declined = await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/decline", new { reason = "请转心内科门诊" })).ReadJsonAsync();
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        Assert.Equal("consultation_wrong_state", (await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/schedule", new { start = DateTimeOffset.UtcNow.AddHours(3), invitePatient = false }))
            .AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal("Declined", await kit.FromDatabaseAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.Status.ToString()).SingleAsync()));
        var patientNotices = await (await patient.Client.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(patientNotices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "consultations.declined");
    }

    [Fact]
    public async Task A_fee_set_for_the_institution_pair_is_paid_by_the_patients_side_before_the_specialist_schedules()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "孙八");
        var cardiologist = await CardiologistAsync();
        var (community, hospital) = await kit.FromDatabaseAsync(async db => (
            await db.Departments.Where(d => d.Code == "GP").Select(d => d.FacilityId).SingleAsync(),
            await db.Departments.Where(d => d.Code == "CARD").Select(d => d.FacilityId).SingleAsync()));
        var admin = await factory.CreateClientAsAsync("admin.zhou@demo.test", TestData.DemoPassword);
        try
        {
            var fee = await (await admin.PutAsJsonAsync("/api/admin/consultations/fees", new { fromFacilityId = community, toFacilityId = hospital, amount = 60m })).ReadJsonAsync();
            Assert.Equal(60m, fee.GetProperty("amount").GetDecimal());
            var created = await (await team.Lead.Client.PostAsJsonAsync("/api/consultations", new
            {
                patientId = patient.PatientId, mode = "Written", urgency = "Routine", question = "心悸", specialistDoctorIds = new[] { cardiologist.DoctorId },
                consent = new { method = "Paper", givenBy = "孙八" },
            })).ReadJsonAsync();
            var id = created.GetProperty("id").GetGuid();
            Assert.Equal(60m, created.GetProperty("fee").GetDecimal());

            var unpaid = await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/schedule", new { start = DateTimeOffset.UtcNow.AddHours(3), invitePatient = false }))
                .AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("payment_required", unpaid.Code());

            var payment = await (await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/consultations/{id}/payment", null)).ReadJsonAsync();
            var paymentId = payment.GetProperty("paymentId").GetGuid();
            await (await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" })).ReadJsonAsync();
            var scheduled = await (await cardiologist.Client.PostAsJsonAsync($"/api/consultations/{id}/schedule", new { start = DateTimeOffset.UtcNow.AddHours(3), invitePatient = false })).ReadJsonAsync();
            Assert.Equal("Scheduled", scheduled.GetProperty("status").GetString());
            Assert.True(scheduled.GetProperty("feePaid").GetBoolean());
        }
        finally
        {
            await (await admin.PutAsJsonAsync("/api/admin/consultations/fees", new { fromFacilityId = community, toFacilityId = hospital, amount = 0m })).ReadJsonAsync();
        }
    }

    private Task<Guid> CardiologyAsync() => kit.FromDatabaseAsync(db => db.Departments.Where(d => d.Code == "CARD").Select(d => d.Id).SingleAsync());

    /// <summary>A new doctor in the hospital's cardiology department (the test's own, so lists stay its own).</summary>
    private async Task<FamilyTestKit.TestDoctor> CardiologistAsync()
    {
        var doctor = await kit.NewDoctorAsync("cardio");
        var cardiology = await CardiologyAsync();
        await kit.InDatabaseAsync(db => db.Doctors.Where(d => d.Id == doctor.DoctorId).ExecuteUpdateAsync(s => s.SetProperty(d => d.DepartmentId, cardiology).SetProperty(d => d.IsFamilyDoctor, false)));
        return doctor;
    }

    /// <summary>Links the patient to a HIS record and gives them an ordinary (released at once) lab report.</summary>
    private async Task<Guid> ReleasedReportAsync(Guid patientId)
    {
        var hisId = "HIS-C-" + Guid.NewGuid().ToString("N")[..8];
        var reportId = Guid.Empty;
        await kit.InDatabaseAsync(async db =>
        {
            var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
            patient.LinkToHis(hisId);
            var report = LabReport.Receive(
                hisId,
                new LabReportContent("LAB-" + Guid.NewGuid().ToString("N")[..8], "LIPID", null, "血脂四项", "final", DateTimeOffset.UtcNow.AddDays(-3), null, null,
                    [new LabObservationContent("LDL", null, "低密度脂蛋白", 4.2m, null, "mmol/L", 0m, 3.4m, null, LabFlag.High, null)]),
                sensitive: false,
                TimeSpan.Zero,
                null,
                DateTimeOffset.UtcNow);
            db.LabReports.Add(report);
            reportId = report.Id;
        });
        return reportId;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConsultationTestsOnSqlite(SqliteApiFactory factory) : ConsultationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ConsultationTestsOnPostgres(PostgresApiFactory factory) : ConsultationTests(factory);
