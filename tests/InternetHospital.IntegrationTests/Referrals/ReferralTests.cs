using System.Net;
using System.Net.Http.Json;
using InternetHospital.Domain.Results;
using InternetHospital.Domain.Scheduling;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.Referrals;

/// <summary>
/// Two-way referral through the HTTP pipeline: a community family doctor refers a patient up to cardiology with a lab
/// report, a cardiologist accepts with a reserved referral slot (hidden from public booking), the patient books it in
/// one tap; the hospital refers a patient down with a care plan whose tasks start the team's follow-up plans.
/// </summary>
public abstract class ReferralTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task A_referral_up_is_accepted_with_a_reserved_slot_and_booked_by_the_patient_in_one_tap()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "张伟");
        var reportId = await ReleasedReportAsync(patient.PatientId);
        var cardiologist = await CardiologistAsync();
        var slotId = await SlotAsync(cardiologist.DoctorId, days: 5);
        var cardiology = await CardiologyAsync();
        var admin = await factory.CreateClientAsAsync("admin.zhou@demo.test", TestData.DemoPassword);
        var reserved = await (await admin.PutAsJsonAsync($"/api/admin/referrals/departments/{cardiology}/slots", new { slotIds = new[] { slotId }, reserved = true })).ReadJsonAsync();
        Assert.Equal(1, reserved.GetProperty("changed").GetInt32());

        // Held back: the public list does not show it and booking it directly is refused.
        var outsider = await kit.RegisterPatientAsync("王五");
        var free = await (await outsider.Client.GetAsync($"/api/care/doctors/{cardiologist.DoctorId}/slots?days=14")).ReadJsonAsync();
        Assert.DoesNotContain(free.GetProperty("slots").EnumerateArray(), s => s.GetProperty("id").GetGuid() == slotId);
        var direct = await (await outsider.Client.PostAsJsonAsync("/api/appointments", new { patientId = outsider.PatientId, slotId, visitType = "InPerson" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("slot_not_available", direct.Code());

        var created = await (await team.Lead.Client.PostAsJsonAsync("/api/referrals/up", new
        {
            patientId = patient.PatientId,
            departmentId = cardiology,
            urgency = "Urgent",
            reason = "血压控制不佳，伴胸闷",
            clinicalQuestion = "请评估是否需要调整降压方案",
            labReportIds = new[] { reportId },
        })).ReadJsonAsync();
        var referralId = created.GetProperty("id").GetGuid();
        Assert.Equal("Created", created.GetProperty("status").GetString());
        var attachment = Assert.Single(created.GetProperty("attachments").EnumerateArray());
        Assert.Equal("LabReport", attachment.GetProperty("kind").GetString());
        Assert.Equal("血脂四项", attachment.GetProperty("title").GetString());

        var incoming = await (await cardiologist.Client.GetAsync("/api/referrals?box=Incoming")).ReadJsonAsync();
        Assert.Contains(incoming.EnumerateArray(), r => r.GetProperty("id").GetGuid() == referralId && r.GetProperty("canDecide").GetBoolean());
        var detail = await (await cardiologist.Client.GetAsync($"/api/referrals/{referralId}")).ReadJsonAsync();
        Assert.Contains(detail.GetProperty("reservedSlots").EnumerateArray(), s => s.GetProperty("slotId").GetGuid() == slotId);

        var accepted = await (await cardiologist.Client.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { slotId })).ReadJsonAsync();
        Assert.Equal("AppointmentProposed", accepted.GetProperty("status").GetString());
        Assert.Equal(slotId, accepted.GetProperty("proposedSlot").GetProperty("slotId").GetGuid());

        // The referring doctor cannot decide for the hospital; a decision on a moved-on referral is a 409.
        var notReceiver = await (await team.Lead.Client.PostAsJsonAsync($"/api/referrals/{referralId}/decline", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not_referral_receiver", notReceiver.Code());
        var wrongState = await (await cardiologist.Client.PostAsJsonAsync($"/api/referrals/{referralId}/decline", new { reason = "号源已满" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("referral_wrong_state", wrongState.Code());

        var notices = await (await patient.Client.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Contains(notices.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "referrals.appointment_proposed");

        var mine = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/referrals/{referralId}")).ReadJsonAsync();
        Assert.Equal("AppointmentProposed", mine.GetProperty("referral").GetProperty("status").GetString());
        var booked = await (await patient.Client.PostAsJsonAsync($"/api/patients/{patient.PatientId}/referrals/{referralId}/book", new { })).ReadJsonAsync();
        Assert.Equal("Booked", booked.GetProperty("status").GetString());
        var appointmentId = booked.GetProperty("appointmentId").GetGuid();
        Assert.Equal(
            new[] { "Created", "Accepted", "AppointmentProposed", "Booked" },
            booked.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()!).ToArray());

        var appointment = await kit.FromDatabaseAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId));
        Assert.Equal(referralId, appointment.ReferralId);
        Assert.Equal(slotId, appointment.OccupiedSlotId);

        // Booking twice is refused and changes nothing.
        var again = await (await patient.Client.PostAsJsonAsync($"/api/patients/{patient.PatientId}/referrals/{referralId}/book", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("referral_wrong_state", again.Code());
        Assert.Equal(1, await kit.FromDatabaseAsync(db => db.Appointments.CountAsync(a => a.ReferralId == referralId)));

        // Domain rule 26: the cardiologist's read across institutions names both in the audit log.
        var facilities = await kit.FromDatabaseAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => new { r.FromFacilityId, r.ToFacilityId }).SingleAsync());
        var read = await kit.FromDatabaseAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "referral.read" && e.ResourceId == referralId.ToString()).ToListAsync());
        var entry = Assert.Single(read);
        Assert.Equal(patient.PatientId, entry.PatientId);
        Assert.Equal($"from={facilities.FromFacilityId} to={facilities.ToFacilityId}", entry.Detail);
    }

    [Fact]
    public async Task Only_the_patient_and_the_two_institutions_see_a_referral()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "赵六");
        var referralId = await ReferUpAsync(team, patient);

        var stranger = await kit.RegisterPatientAsync("陌生人");
        await (await stranger.Client.GetAsync($"/api/patients/{patient.PatientId}/referrals")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/api/patients/{stranger.PatientId}/referrals/{referralId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsJsonAsync($"/api/patients/{stranger.PatientId}/referrals/{referralId}/book", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/referrals")).ReadJsonAsync();
        Assert.Equal(referralId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());

        // A doctor at another community centre (neither institution) gets 404.
        var elsewhere = await kit.NewDoctorAsync("elsewhere");
        await kit.InDatabaseAsync(async db =>
        {
            var other = Domain.Hospital.Facility.Create("CHC-" + Guid.NewGuid().ToString("N")[..6], "西湖社区卫生服务中心", "Xihu Community Health Centre", Domain.Hospital.FacilityKind.CommunityHealthCentre);
            var department = Domain.Hospital.Department.Create(other.Id, "GP" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant(), "全科", "General Practice");
            db.Facilities.Add(other);
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            await db.Doctors.Where(d => d.Id == elsewhere.DoctorId).ExecuteUpdateAsync(s => s.SetProperty(d => d.DepartmentId, department.Id));
        });
        await (await elsewhere.Client.GetAsync($"/api/referrals/{referralId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.Client.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Created", await kit.FromDatabaseAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.Status.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task A_department_that_takes_no_referrals_is_refused_and_nothing_is_stored()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "钱七");
        var dermatology = await kit.FromDatabaseAsync(db => db.Departments.Where(d => d.Code == "DERM").Select(d => d.Id).SingleAsync());

        var problem = await (await team.Lead.Client.PostAsJsonAsync("/api/referrals/up", new { patientId = patient.PatientId, departmentId = dermatology, urgency = "Routine", reason = "皮疹" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("referral_department_closed", problem.Code());
        Assert.Equal(0, await kit.FromDatabaseAsync(db => db.Referrals.CountAsync(r => r.PatientId == patient.PatientId)));

        // Not the doctor's patient: 404, whatever the department.
        var stranger = await kit.RegisterPatientAsync("陌生人");
        await (await team.Lead.Client.PostAsJsonAsync("/api/referrals/up", new { patientId = stranger.PatientId, departmentId = await CardiologyAsync(), urgency = "Routine", reason = "胸闷" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_referral_down_lands_its_tasks_in_the_teams_follow_up_plans_when_the_team_accepts()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "孙八");
        var cardiologist = await CardiologistAsync();
        var slotId = await SlotAsync(cardiologist.DoctorId, days: 2);
        await (await patient.Client.PostAsJsonAsync("/api/appointments", new { patientId = patient.PatientId, slotId, visitType = "InPerson" })).ReadJsonAsync(HttpStatusCode.Created);
        var dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));

        var created = await (await cardiologist.Client.PostAsJsonAsync("/api/referrals/down", new
        {
            patientId = patient.PatientId,
            teamId = team.TeamId,
            reason = "急性期已过，回社区继续管理",
            carePlan = "低盐饮食，每日监测血压",
            medicines = new[] { new { drugCode = "C08CA01-5", doseAmount = 5m, frequency = "qd", route = "oral", days = 28 } },
            tasks = new[] { new { templateCode = "diabetes-hba1c-review", dueOn } },
        })).ReadJsonAsync();
        var referralId = created.GetProperty("id").GetGuid();
        Assert.Equal("Down", created.GetProperty("direction").GetString());
        Assert.Equal("Amlodipine", Assert.Single(created.GetProperty("medicines").EnumerateArray()).GetProperty("line").GetProperty("drugNameEn").GetString());

        var accepted = await (await team.Member.Client.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { })).ReadJsonAsync();
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        var planId = Assert.Single(accepted.GetProperty("tasks").EnumerateArray()).GetProperty("followUpPlanId").GetGuid();

        var plan = await kit.FromDatabaseAsync(db => db.FollowUpPlans.Include(p => p.Tasks).AsNoTracking().SingleAsync(p => p.Id == planId));
        Assert.Equal(patient.PatientId, plan.PatientId);
        Assert.Equal("diabetes-hba1c-review", plan.TemplateCode);
        Assert.Equal(dueOn, Assert.Single(plan.Tasks).DueOn);

        var completed = await (await team.Member.Client.PostAsync($"/api/referrals/{referralId}/complete", null)).ReadJsonAsync();
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        var cancel = await (await cardiologist.Client.PostAsJsonAsync($"/api/referrals/{referralId}/cancel", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("referral_wrong_state", cancel.Code());
    }

    private async Task<Guid> ReferUpAsync(FamilyTestKit.TestTeam team, FamilyTestKit.TestPatient patient)
    {
        var created = await (await team.Lead.Client.PostAsJsonAsync("/api/referrals/up", new { patientId = patient.PatientId, departmentId = await CardiologyAsync(), urgency = "Routine", reason = "胸闷" })).ReadJsonAsync();
        return created.GetProperty("id").GetGuid();
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

    private async Task<Guid> SlotAsync(Guid doctorId, int days)
    {
        var slotId = Guid.Empty;
        await kit.InDatabaseAsync(async db =>
        {
            var departmentId = await db.Doctors.Where(d => d.Id == doctorId).Select(d => d.DepartmentId).SingleAsync();
            var start = DateTimeOffset.UtcNow.AddDays(days);
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
            var slot = Slot.Create(doctorId, departmentId, new PlannedSlot(start, start.AddMinutes(15), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime), Guid.NewGuid(), InPerson: true, Video: false));
            db.Slots.Add(slot);
            slotId = slot.Id;
        });
        return slotId;
    }

    /// <summary>Links the patient to a HIS record and gives them an ordinary (released at once) lab report.</summary>
    private async Task<Guid> ReleasedReportAsync(Guid patientId)
    {
        var hisId = "HIS-R-" + Guid.NewGuid().ToString("N")[..8];
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
public sealed class ReferralTestsOnSqlite(SqliteApiFactory factory) : ReferralTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ReferralTestsOnPostgres(PostgresApiFactory factory) : ReferralTests(factory);
