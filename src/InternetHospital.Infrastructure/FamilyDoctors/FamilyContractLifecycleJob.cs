using System.ComponentModel.DataAnnotations;
using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Infrastructure.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.FamilyDoctors;

/// <summary>Section <c>FamilyDoctors</c>.</summary>
public sealed class FamilyDoctorOptions
{
    public const string Section = "FamilyDoctors";

    /// <summary>How often renewal reminders and expiries are looked for (they are due by the day, so hourly is plenty).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LifecycleInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Runs <see cref="ProcessFamilyContractLifecycle"/> at start and then every interval. Tests do not wait for it: they
/// send the same command themselves when the contract dates say something is due.
/// </summary>
internal sealed partial class FamilyContractLifecycleJob(
    IServiceScopeFactory scopes,
    IOptions<FamilyDoctorOptions> options,
    TimeProvider clock,
    ILogger<FamilyContractLifecycleJob> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.LifecycleInterval;

    // Note: a concurrency conflict means another instance handled the same contracts; the next run catches up.
    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ProcessFamilyContractLifecycle(), cancellationToken);
        if (result.Reminded + result.Expired > 0)
        {
            LogProcessed(logger, result.Reminded, result.Expired);
        }

        return result.MoreMayBeDue;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Family-doctor contracts: {Reminded} renewal reminder(s) sent, {Expired} contract(s) expired")]
    private static partial void LogProcessed(ILogger logger, int reminded, int expired);
}
