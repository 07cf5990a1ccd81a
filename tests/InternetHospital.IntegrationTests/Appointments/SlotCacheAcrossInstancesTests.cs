using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;

namespace InternetHospital.IntegrationTests.Appointments;

/// <summary>
/// Two API instances sharing PostgreSQL and Redis (see <see cref="TwoInstances"/>): each caches slot lists in its own
/// memory, and a booking on one must take the slot out of the other's answers too (the Redis backplane carries the
/// invalidation).
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SlotCacheAcrossInstancesTests(TwoInstances instances)
{
    [Fact]
    public async Task A_slot_booked_on_instance_A_disappears_from_instance_B()
    {
        var admin = await instances.A.SignInAsync(BookingKit.AdminEmail, TestData.DemoPassword);
        var doctorId = await CreateDoctorAsync(admin.Api);
        var email = TestData.Email("cache");
        using (var anonymous = new HttpClient { BaseAddress = instances.A.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/account/register", TestData.Registration(email))).StatusCode);
        }

        var onA = await instances.A.SignInAsync(email, TestData.StrongPassword);
        var onB = await instances.B.SignInAsync(email, TestData.StrongPassword);
        var slotId = (await BookingKit.LaterSlotsAsync(onB.Api, doctorId))[0];
        Assert.Contains(slotId, await BookingKit.LaterSlotsAsync(onA.Api, doctorId));

        await (await onA.Api.PostAsJsonAsync("/api/appointments", new { patientId = onA.PatientId, slotId, visitType = "InPerson" })).ReadJsonAsync(HttpStatusCode.Created);

        // Note: the backplane message travels asynchronously; B's own cache would keep the slot for 30 s without it.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        IReadOnlyList<Guid> onBNow;
        do
        {
            onBNow = await BookingKit.LaterSlotsAsync(onB.Api, doctorId);
        }
        while (onBNow.Contains(slotId) && DateTime.UtcNow < deadline && await Delay());

        Assert.DoesNotContain(slotId, onBNow);

        // FusionCache warns when a backplane without a distributed cache would broadcast every load it caches (each
        // instance then drops what the others just loaded): only invalidations go over the backplane here.
        Assert.DoesNotContain(instances.A.Warnings.Concat(instances.B.Warnings), w => w.Contains("SkipBackplaneNotifications", StringComparison.Ordinal));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    private static async Task<Guid> CreateDoctorAsync(HttpClient admin)
    {
        var departments = await (await admin.GetAsync("/api/admin/departments")).ReadJsonAsync();
        var cardiology = departments.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CARD").GetProperty("id").GetGuid();
        var created = await (await admin.PostAsJsonAsync("/api/admin/doctors", new
        {
            email = TestData.Email("doctor"),
            mobile = "13800000123",
            initialPassword = TestData.StrongPassword,
            profile = new
            {
                fullName = "缓存医生",
                departmentId = cardiology,
                title = "主治医师",
                titleEn = "Attending Physician",
                isFamilyDoctor = false,
                specialties = "高血压",
                specialtiesEn = "Hypertension",
                bio = string.Empty,
                bioEn = string.Empty,
                languages = new[] { "zh-CN" },
                inPersonFee = 50m,
                videoFee = 40m,
                licenseNumber = "110440100099998",
                practiceSinceYear = 2010,
                offersVideoVisits = false,
            },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var doctorId = created.GetProperty("id").GetGuid();
        var sessions = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = "09:00:00", end = "12:00:00", slotMinutes = 30, inPerson = true, video = false }).ToArray();
        await (await admin.PutAsJsonAsync($"/api/admin/doctors/{doctorId}/schedule", new { sessions })).ReadJsonAsync();
        return doctorId;
    }
}
