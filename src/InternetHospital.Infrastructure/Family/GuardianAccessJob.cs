using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Family;
using InternetHospital.Infrastructure.Hosting;
using InternetHospital.Infrastructure.Identity;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Family;

/// <summary>
/// Runs <see cref="EndExpiredPatientAccess"/> at start and then every interval (hourly by default: ages turn over at the
/// hospital's midnight, and the guard refuses an ended grant on the day anyway), and deletes the sign-in sessions that
/// ended or outlived <c>Auth:SessionLifetime</c>. Tests send the command themselves, or call <see cref="RunOnceAsync"/>.
/// </summary>
internal sealed partial class GuardianAccessJob(
    IServiceScopeFactory scopes,
    IOptions<FamilyOptions> options,
    TimeProvider clock,
    ILogger<GuardianAccessJob> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.AccessJobInterval;

    protected override Task<bool> RunRoundAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    internal async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EndExpiredPatientAccess(), cancellationToken);
        if (result.GuardiansEnded + result.ProxiesExpired > 0)
        {
            LogEnded(logger, result.GuardiansEnded, result.ProxiesExpired);
        }

        // Note: an ended or outlived session is never read again (a token naming a missing session is refused), so
        // keeping it would only let the table grow by every sign-in ever made.
        var sessions = await scope.ServiceProvider.GetRequiredService<AccountSessions>().DeleteDeadAsync(cancellationToken);
        if (sessions > 0)
        {
            LogSessionsDeleted(logger, sessions);
        }

        return result.MoreMayBeDue;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Family access: {Guardians} guardian grant(s) ended at the age of majority, {Proxies} proxy grant(s) expired")]
    private static partial void LogEnded(ILogger logger, int guardians, int proxies);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Sessions} ended or expired sign-in session(s)")]
    private static partial void LogSessionsDeleted(ILogger logger, int sessions);
}
