using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Retention;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.Retention;

/// <summary>
/// Video:RecordingRetention (domain rule 12: audio and video at least three years) with a clock the test moves: a
/// recording is kept to the end of its period, deleted (with its encrypted chunks, audit-logged) after it, and kept
/// regardless while its patient is on legal hold. Own host, since the clock moves by years.
/// </summary>
public abstract class RecordingRetentionTests
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task Recordings_are_kept_for_the_retention_period_deleted_after_it_and_kept_under_a_legal_hold()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await OwnApiHost.StartAsync(Provider, builder =>
        {
            builder.UseSetting("Retention:Enabled", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        var start = clock.GetUtcNow();
        var free = await RecordedVisitAsync(host, clock);
        var held = await RecordedVisitAsync(host, clock);
        var admin = await SignInAsync(host, "admin.zhou@demo.test");
        await (await admin.PostAsJsonAsync("/api/admin/legal-holds", new { patientId = held.PatientId, reason = "Complaint about the video visit" })).ReadJsonAsync(HttpStatusCode.Created);
        var job = host.Services.GetRequiredService<RetentionJob>();

        // The default period is three years and a day (1096 days): the day before it ends, both stay.
        clock.Advance(TimeSpan.FromDays(1095));
        var kept = await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, kept.Recordings);
        Assert.True(await ExistsAsync(host, free.RecordingId));

        clock.Advance(TimeSpan.FromDays(2));
        var result = await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, result.Recordings);
        Assert.False(await ExistsAsync(host, free.RecordingId));
        Assert.True(await ExistsAsync(host, held.RecordingId));

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.VisitRecordingChunks.AnyAsync(c => c.RecordingId == free.RecordingId));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "retention.deleted" && e.Resource == "VisitRecording" && e.ResourceId == free.RecordingId.ToString());
        Assert.Equal(free.PatientId, entry.PatientId);
        Assert.StartsWith($"visit {free.VisitId}, recorded {start:yyyy-MM-dd}", entry.Detail, StringComparison.Ordinal);
        Assert.True(await db.VideoVisits.AnyAsync(v => v.Id == free.VisitId), "the visit record itself is kept 15 years");
    }

    private sealed record Recorded(Guid PatientId, Guid VisitId, Guid RecordingId);

    private static async Task<Recorded> RecordedVisitAsync(ApiFactory host, TimeProvider clock)
    {
        var registered = await (await host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration())).ReadJsonAsync(HttpStatusCode.Created);
        var patientId = registered.GetProperty("patientId").GetGuid();
        var now = clock.GetUtcNow();
        Guid visitId;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var doctor = await db.Doctors.AsNoTracking().FirstAsync();
            var visit = VideoVisit.CheckIn(Guid.NewGuid(), patientId, doctor.Id, doctor.AccountId, now, now.AddMinutes(15), doctor.AccountId, now);
            db.VideoVisits.Add(visit);
            await db.SaveChangesAsync();
            visitId = visit.Id;
        }

        return new Recorded(patientId, visitId, await RecordingMedia.StoreAsync(host.Services, visitId, patientId, now));
    }

    private static async Task<bool> ExistsAsync(ApiFactory host, Guid recordingId)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().VisitRecordings.AnyAsync(r => r.Id == recordingId);
    }

    private static async Task<HttpClient> SignInAsync(ApiFactory host, string email)
    {
        var tokens = await OidcFlow.SignInAsync(host.CreateBrowserClient(), email, TestData.DemoPassword);
        var client = host.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }
}

public sealed class RecordingRetentionTestsOnSqlite : RecordingRetentionTests
{
    protected override string Provider => "Sqlite";
}

public sealed class RecordingRetentionTestsOnPostgres : RecordingRetentionTests
{
    protected override string Provider => "PostgreSQL";
}

public sealed class RecordingRetentionSettingsTests
{
    [Fact]
    public async Task A_production_host_refuses_a_recording_retention_below_three_years()
    {
        await using var host = ProductionHost.With(ProductionHost.RealAdapters, ("Video:RecordingRetention", "365.00:00:00"));

        var refusal = Assert.ThrowsAny<Exception>(() => host.Start());

        Assert.Contains("Video:RecordingRetention must be at least", refusal.ToString(), StringComparison.Ordinal);
    }
}
