using System.Net;
using System.Net.Http.Json;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.His.Delivery;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.His;

/// <summary>
/// The HIS as admins and patients meet it over HTTP: the outbox and dead-letter lists, a message's detail, retry and
/// discard (audit-logged), the identity-verification queue, and a patient asking for their record to be linked.
/// The shared host delivers with the embedded demo writer; tests put their own messages in the states they need.
/// </summary>
public abstract class HisAdministrationTests(ApiFactory factory)
{
    private const string Admin = "admin.zhou@demo.test";

    [Fact]
    public async Task An_admin_finds_a_dead_letter_reads_its_payload_and_attempts_retries_it_and_it_is_delivered()
    {
        var patient = await AddPatientAsync("赵磊");
        var id = await AddDeadLetterAsync(patient, "AE (application error): 科室代码未知 | unknown department");
        var admin = await factory.CreateClientAsAsync(Admin, TestData.DemoPassword);

        var list = await (await admin.GetAsync($"/api/admin/his/outbox?status=DeadLettered&patientId={patient}")).ReadJsonAsync();
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("DeadLettered", item.GetProperty("status").GetString());
        Assert.Equal("appointment.booked", item.GetProperty("kind").GetString());
        Assert.Equal(1, list.GetProperty("counts").GetProperty("DeadLettered").GetInt32());
        Assert.Equal(0, list.GetProperty("counts").GetProperty("Pending").GetInt32());

        var detail = await (await admin.GetAsync($"/api/admin/his/outbox/{id}")).ReadJsonAsync();
        Assert.Contains("\n  \"appointmentId\"", detail.GetProperty("payload").GetString(), StringComparison.Ordinal);
        var attempt = Assert.Single(detail.GetProperty("deliveryAttempts").EnumerateArray());
        Assert.False(attempt.GetProperty("succeeded").GetBoolean());
        Assert.Contains("科室代码未知", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);

        var retried = await admin.PostAsync($"/api/admin/his/outbox/{id}/retry", null);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        var delivered = await DeliveredAsync(id);

        Assert.Equal(2, delivered.TotalAttempts);
        var audit = await AuditAsync(patient);
        Assert.Contains(audit, a => a.Action == "his.outbox.message.retried" && a.ActorAccountId is not null);
        Assert.Contains(audit, a => a.Action == "his.outbox.message.read" && a.ActorAccountId is not null);
    }

    [Fact]
    public async Task A_discard_needs_a_reason_is_audit_logged_and_cannot_be_retried_afterwards()
    {
        var patient = await AddPatientAsync("孙悦");
        var id = await AddDeadLetterAsync(patient, "AR (rejected): duplicate");
        var admin = await factory.CreateClientAsAsync(Admin, TestData.DemoPassword);

        var noReason = await admin.PostAsJsonAsync($"/api/admin/his/outbox/{id}/discard", new { reason = " " });
        Assert.NotEmpty((await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason"));

        var discarded = await admin.PostAsJsonAsync($"/api/admin/his/outbox/{id}/discard", new { reason = "已在 HIS 手工登记 registered by hand" });
        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        var detail = await (await admin.GetAsync($"/api/admin/his/outbox/{id}")).ReadJsonAsync();
        Assert.Equal("Discarded", detail.GetProperty("status").GetString());
        Assert.Equal("已在 HIS 手工登记 registered by hand", detail.GetProperty("discardReason").GetString());
        Assert.Contains("his.outbox.message.discarded", (await AuditAsync(patient)).Select(a => a.Action));

        var retry = await admin.PostAsync($"/api/admin/his/outbox/{id}/retry", null);
        Assert.Equal("his_message_not_dead_lettered", (await retry.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task The_outbox_filters_by_kind_and_refuses_unknown_kinds_and_lists_the_kinds()
    {
        var patient = await AddPatientAsync("周明");
        await AddDeadLetterAsync(patient, "AE");
        var admin = await factory.CreateClientAsAsync(Admin, TestData.DemoPassword);

        var kinds = await (await admin.GetAsync("/api/admin/his/outbox/kinds")).ReadJsonAsync();
        Assert.Contains("appointment.modified", kinds.EnumerateArray().Select(k => k.GetString()));
        var none = await (await admin.GetAsync($"/api/admin/his/outbox?kind=prescription.approved&patientId={patient}")).ReadJsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var unknown = await admin.GetAsync("/api/admin/his/outbox?kind=appointment.teleported");
        Assert.NotEmpty((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("kind"));
    }

    [Fact]
    public async Task Only_admins_see_the_outbox_and_the_identity_queue()
    {
        var doctor = await factory.CreateClientAsAsync("dr.li@demo.test", TestData.DemoPassword);

        await (await doctor.GetAsync("/api/admin/his/outbox")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await doctor.GetAsync("/api/admin/his/identity-reviews")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_links_one_of_the_candidates_of_a_review_and_only_a_candidate()
    {
        var patient = await AddPatientAsync("吴静");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var reviewId = await OpenReviewAsync(patient, ("P" + suffix, "吴静"), ("Q" + suffix, "吴晶"));
        var admin = await factory.CreateClientAsAsync(Admin, TestData.DemoPassword);

        var queue = await (await admin.GetAsync("/api/admin/his/identity-reviews")).ReadJsonAsync();
        var review = Assert.Single(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == reviewId);
        Assert.Equal("吴静", review.GetProperty("patientName").GetString());
        Assert.Contains("**********", review.GetProperty("maskedIdNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal("MultipleCandidates", review.GetProperty("reason").GetString());
        Assert.Equal(2, review.GetProperty("candidates").GetArrayLength());

        var stranger = await admin.PostAsJsonAsync($"/api/admin/his/identity-reviews/{reviewId}/link", new { hisPatientId = "NOT-A-CANDIDATE" });
        Assert.Equal("his_candidate_unknown", (await stranger.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());

        var linked = await admin.PostAsJsonAsync($"/api/admin/his/identity-reviews/{reviewId}/link", new { hisPatientId = "P" + suffix, note = "电话核实 checked by phone" });
        Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal("P" + suffix, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Patients.SingleAsync(p => p.Id == patient)).HisPatientId);
        }

        Assert.Contains("his.identity.linked", (await AuditAsync(patient)).Select(a => a.Action));
        var again = await admin.PostAsJsonAsync($"/api/admin/his/identity-reviews/{reviewId}/reject", new { note = "late" });
        Assert.Equal("his_review_resolved", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var resolved = await (await admin.GetAsync("/api/admin/his/identity-reviews?status=Linked")).ReadJsonAsync();
        Assert.Contains(resolved.EnumerateArray(), r => r.GetProperty("id").GetGuid() == reviewId && r.GetProperty("linkedHisPatientId").GetString() == "P" + suffix);
    }

    [Fact]
    public async Task A_patient_asks_for_their_own_record_to_be_linked_and_gets_404_for_someone_else()
    {
        var email = TestData.Email();
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).ReadJsonAsync(HttpStatusCode.Created);
        var patient = await factory.CreateClientAsAsync(email, TestData.StrongPassword);

        var own = await (await patient.PostAsync($"/api/patients/{registered.GetProperty("patientId").GetGuid()}/his-link", null)).ReadJsonAsync();
        Assert.Equal("NotFound", own.GetProperty("outcome").GetString());

        var other = await AddPatientAsync("郑好");
        await (await patient.PostAsync($"/api/patients/{other}/his-link", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Guid> AddPatientAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var identifiers = scope.ServiceProvider.GetRequiredService<IIdentifierProtector>();
        var born = TestData.RandomDateOfBirth();
        var patient = Patient.Register(name, IdDocumentType.ResidentId, identifiers.Protect(IdDocumentType.ResidentId, TestData.ResidentId(born, Sex.Female)), born, Sex.Female, "13900000000", DateTimeOffset.UtcNow);
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }

    /// <summary>An appointment message the HIS refused until its attempts ran out.</summary>
    private async Task<Guid> AddDeadLetterAsync(Guid patientId, string error)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(3);
        var message = HisOutboxMessage.Create(
            patientId,
            "appointment.booked",
            HisMessageSerializer.Serialize(new AppointmentBookedMessage(Guid.NewGuid(), patientId, Guid.NewGuid(), "CARD", start, start.AddMinutes(15), "video")),
            now);
        db.HisDeliveryAttempts.Add(message.RecordFailure(now, now, "test", error));
        message.ScheduleRetry(now, maxAttempts: 1, now);
        db.HisOutbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<Guid> OpenReviewAsync(Guid patientId, params (string HisId, string Name)[] candidates)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var review = HisIdentityReview.Open(
            patientId,
            HisIdentityReviewReason.MultipleCandidates,
            candidates.Select(c => new HisIdentityCandidate(c.HisId, "MR" + c.HisId, c.Name, new DateOnly(1980, 1, 1), "Female")).ToList(),
            DateTimeOffset.UtcNow);
        db.HisIdentityReviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    /// <summary>
    /// Runs delivery rounds now instead of waiting for the host's own dispatcher to poll; that one may have claimed
    /// the message first, in which case its (instant, demo) delivery is waited for.
    /// </summary>
    private async Task<HisOutboxMessage> DeliveredAsync(Guid id)
    {
        var dispatcher = factory.Services.GetRequiredService<HisOutboxDispatcher>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            await using var scope = factory.Services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().HisOutbox.AsNoTracking().SingleAsync(m => m.Id == id);
            if (message.Status == HisOutboxStatus.Delivered)
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The message is still {message.Status}.");
            await Task.Delay(50);
        }
    }

    private async Task<List<Domain.Audit.AuditEntry>> AuditAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HisAdministrationTestsOnSqlite(SqliteApiFactory factory) : HisAdministrationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class HisAdministrationTestsOnPostgres(PostgresApiFactory factory) : HisAdministrationTests(factory);
