using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternetHospital.Domain.Files;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Retention;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.Retention;

/// <summary>
/// Domain rule 12 with a clock the test moves by years: chat and files stay for their whole period, go the day after
/// it ends, and stay regardless while their patient is on legal hold. Each test has its own host (moving the clock
/// by three years would disturb every other test of a shared one); the job runs when the test says.
/// </summary>
public abstract class RetentionTests
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task Chat_and_files_are_kept_to_three_years_deleted_after_and_kept_while_the_patient_is_on_legal_hold()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await OwnApiHost.StartAsync(Provider, builder =>
        {
            builder.UseSetting("Retention:Enabled", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        var start = clock.GetUtcNow();
        var free = await AddPatientWithChatAsync(host, clock);
        var held = await AddPatientWithChatAsync(host, clock);

        var admin = await SignInAsync(host, "admin.zhou@demo.test");
        var hold = await (await admin.PostAsJsonAsync("/api/admin/legal-holds", new { patientId = held.PatientId, reason = "Complaint 2026-041 under investigation" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        // Three years minus a day: everything is still inside its period.
        clock.Advance(start.AddYears(3).AddDays(-1) - start);
        var job = host.Services.GetRequiredService<RetentionJob>();
        await job.RunOnceAsync(CancellationToken.None);
        Assert.True(await ExistsAsync(host, free));
        Assert.True(await ExistsAsync(host, held));

        // A day after the three years: the free patient's chat and files are gone, the held patient's stay.
        clock.Advance(TimeSpan.FromDays(2));
        var result = await job.RunOnceAsync(CancellationToken.None);
        Assert.False(await ExistsAsync(host, free, any: true));
        Assert.True(await ExistsAsync(host, held));
        Assert.True(result.VisitMessages >= 1 && result.Files >= 1, result.ToString());
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var logged = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "retention.deleted").Select(e => new { e.Resource, e.Detail }).ToListAsync();
            Assert.Contains(logged, e => e.Resource == "VisitMessage" && e.Detail!.StartsWith($"{result.VisitMessages} deleted, created before {start.AddDays(1):yyyy-MM-dd}", StringComparison.Ordinal));
            Assert.Contains(logged, e => e.Resource == "File" && e.Detail!.StartsWith($"{result.Files} deleted", StringComparison.Ordinal));
        }

        // Released (with a reason): the next run applies the period to them too.
        admin = await SignInAsync(host, "admin.zhou@demo.test");
        await (await admin.PostAsJsonAsync($"/api/admin/legal-holds/{hold.GetProperty("id").GetGuid()}/release", new { reason = "Investigation closed" })).ReadJsonAsync();
        await job.RunOnceAsync(CancellationToken.None);
        Assert.False(await ExistsAsync(host, held, any: true));
    }

    [Fact]
    public async Task A_retention_period_below_the_legal_minimum_refuses_to_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => OwnApiHost.StartAsync(Provider, builder => builder.UseSetting("Retention:VisitChatYears", "2")));

        Assert.Contains("Retention:VisitChatYears must be at least 3", error.ToString(), StringComparison.Ordinal);
    }

    private sealed record ChatRows(Guid PatientId, Guid MessageId, Guid FileId);

    /// <summary>A registered patient with a video visit whose chat has one message carrying a photo, sent now (by the fake clock).</summary>
    private static async Task<ChatRows> AddPatientWithChatAsync(ApiFactory host, TimeProvider clock)
    {
        var registered = await (await host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration())).ReadJsonAsync(HttpStatusCode.Created);
        var patientId = registered.GetProperty("patientId").GetGuid();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var doctor = await db.Doctors.AsNoTracking().FirstAsync();
        var now = clock.GetUtcNow();
        var visit = VideoVisit.CheckIn(Guid.NewGuid(), patientId, doctor.Id, doctor.AccountId, now, now.AddMinutes(15), doctor.AccountId, now);
        var file = StoredFile.Create(doctor.AccountId, patientId, "visit-chat", "rash.jpg", "image/jpeg", 3, new string('0', 64), now);
        var message = VisitMessage.Create(visit.Id, doctor.AccountId, VisitRole.Doctor, "See the photo", file.Id, now);
        db.VideoVisits.Add(visit);
        db.Files.Add(file);
        db.FileContents.Add(new StoredFileContent(file.Id, [1, 2, 3]));
        db.VisitMessages.Add(message);
        await db.SaveChangesAsync();
        return new ChatRows(patientId, message.Id, file.Id);
    }

    /// <summary>Whether the message and its file are both there (or, with <paramref name="any"/>, either of them).</summary>
    private static async Task<bool> ExistsAsync(ApiFactory host, ChatRows rows, bool any = false)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = await db.VisitMessages.AnyAsync(m => m.Id == rows.MessageId);
        var file = await db.Files.AnyAsync(f => f.Id == rows.FileId) || await db.FileContents.AnyAsync(c => c.FileId == rows.FileId);
        Assert.True(await db.Patients.AnyAsync(p => p.Id == rows.PatientId), "the patient record itself is never retention's to delete");
        return any ? message || file : message && file;
    }

    /// <summary>A fresh sign-in at the fake clock's time (a cached token would have expired years ago).</summary>
    private static async Task<HttpClient> SignInAsync(ApiFactory host, string email)
    {
        var tokens = await OidcFlow.SignInAsync(host.CreateBrowserClient(), email, TestData.DemoPassword);
        var client = host.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }
}

public sealed class RetentionTestsOnSqlite : RetentionTests
{
    protected override string Provider => "Sqlite";
}

public sealed class RetentionTestsOnPostgres : RetentionTests
{
    protected override string Provider => "PostgreSQL";
}
