using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.Appointments;

/// <summary>
/// Slot lists and doctor cards come from a cache: every write that changes what a doctor offers must show in the
/// next answer, and a stale answer must never lead to a double booking. Each test reads first, so the cache is warm
/// when the write happens.
/// </summary>
public abstract class SlotCacheTests(ApiFactory factory)
{
    private readonly BookingKit kit = new(factory);

    [Fact]
    public async Task Booking_takes_the_slot_out_of_the_list_the_page_and_the_card_and_cancelling_puts_it_back()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        // Note: the page shows the next twelve slots, so the slot comes from it (a slot a day and a half ahead is not on
        // the page between 06:00 and 09:00 in the hospital's time zone); a held appointment may be cancelled at any time.
        var slotId = (await PageSlotsAsync(patient.Client, doctor.Id))[^1];
        var freeBefore = await FreeCountAsync(patient.Client, doctor.Id);
        Assert.Contains(slotId, await IdsAsync(patient.Client, doctor.Id));

        var id = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Assert.DoesNotContain(slotId, await IdsAsync(patient.Client, doctor.Id));
        Assert.DoesNotContain(slotId, await PageSlotsAsync(patient.Client, doctor.Id));
        Assert.Equal(freeBefore - 1, await FreeCountAsync(patient.Client, doctor.Id));

        await (await patient.Client.PostAsync($"/api/appointments/{id}/cancel", null)).ReadJsonAsync();

        Assert.Contains(slotId, await IdsAsync(patient.Client, doctor.Id));
        Assert.Equal(freeBefore, await FreeCountAsync(patient.Client, doctor.Id));
    }

    [Fact]
    public async Task An_expired_hold_puts_the_slot_back()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var slotId = (await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id))[0];
        var id = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.DoesNotContain(slotId, await IdsAsync(patient.Client, doctor.Id));

        await kit.WithDbAsync(async db =>
        {
            await db.Appointments.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.HoldExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            await kit.RunJobsAsync();
        });

        Assert.Contains(slotId, await IdsAsync(patient.Client, doctor.Id));
    }

    [Fact]
    public async Task A_new_timetable_replaces_the_listed_slots()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var before = await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id);
        Assert.Contains(before, s => s.GetProperty("offersVideo").GetBoolean());

        var admin = await kit.AdminAsync();
        var sessions = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = "14:00:00", end = "16:00:00", slotMinutes = 20, inPerson = true, video = false }).ToArray();
        await (await admin.PutAsJsonAsync($"/api/admin/doctors/{doctor.Id}/schedule", new { sessions })).ReadJsonAsync();

        var after = await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id);
        Assert.NotEmpty(after);
        Assert.All(after, s => Assert.False(s.GetProperty("offersVideo").GetBoolean()));
        Assert.Empty(after.Select(s => s.GetProperty("id").GetGuid()).Intersect(before.Select(s => s.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Blocking_time_hides_its_slots_and_lifting_the_block_shows_them_again()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var day = (await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id)).Last().GetProperty("localDate").GetString()!;
        var doctorClient = await factory.CreateClientAsAsync(doctor.Email, TestData.StrongPassword);

        var block = await (await doctorClient.PostAsJsonAsync("/api/doctors/me/blocks", new { startDate = day, startTime = "00:00:00", endDate = day, endTime = "23:59:00", reason = "学术会议" })).ReadJsonAsync();

        Assert.DoesNotContain(await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id), s => s.GetProperty("localDate").GetString() == day);

        var blockId = block.GetProperty("block").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await doctorClient.DeleteAsync($"/api/doctors/me/blocks/{blockId}")).StatusCode);

        Assert.Contains(await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id), s => s.GetProperty("localDate").GetString() == day);
    }

    [Fact]
    public async Task A_cancelled_session_disappears_from_the_list()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var day = (await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id)).Last().GetProperty("localDate").GetString()!;
        var doctorClient = await factory.CreateClientAsAsync(doctor.Email, TestData.StrongPassword);

        await (await doctorClient.PostAsJsonAsync("/api/doctors/me/sessions/cancel", new { date = day, from = "09:00:00", to = "12:00:00", reason = "生病" })).ReadJsonAsync();

        Assert.DoesNotContain(await BookingKit.FreeSlotsAsync(patient.Client, doctor.Id), s => s.GetProperty("localDate").GetString() == day);
    }

    [Fact]
    public async Task A_slot_a_stale_cache_still_shows_cannot_be_booked_twice()
    {
        var doctor = await kit.DoctorAsync();
        var first = await kit.PatientAsync();
        var second = await kit.PatientAsync();
        var slots = await BookingKit.LaterSlotsAsync(first.Client, doctor.Id);
        var id = (await (await BookingKit.BookAsync(first, slots[1])).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Contains(slots[0], await IdsAsync(first.Client, doctor.Id));

        // Behind the application's back (no save, so no invalidation): the appointment moves onto the listed slot.
        await kit.WithDbAsync(db => db.Appointments.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SlotId, slots[0]).SetProperty(a => a.OccupiedSlotId, slots[0])));
        Assert.Contains(slots[0], await IdsAsync(second.Client, doctor.Id));

        var refused = await BookingKit.BookAsync(second, slots[0]);

        Assert.Equal("slot_taken", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(1, await kit.QueryAsync(db => db.Appointments.CountAsync(a => a.OccupiedSlotId == slots[0])));
    }

    private static async Task<IReadOnlyList<Guid>> IdsAsync(HttpClient client, Guid doctorId) =>
        (await BookingKit.FreeSlotsAsync(client, doctorId)).Select(s => s.GetProperty("id").GetGuid()).ToList();

    private static async Task<IReadOnlyList<Guid>> PageSlotsAsync(HttpClient client, Guid doctorId) =>
        (await (await client.GetAsync($"/api/care/doctors/{doctorId}")).ReadJsonAsync()).GetProperty("nextFreeSlots").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();

    private static async Task<int> FreeCountAsync(HttpClient client, Guid doctorId)
    {
        var cards = await (await client.GetAsync("/api/care/doctors")).ReadJsonAsync();
        return cards.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == doctorId).GetProperty("freeSlots").GetInt32();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SlotCacheTestsOnSqlite(SqliteApiFactory factory) : SlotCacheTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class SlotCacheTestsOnPostgres(PostgresApiFactory factory) : SlotCacheTests(factory);
