using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Infrastructure.Appointments;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Appointments;

/// <summary>
/// What booking tests need, made fresh per test through the real API: a doctor of their own (created by the admin,
/// with a timetable), patients of their own, and helpers for the few things only time or the database can do.
/// </summary>
internal sealed class BookingKit(ApiFactory factory)
{
    public const string AdminEmail = "admin.zhou@demo.test";

    public async Task<HttpClient> AdminAsync() => await factory.CreateClientAsAsync(AdminEmail, TestData.DemoPassword);

    /// <summary>A new cardiology doctor with a daily 09:00-12:00 timetable (30-minute slots, in person and video).</summary>
    public async Task<TestDoctor> DoctorAsync(decimal inPersonFee = 50m, decimal videoFee = 40m, int slotMinutes = 30)
    {
        var admin = await AdminAsync();
        var departments = await (await admin.GetAsync("/api/admin/departments")).ReadJsonAsync();
        var cardiology = departments.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CARD").GetProperty("id").GetGuid();
        var email = TestData.Email("doctor");
        var created = await (await admin.PostAsJsonAsync("/api/admin/doctors", new
        {
            email,
            mobile = "13800000123",
            initialPassword = TestData.StrongPassword,
            profile = new
            {
                fullName = "测试医生",
                departmentId = cardiology,
                title = "主治医师",
                titleEn = "Attending Physician",
                isFamilyDoctor = false,
                specialties = "高血压",
                specialtiesEn = "Hypertension",
                bio = string.Empty,
                bioEn = string.Empty,
                languages = new[] { "zh-CN", "en" },
                inPersonFee,
                videoFee,
                licenseNumber = "110440100099999",
                practiceSinceYear = 2010,
                offersVideoVisits = true,
            },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var doctorId = created.GetProperty("id").GetGuid();
        var sessions = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = "09:00:00", end = "12:00:00", slotMinutes, inPerson = true, video = true }).ToArray();
        await (await admin.PutAsJsonAsync($"/api/admin/doctors/{doctorId}/schedule", new { sessions })).ReadJsonAsync();
        return new TestDoctor(doctorId, email);
    }

    /// <summary>A newly registered patient signed in; with <paramref name="hisHistory"/> their record is matched to the demo HIS patient with hypertension.</summary>
    public async Task<TestPatient> PatientAsync(bool hisHistory = false, string? preferredLanguage = null)
    {
        var email = TestData.Email();
        var registration = TestData.Registration(email);
        var response = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", registration);
        var patientId = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("patientId").GetGuid();
        if (hisHistory)
        {
            await WithDbAsync(db => db.Patients.Where(p => p.Id == patientId).ExecuteUpdateAsync(s => s.SetProperty(p => p.HisPatientId, "H0000001")));
        }

        var client = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        if (preferredLanguage is not null)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/me/preferences", new { language = preferredLanguage })).StatusCode);
        }

        return new TestPatient(patientId, email, client);
    }

    public static async Task<IReadOnlyList<JsonElement>> FreeSlotsAsync(HttpClient client, Guid doctorId, int days = 14, string? visitType = null)
    {
        var list = await (await client.GetAsync($"/api/care/doctors/{doctorId}/slots?days={days}" + (visitType is null ? string.Empty : $"&visitType={visitType}"))).ReadJsonAsync();
        return list.GetProperty("slots").EnumerateArray().ToList();
    }

    /// <summary>Free slots on days from tomorrow on (today's may be too close to now for the cut-off).</summary>
    public static async Task<IReadOnlyList<Guid>> LaterSlotsAsync(HttpClient client, Guid doctorId) =>
        (await FreeSlotsAsync(client, doctorId)).Where(s => s.GetProperty("start").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(30)).Select(s => s.GetProperty("id").GetGuid()).ToList();

    public static async Task<HttpResponseMessage> BookAsync(TestPatient patient, Guid slotId, string visitType = "InPerson", Guid? proofFileId = null) =>
        await patient.Client.PostAsJsonAsync("/api/appointments", new { patientId = patient.Id, slotId, visitType, proofFileId });

    public static async Task<JsonElement> PayAsync(TestPatient patient, Guid appointmentId)
    {
        var payment = await (await patient.Client.PostAsync($"/api/appointments/{appointmentId}/payment", null)).ReadJsonAsync();
        var paymentId = payment.GetProperty("paymentId").GetGuid();
        await (await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" })).ReadJsonAsync();
        return await (await patient.Client.GetAsync($"/api/appointments/{appointmentId}")).ReadJsonAsync();
    }

    /// <summary>A slot of the doctor starting at the given time (for times the timetable does not give, such as in an hour).</summary>
    public async Task<Guid> SlotAtAsync(Guid doctorId, DateTimeOffset start, int minutes = 30)
    {
        var id = Guid.Empty;
        await WithDbAsync(async db =>
        {
            var doctor = await db.Doctors.SingleAsync(d => d.Id == doctorId);
            var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
            var slot = Slot.Create(doctorId, doctor.DepartmentId, new PlannedSlot(start, start.AddMinutes(minutes), localDate, Guid.NewGuid(), true, true));
            db.Slots.Add(slot);
            await db.SaveChangesAsync();
            id = slot.Id;
        });
        return id;
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs the booking background job once, now (instead of waiting for its timer).</summary>
    public Task RunJobsAsync() =>
        factory.Services.GetRequiredService<BookingJobsService>().RunOnceAsync(extendHorizon: false, CancellationToken.None);
}

internal sealed record TestDoctor(Guid Id, string Email);

internal sealed record TestPatient(Guid Id, string Email, HttpClient Client);
