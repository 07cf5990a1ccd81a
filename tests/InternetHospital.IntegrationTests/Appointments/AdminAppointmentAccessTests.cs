using System.Net;
using System.Net.Http.Json;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Appointments;

/// <summary>
/// Administrators set the hospital up; they do not read clinical content. An appointment and its proof of diagnosis
/// answer them 404 like any stranger, and the only way in is a break-glass read by a system administrator: with a
/// reason, audit-logged, and told to the appointment's doctor.
/// </summary>
public abstract class AdminAppointmentAccessTests(ApiFactory factory)
{
    private readonly BookingKit kit = new(factory);

    /// <summary>A video follow-up waiting for the doctor's review of an uploaded proof (a PDF the doctor may read).</summary>
    private async Task<(Guid AppointmentId, TestPatient Patient, TestDoctor Doctor)> AppointmentWithProofAsync()
    {
        var doctor = await kit.DoctorAsync();
        var patient = await kit.PatientAsync();
        var slots = await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 discharge summary"u8.ToArray()), "file", "出院小结.pdf" } };
        var proof = await (await patient.Client.PostAsync($"/api/appointments/proofs?patientId={patient.Id}", upload)).ReadJsonAsync();
        var pending = await (await BookingKit.BookAsync(patient, slots[0], "Video", proof.GetProperty("id").GetGuid())).ReadJsonAsync(HttpStatusCode.Created);
        return (pending.GetProperty("id").GetGuid(), patient, doctor);
    }

    [Fact]
    public async Task No_administrator_reads_an_appointment_or_its_proof_or_marks_a_no_show()
    {
        var (appointmentId, _, doctor) = await AppointmentWithProofAsync();
        var doctorClient = await factory.CreateClientAsAsync(doctor.Email, TestData.StrongPassword);
        await (await doctorClient.GetAsync($"/api/appointments/{appointmentId}")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await doctorClient.GetAsync($"/api/appointments/{appointmentId}/proof")).StatusCode);

        foreach (var administrator in DemoAccounts.Administrators)
        {
            var admin = await factory.CreateClientAsAsync(administrator.Email, TestData.DemoPassword);
            await (await admin.GetAsync($"/api/appointments/{appointmentId}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await admin.GetAsync($"/api/appointments/{appointmentId}/proof")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await admin.PostAsync($"/api/appointments/{appointmentId}/no-show", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_system_administrator_breaks_the_glass_with_a_reason_which_is_audited_and_told_to_the_doctor()
    {
        var (appointmentId, patient, doctor) = await AppointmentWithProofAsync();
        var systemAdmin = await factory.CreateClientAsAsync(DemoAccounts.SystemAdmin.Email, TestData.DemoPassword);
        var url = $"/api/admin/appointments/{appointmentId}/break-glass";

        var noReason = await (await systemAdmin.PostAsJsonAsync(url, new { reason = "  " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));
        await (await systemAdmin.PostAsJsonAsync($"/api/admin/appointments/{Guid.NewGuid()}/break-glass", new { reason = "Patient phoned: double charge" })).AssertProblemAsync(HttpStatusCode.NotFound);

        const string reason = "Patient phoned the hospital: the booking shows twice at the counter";
        var read = await (await systemAdmin.PostAsJsonAsync(url, new { reason })).ReadJsonAsync();
        Assert.Equal(appointmentId, read.GetProperty("id").GetGuid());
        Assert.Equal(patient.Id, read.GetProperty("patientId").GetGuid());

        // Reading once is not a pass: the ordinary read still answers 404.
        await (await systemAdmin.GetAsync($"/api/appointments/{appointmentId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var security = await factory.CreateClientAsAsync(DemoAccounts.SecurityAdmin.Email, TestData.DemoPassword);
        await (await security.PostAsJsonAsync(url, new { reason })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var auditor = await factory.CreateClientAsAsync(DemoAccounts.AuditAdmin.Email, TestData.DemoPassword);
        var log = await (await auditor.GetAsync($"/api/admin/audit?patientId={patient.Id}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).ReadJsonAsync();
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "appointment.break_glass_read");
        Assert.Equal(reason, entry.GetProperty("detail").GetString());
        Assert.Equal(DemoAccounts.SystemAdmin.FullName, entry.GetProperty("actorName").GetString());
        Assert.Equal(appointmentId.ToString(), entry.GetProperty("resourceId").GetString());

        var doctorClient = await factory.CreateClientAsAsync(doctor.Email, TestData.StrongPassword);
        var notifications = await (await doctorClient.GetAsync("/api/notifications")).ReadJsonAsync();
        var told = Assert.Single(notifications.GetProperty("notifications").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "appointment.break_glass_read");
        Assert.Equal(DemoAccounts.SystemAdmin.FullName, told.GetProperty("parameters").GetProperty("administrator").GetString());
        Assert.Equal(reason, told.GetProperty("parameters").GetProperty("reason").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AdminAppointmentAccessTestsOnSqlite(SqliteApiFactory factory) : AdminAppointmentAccessTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class AdminAppointmentAccessTestsOnPostgres(PostgresApiFactory factory) : AdminAppointmentAccessTests(factory);
