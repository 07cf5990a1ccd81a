using InternetHospital.Application.Common.Telemetry;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Notifications;
using InternetHospital.Infrastructure.Hosting;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Telemetry;

/// <summary>
/// Reads the outbox depths and ages, dead letters and open video rooms every <see cref="Every"/> into
/// <see cref="AppMetrics"/>, so scrapes (which may come every few seconds, from several collectors) never touch the
/// database. Every instance reads the same shared tables: dashboards take max() across instances, not sum().
/// </summary>
internal sealed class TelemetrySampler(IServiceScopeFactory scopes, AppMetrics metrics, TimeProvider clock, ILogger<TelemetrySampler> logger)
    : PeriodicWorker(clock, logger)
{
    internal static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override TimeSpan Interval => Every;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        await SampleAsync(cancellationToken);
        return false;
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow();

        var hisPending = db.HisOutbox.AsNoTracking().Where(m => m.Status == HisOutboxStatus.Pending);
        var hisCount = await hisPending.LongCountAsync(cancellationToken);
        var hisOldest = await hisPending.OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var hisDead = await db.HisOutbox.LongCountAsync(m => m.Status == HisOutboxStatus.DeadLettered, cancellationToken);

        var emailPending = db.EmailOutbox.AsNoTracking().Where(e => e.Status == OutboxStatus.Pending);
        var emailCount = await emailPending.LongCountAsync(cancellationToken);
        var emailOldest = await emailPending.OrderBy(e => e.CreatedAt).Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var emailFailed = await db.EmailOutbox.LongCountAsync(e => e.Status == OutboxStatus.Failed, cancellationToken);

        var rooms = await db.VisitConnections.AsNoTracking().Where(c => c.ClosedAt == null).Select(c => c.VisitId).Distinct().LongCountAsync(cancellationToken);

        metrics.Sample(new OutboxSample(hisCount, Age(hisOldest, now), hisDead, emailCount, Age(emailOldest, now), emailFailed, rooms));
    }

    private static double Age(DateTimeOffset? oldest, DateTimeOffset now) =>
        oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;
}
