using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Family;
using InternetHospital.Infrastructure.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Family;

/// <summary>
/// Runs <see cref="EndExpiredPatientAccess"/> at start and then every interval (hourly by default: ages turn over at the
/// hospital's midnight, and the guard refuses an ended grant on the day anyway). Tests send the command themselves.
/// </summary>
internal sealed partial class GuardianAccessJob(
    IServiceScopeFactory scopes,
    IOptions<FamilyOptions> options,
    TimeProvider clock,
    ILogger<GuardianAccessJob> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.AccessJobInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EndExpiredPatientAccess(), cancellationToken);
        if (result.GuardiansEnded + result.ProxiesExpired > 0)
        {
            LogEnded(logger, result.GuardiansEnded, result.ProxiesExpired);
        }

        return result.MoreMayBeDue;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Family access: {Guardians} guardian grant(s) ended at the age of majority, {Proxies} proxy grant(s) expired")]
    private static partial void LogEnded(ILogger logger, int guardians, int proxies);
}
