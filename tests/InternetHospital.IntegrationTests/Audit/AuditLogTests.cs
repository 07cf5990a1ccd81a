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
