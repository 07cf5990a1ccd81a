using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternetHospital.Application.Common;
using InternetHospital.Application.HealthCodes;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.Renewals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static InternetHospital.IntegrationTests.Renewals.RenewalTestKit;

namespace InternetHospital.IntegrationTests.HealthCodes;

/// <summary>The health code over HTTP (domain rule 27): patients show it, desks scan it, and what is refused and why.</summary>
public abstract class HealthCodeTests(ApiFactory factory)
{
    private const string Registrar = "registrar@demo.test";
    private const string Nurse = "nurse@demo.test";
    private const string Pharmacist = "pharmacist.sun@demo.test";

    private readonly RenewalTestKit kit = new(factory);

    private Task<HttpClient> StaffAsync(string email) => factory.CreateClientAsAsync(email, TestData.DemoPassword);

    private static async Task<string> CodeAsync(TestPatient patient) => await CodeAsync(patient.Client, patient.PatientId);

    private static async Task<string> CodeAsync(HttpClient client, Guid patientId) =>
        (await (await client.GetAsync($"/api/patients/{patientId}/health-code")).ReadJsonAsync()).GetProperty("code").GetString()!;

    private static Task<HttpResponseMessage> ScanAsync(HttpClient staff, string code, string purpose, string place, string? pin = null) =>
        staff.PostAsJsonAsync("/api/staff/health-code/scan", new { code, pin, purpose, place });

    private static async Task<string?> RefusalAsync(HttpResponseMessage response, HttpStatusCode status) => (await response.AssertProblemAsync(status)).Code();

    private async Task<List<(string Action, string? Detail)>> AuditAsync(Guid patientId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return [.. (await db.AuditEntries.Where(a => a.PatientId == patientId && a.Action.StartsWith("health_code.")).ToListAsync()).OrderBy(a => a.At).Select(a => (a.Action, a.Detail))];
    }

    [Fact]
    public async Task A_pharmacist_scans_the_dynamic_code_and_hands_over_a_renewal_without_the_pickup_code()
    {
        var patient = await kit.PatientAsync(fullName: "周海燕");
        var pharmacist = await kit.PharmacistOnDutyAsync();
        var id = await DispensedForPickupAsync(patient, pharmacist);

        var view = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/health-code")).ReadJsonAsync();
        Assert.Equal(60, view.GetProperty("lifetimeSeconds").GetInt32());
        var code = view.GetProperty("code").GetString()!;
        Assert.DoesNotContain(patient.PatientId.ToString(), Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code.AsSpan(4, code.IndexOf('.', StringComparison.Ordinal) - 4))), StringComparison.OrdinalIgnoreCase);

        var scan = await (await ScanAsync(pharmacist, code, "pickup", "西药房 3号窗口")).ReadJsonAsync();
        Assert.Equal("周海燕", scan.GetProperty("patientName").GetString());
        Assert.Equal("Male", scan.GetProperty("sex").GetString());
        Assert.True(scan.GetProperty("age").GetInt32() >= 60);
        Assert.Equal("City First People's Hospital", scan.GetProperty("facilityNameEn").GetString());
        Assert.False(scan.TryGetProperty("idNumber", out _));
        Assert.Empty(scan.GetProperty("appointments").EnumerateArray());
        var pickup = Assert.Single(scan.GetProperty("pickups").EnumerateArray());
        Assert.Equal(id, pickup.GetProperty("renewalId").GetGuid());
        Assert.Contains("Amlodipine", pickup.GetProperty("medicinesEn")[0].GetString(), StringComparison.Ordinal);
        var scanId = scan.GetProperty("scanId").GetGuid();

        // The same window scanning again is the same scan; another window within the minute is a replay.
        var again = await (await ScanAsync(pharmacist, code, "pickup", "西药房 3号窗口")).ReadJsonAsync();
        Assert.Equal(scanId, again.GetProperty("scanId").GetGuid());
        Assert.Equal("health_code_replayed", await RefusalAsync(await ScanAsync(pharmacist, code, "pickup", "西药房 5号窗口"), HttpStatusCode.Conflict));

        // Another staff member cannot use this pharmacist's scan; the pharmacist hands over with it.
        var otherId = await DispensedForPickupAsync(await kit.PatientAsync(), pharmacist);
        Assert.Equal("health_code_scan_not_valid", await RefusalAsync(await pharmacist.PostAsync($"/api/staff/health-code/scans/{scanId}/hand-over/{otherId}", null), HttpStatusCode.UnprocessableEntity));
        var handedOver = await (await pharmacist.PostAsync($"/api/staff/health-code/scans/{scanId}/hand-over/{id}", null)).ReadJsonAsync();
        Assert.Equal("PickedUp", handedOver.GetProperty("status").GetString());
        Assert.Equal("PickedUp", (await patient.RenewalAsync(id)).GetProperty("status").GetString());

        var audit = await AuditAsync(patient.PatientId);
        Assert.Contains(audit, a => a.Action == "health_code.scanned" && a.Detail!.Contains("pickup at CFH / 西药房 3号窗口", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "health_code.refused" && a.Detail!.StartsWith("health_code_replayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_registration_desk_checks_in_todays_appointment_at_its_own_institution_in_one_tap()
    {
        var patient = await kit.PatientAsync(fullName: "吴敏", linkToHis: false);
        var appointmentId = await InPersonAppointmentAsync(patient, "dr.li@demo.test");
        var code = await CodeAsync(patient);

        // The community nurse's institution has none of this patient's appointments today.
        var atCommunity = await (await ScanAsync(await StaffAsync(Nurse), code, "check-in", "东湖社区 前台")).ReadJsonAsync();
        Assert.Empty(atCommunity.GetProperty("appointments").EnumerateArray());

        var registrar = await StaffAsync(Registrar);
        var fresh = await CodeAsync(patient);
        var scan = await (await ScanAsync(registrar, fresh, "check-in", "门诊大厅 挂号1号窗")).ReadJsonAsync();
        var appointment = Assert.Single(scan.GetProperty("appointments").EnumerateArray());
        Assert.Equal(appointmentId, appointment.GetProperty("id").GetGuid());
        Assert.True(appointment.GetProperty("canCheckIn").GetBoolean());
        Assert.Equal("李伟", appointment.GetProperty("doctorName").GetString());
        Assert.Empty(scan.GetProperty("pickups").EnumerateArray());

        var scanId = scan.GetProperty("scanId").GetGuid();
        var checkedIn = await (await registrar.PostAsJsonAsync($"/api/staff/health-code/scans/{scanId}/check-in", new { appointmentId })).ReadJsonAsync();
        Assert.Equal("CheckedIn", checkedIn.GetProperty("status").GetString());
        Assert.Equal("appointment_not_booked", await RefusalAsync(await registrar.PostAsJsonAsync($"/api/staff/health-code/scans/{scanId}/check-in", new { appointmentId }), HttpStatusCode.Conflict));

        // Someone else's scan cannot check anyone in.
        var nurse = await StaffAsync(Nurse);
        await (await nurse.PostAsJsonAsync($"/api/staff/health-code/scans/{scanId}/check-in", new { appointmentId })).AssertProblemAsync(HttpStatusCode.NotFound);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(AppointmentStatus.CheckedIn, (await db.Appointments.SingleAsync(a => a.Id == appointmentId)).Status);
    }

    [Fact]
    public async Task Expired_forged_and_garbled_codes_and_scans_for_the_wrong_purpose_are_refused_and_audited()
    {
        var patient = await kit.PatientAsync(linkToHis: false);
        var code = await CodeAsync(patient);
        var pharmacist = await StaffAsync(Pharmacist);
        var registrar = await StaffAsync(Registrar);

        // A genuine code whose minute has passed: signed with the portal's own key, issued two minutes ago.
        string expired;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var keys = scope.ServiceProvider.GetRequiredService<IHealthCodeKeys>();
            var handle = await db.HealthCodeHolders.Where(h => h.PatientId == patient.PatientId).Select(h => h.Handle).SingleAsync();
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds());
            using var signer = keys.CreateSigner();
            expired = HealthCodeFormat.Sign(new HealthCodeClaims(handle, "CFH", issuedAt, issuedAt.AddSeconds(60), "old-nonce", keys.CurrentKeyId), signer);
        }

        Assert.Equal("health_code_expired", await RefusalAsync(await ScanAsync(registrar, expired, "check-in", "挂号1号窗"), HttpStatusCode.UnprocessableEntity));

        var dot = code.IndexOf('.', StringComparison.Ordinal);
        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code.AsSpan(4, dot - 4)));
        var longer = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var forgedPayload = json.Replace($"\"exp\":{longer["exp"].GetInt64()}", $"\"exp\":{longer["exp"].GetInt64() + 30}", StringComparison.Ordinal);
        var forged = "HC1:" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forgedPayload)) + code[dot..];
        Assert.Equal("health_code_invalid", await RefusalAsync(await ScanAsync(registrar, forged, "check-in", "挂号1号窗"), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("health_code_invalid", await RefusalAsync(await ScanAsync(registrar, "12345678", "check-in", "挂号1号窗"), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("health_code_invalid", await RefusalAsync(await ScanAsync(registrar, "HCS:no-such-printed-code", "check-in", "挂号1号窗", "123456"), HttpStatusCode.UnprocessableEntity));

        Assert.Equal("health_code_purpose_not_allowed", await RefusalAsync(await ScanAsync(pharmacist, code, "check-in", "药房"), HttpStatusCode.Forbidden));
        Assert.Equal("health_code_purpose_not_allowed", await RefusalAsync(await ScanAsync(registrar, code, "pickup", "挂号1号窗"), HttpStatusCode.Forbidden));
        Assert.Equal("validation_failed", await RefusalAsync(await ScanAsync(registrar, code, "shopping", "挂号1号窗"), HttpStatusCode.BadRequest));
        await (await ScanAsync(registrar, code, "check-in", "")).AssertProblemAsync(HttpStatusCode.BadRequest);

        // A patient cannot scan, not even their own code.
        await (await ScanAsync(patient.Client, code, "check-in", "家")).AssertProblemAsync(HttpStatusCode.Forbidden);

        // None of that used the code: it still scans once.
        await (await ScanAsync(registrar, code, "check-in", "挂号1号窗")).ReadJsonAsync();
        var audit = await AuditAsync(patient.PatientId);
        Assert.Contains(audit, a => a.Action == "health_code.refused" && a.Detail!.StartsWith("health_code_expired; check-in at CFH / 挂号1号窗", StringComparison.Ordinal));
        Assert.Single(audit, a => a.Action == "health_code.scanned");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "health_code.refused" && a.PatientId == null && a.Detail!.StartsWith("health_code_invalid")) >= 3);
        }
    }

    [Fact]
    public async Task A_printed_code_needs_the_pin_locks_after_five_wrong_tries_and_can_be_revoked()
    {
        var patient = await kit.PatientAsync(fullName: "郑秀兰", linkToHis: false);
        var root = $"/api/patients/{patient.PatientId}/health-code";
        Assert.Equal("health_code_pin_not_set", await RefusalAsync(await patient.Client.PostAsync($"{root}/static", null), HttpStatusCode.UnprocessableEntity));
        await (await patient.Client.PutAsJsonAsync($"{root}/pin", new { pin = "12345" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.PutAsJsonAsync($"{root}/pin", new { pin = "260514" })).StatusCode);
        var printed = await (await patient.Client.PostAsync($"{root}/static", null)).ReadJsonAsync();
        var code = printed.GetProperty("code").GetString()!;
        Assert.StartsWith("HCS:", code, StringComparison.Ordinal);
        Assert.Equal("郑秀兰", printed.GetProperty("patientName").GetString());

        var nurse = await StaffAsync(Nurse);
        Assert.Equal("health_code_pin_required", await RefusalAsync(await ScanAsync(nurse, code, "home-visit", "上门 东湖路12号"), HttpStatusCode.UnprocessableEntity));
        var visit = await (await ScanAsync(nurse, code, "home-visit", "上门 东湖路12号", "260514")).ReadJsonAsync();
        Assert.True(visit.GetProperty("staticCode").GetBoolean());
        Assert.Equal("郑秀兰", visit.GetProperty("patientName").GetString());

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("health_code_pin_wrong", await RefusalAsync(await ScanAsync(nurse, code, "home-visit", "上门", "000000"), HttpStatusCode.UnprocessableEntity));
        }

        Assert.Equal("health_code_pin_locked", await RefusalAsync(await ScanAsync(nurse, code, "home-visit", "上门", "000000"), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("health_code_pin_locked", await RefusalAsync(await ScanAsync(nurse, code, "home-visit", "上门", "260514"), HttpStatusCode.UnprocessableEntity));
        Assert.True((await (await patient.Client.GetAsync(root)).ReadJsonAsync()).GetProperty("pinLocked").GetBoolean());

        // Setting the PIN again unlocks it.
        await patient.Client.PutAsJsonAsync($"{root}/pin", new { pin = "813020" });
        await (await ScanAsync(nurse, code, "home-visit", "上门", "813020")).ReadJsonAsync();

        // Reprinting revokes the old card; revoking refuses the new one.
        var reprinted = (await (await patient.Client.PostAsync($"{root}/static", null)).ReadJsonAsync()).GetProperty("code").GetString()!;
        Assert.Equal("health_code_revoked", await RefusalAsync(await ScanAsync(nurse, code, "home-visit", "上门", "813020"), HttpStatusCode.UnprocessableEntity));
        await (await ScanAsync(nurse, reprinted, "home-visit", "上门", "813020")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.DeleteAsync($"{root}/static")).StatusCode);
        Assert.Equal("health_code_revoked", await RefusalAsync(await ScanAsync(nurse, reprinted, "home-visit", "上门", "813020"), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("health_code_no_static_code", await RefusalAsync(await patient.Client.DeleteAsync($"{root}/static"), HttpStatusCode.Conflict));

        var audit = await AuditAsync(patient.PatientId);
        Assert.Equal(4, audit.Count(a => a.Action == "health_code.refused" && a.Detail!.StartsWith("health_code_pin_wrong", StringComparison.Ordinal)));
        Assert.Equal(2, audit.Count(a => a.Action == "health_code.refused" && a.Detail!.StartsWith("health_code_pin_locked", StringComparison.Ordinal)));
        Assert.Contains(audit, a => a.Action == "health_code.static_revoked");
    }

    [Fact]
    public async Task A_guardian_shows_the_childs_code_and_nobody_else_can()
    {
        var parent = await kit.PatientAsync(fullName: "黄丽", linkToHis: false);
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-5);
        var added = await (await parent.Client.PostAsJsonAsync("/api/family/members", new
        {
            relation = "child",
            idType = "resident",
            idNumber = TestData.ResidentId(birth, Sex.Female),
            fullName = "黄小朵",
            dateOfBirth = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex = "Female",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var childId = added.GetProperty("patientId").GetGuid();

        var code = await CodeAsync(parent.Client, childId);
        var scan = await (await ScanAsync(await StaffAsync(Nurse), code, "emergency", "120 急救车")).ReadJsonAsync();
        Assert.Equal("黄小朵", scan.GetProperty("patientName").GetString());
        Assert.Equal(childId, scan.GetProperty("patientId").GetGuid());
        Assert.InRange(scan.GetProperty("age").GetInt32(), 4, 5);

        var stranger = await kit.PatientAsync(linkToHis: false);
        await (await stranger.Client.GetAsync($"/api/patients/{childId}/health-code")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsync($"/api/patients/{childId}/health-code/static", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_third_party_scanner_verifies_a_code_with_only_the_published_keys()
    {
        var patient = await kit.PatientAsync(linkToHis: false);
        var code = await CodeAsync(patient);
        var anonymous = factory.CreateBrowserClient();
        var response = await anonymous.GetAsync("/.well-known/health-code-keys");
        var jwks = await response.ReadJsonAsync();
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var keys = jwks.GetProperty("keys").Deserialize<List<HealthCodeJwk>>()!;
        Assert.DoesNotContain("\"d\"", jwks.GetRawText(), StringComparison.Ordinal);

        var failure = HealthCodeFormat.Verify(code, kid => keys.Where(k => k.Kid == kid).Select(HealthCodeFormat.FromJwk).FirstOrDefault(), DateTimeOffset.UtcNow, out var claims);
        Assert.Equal(HealthCodeFailure.None, failure);
        Assert.Equal("CFH", claims!.Issuer);
    }

    private async Task<Guid> DispensedForPickupAsync(TestPatient patient, HttpClient pharmacist)
    {
        var id = (await SubmitAsync(patient, codes: Amlodipine)).GetProperty("id").GetGuid();
        await StatusIsAsync(await (await kit.DoctorAsync()).PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
        await StatusIsAsync(await pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { justification = "Short clarithromycin course; BP monitoring advised." }), "PharmacistApproved");
        await StatusIsAsync(await pharmacist.PostAsync($"/api/pharmacy/renewals/{id}/dispense", JsonContent.Create(new { })), "Dispensed");
        return id;
    }

    /// <summary>An in-person appointment with the doctor in a few minutes, booked through the aggregate (booking is tested elsewhere).</summary>
    private async Task<Guid> InPersonAppointmentAsync(TestPatient patient, string doctorEmail)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZoneInfo;
        var doctorAccount = await db.Users.Where(u => u.Email == doctorEmail).Select(u => u.Id).SingleAsync();
        var doctor = await db.Doctors.SingleAsync(d => d.AccountId == doctorAccount);
        var accountId = await db.PatientAccesses.Where(a => a.PatientId == patient.PatientId && a.Relationship == PatientRelationship.Self).Select(a => a.AccountId).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var start = now + TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerMinute));
        var slot = Slot.Create(doctor.Id, doctor.DepartmentId, new PlannedSlot(start, start.AddMinutes(15), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime), Guid.NewGuid(), InPerson: true, Video: false));
        db.Slots.Add(slot);
        var appointment = Appointment.Hold(new NewAppointment(patient.PatientId, accountId, slot, VisitType.InPerson, 0m, "CNY", FollowUpBasis.NotRequired, null, null, now.AddMinutes(15)), now);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HealthCodeTestsOnSqlite(SqliteApiFactory factory) : HealthCodeTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class HealthCodeTestsOnPostgres(PostgresApiFactory factory) : HealthCodeTests(factory);
