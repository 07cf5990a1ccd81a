using System.Net;
using System.Net.Http.Json;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Audit;

/// <summary>
/// The audit log answers "who saw this patient's data between these dates" and is tamper-evident. The tests share one
/// chain with every other test of the host, so they check links they made themselves, not the whole chain's length.
/// </summary>
public abstract class AuditLogTests(ApiFactory factory)
{
    [Fact]
    public async Task The_audit_administrator_finds_a_patient_by_id_number_and_sees_who_touched_their_record()
    {
        var email = TestData.Email();
        var idNumber = TestData.ResidentId(new DateOnly(1977, 4, 4), Domain.Patients.Sex.Male);
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, "1977-04-04", "Male", fullName: "钱伟"))).ReadJsonAsync(HttpStatusCode.Created);
        var patientId = registered.GetProperty("patientId").GetGuid();
        var admin = await factory.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);

        var found = await (await admin.PostAsJsonAsync("/api/admin/patients/search", new { idNumber })).ReadJsonAsync();
        var match = Assert.Single(found.EnumerateArray());
        Assert.Equal(patientId, match.GetProperty("id").GetGuid());
        Assert.Equal($"{idNumber[..4]}**********{idNumber[^4..]}", match.GetProperty("maskedIdNumber").GetString());
        Assert.DoesNotContain(idNumber, found.ToString(), StringComparison.Ordinal);

        var log = await (await admin.GetAsync($"/api/admin/audit?patientId={patientId}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).ReadJsonAsync();
        var actions = log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("patient.registered", actions);
        Assert.Contains("patient.searched", actions);
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "patient.searched" && e.GetProperty("actorName").GetString() == "吴刚");
    }

    [Fact]
    public async Task Only_the_audit_administrator_reads_the_audit_log()
    {
        foreach (var other in new[] { "dr.li@demo.test", "admin.zhou@demo.test", "security.qian@demo.test" })
        {
            var client = await factory.CreateClientAsAsync(other, TestData.DemoPassword);
            await (await client.GetAsync($"/api/admin/audit?patientId={Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/admin/audit/verify")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/admin/patients/search", new { name = "张伟" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_search_without_a_patient_or_person_is_a_400()
    {
        var admin = await factory.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);

        var problem = await (await admin.GetAsync("/api/admin/audit")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("patientId"));
    }

    [Fact]
    public async Task Sealed_entries_verify_and_a_changed_entry_is_found()
    {
        var admin = await factory.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);
        await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration());
        await SealAllAsync();

        var intact = await (await admin.GetAsync("/api/admin/audit/verify")).ReadJsonAsync();
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.True(intact.GetProperty("checked").GetInt64() > 0);

        // Someone with database access edits a sealed entry behind the application's back.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var seal = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Sequence).FirstAsync();
            var target = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == seal.EntryId);
            await db.AuditEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, "edited"));
            try
            {
                var broken = await (await admin.GetAsync("/api/admin/audit/verify")).ReadJsonAsync();
                Assert.False(broken.GetProperty("intact").GetBoolean());
                Assert.Equal("the entry was changed after it was sealed", broken.GetProperty("problem").GetString());
                Assert.Equal(seal.Sequence, broken.GetProperty("brokenAtSequence").GetInt64());
                Assert.False(broken.GetProperty("tailCut").GetBoolean());
            }
            finally
            {
                // Put it back exactly, so the shared chain stays valid for the other tests.
                await db.AuditEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, target.Detail));
            }
        }

        Assert.True((await (await admin.GetAsync("/api/admin/audit/verify")).ReadJsonAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task The_audit_administrator_filters_by_person_and_action_and_exports_the_result_as_csv()
    {
        var idNumber = TestData.ResidentId(new DateOnly(1981, 6, 6), Domain.Patients.Sex.Female);
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(TestData.Email(), idNumber, "1981-06-06", "Female", fullName: "孙丽"))).ReadJsonAsync(HttpStatusCode.Created);
        var patientId = registered.GetProperty("patientId").GetGuid();
        var admin = await factory.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);
        await (await admin.PostAsJsonAsync("/api/admin/patients/search", new { idNumber })).ReadJsonAsync();

        // The person by name or by exact e-mail, the action by its code.
        foreach (var actor in new[] { "吴刚", "AUDIT.WU@demo.test" })
        {
            var byActor = await (await admin.GetAsync($"/api/admin/audit?patientId={patientId}&actor={Uri.EscapeDataString(actor)}&action=patient.searched")).ReadJsonAsync();
            var line = Assert.Single(byActor.GetProperty("items").EnumerateArray());
            Assert.Equal("吴刚", line.GetProperty("actorName").GetString());
        }

        var byOtherPerson = await (await admin.GetAsync($"/api/admin/audit?patientId={patientId}&actor=zhangwei@demo.test")).ReadJsonAsync();
        Assert.Empty(byOtherPerson.GetProperty("items").EnumerateArray());
        var byOtherAction = await (await admin.GetAsync($"/api/admin/audit?patientId={patientId}&action=visit.read")).ReadJsonAsync();
        Assert.Empty(byOtherAction.GetProperty("items").EnumerateArray());

        var actions = await (await admin.GetAsync("/api/admin/audit/actions")).ReadJsonAsync();
        Assert.Contains("patient.registered", actions.EnumerateArray().Select(a => a.GetString()));

        var export = await admin.GetAsync($"/api/admin/audit/export?patientId={patientId}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", export.Content.Headers.ContentType?.CharSet);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("at,actor_account_id,actor_name,", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains(",吴刚,", StringComparison.Ordinal) && r.Contains(",patient.searched,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",patient.registered,", StringComparison.Ordinal));

        // The export is itself on record, with what it took out.
        var exports = await (await admin.GetAsync($"/api/admin/audit?patientId={patientId}&action=audit.exported")).ReadJsonAsync();
        var exported = Assert.Single(exports.GetProperty("items").EnumerateArray());
        Assert.Equal("吴刚", exported.GetProperty("actorName").GetString());
        Assert.StartsWith($"{rows.Length - 1} rows", exported.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_action_or_person_filter_is_a_400_and_others_cannot_export()
    {
        var admin = await factory.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);
        var problem = await (await admin.GetAsync("/api/admin/audit?action=DROP%20TABLE")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("action"));
        problem = await (await admin.GetAsync("/api/admin/audit/export?actor=x")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("actor"));
        problem = await (await admin.GetAsync("/api/admin/audit/export?action=visit.read&from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("to"));
        problem = await (await admin.GetAsync("/api/admin/audit/export")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("patientId"));

        foreach (var other in new[] { "zhangwei@demo.test", "admin.zhou@demo.test", "security.qian@demo.test" })
        {
            var client = await factory.CreateClientAsAsync(other, TestData.DemoPassword);
            await (await client.GetAsync("/api/admin/audit/export?action=patient.registered")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/admin/audit/actions")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task The_application_cannot_change_an_audit_entry()
    {
        await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.FirstAsync();
        db.Entry(entry).Property(e => e.Action).CurrentValue = "rewritten";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private async Task SealAllAsync()
    {
        var sealer = factory.Services.GetRequiredService<InternetHospital.Infrastructure.Audit.AuditSealer>();
        for (var round = 0; round < 20; round++)
        {
            try
            {
                if (await sealer.SealPendingAsync(CancellationToken.None) == 0)
                {
                    return;
                }
            }
            catch (Application.Common.Exceptions.UniqueConstraintException)
            {
                // The host's own sealer took the same entries at the same moment; go again from its head.
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditLogTestsOnSqlite(SqliteApiFactory factory) : AuditLogTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class AuditLogTestsOnPostgres(PostgresApiFactory factory) : AuditLogTests(factory);
