using System.ComponentModel.DataAnnotations;
using InternetHospital.Application.FamilyDoctors;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    ILogger<FamilyContractLifecycleJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                ContractLifecycleResult result;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ProcessFamilyContractLifecycle(), stoppingToken);
                    if (result.Reminded + result.Expired > 0)
                    {
                        LogProcessed(logger, result.Reminded, result.Expired);
                    }
                }
                while (result.MoreMayBeDue);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Note: a concurrency conflict means another instance handled the same contracts; the next run catches up.
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.LifecycleInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Family-doctor contracts: {Reminded} renewal reminder(s) sent, {Expired} contract(s) expired")]
    private static partial void LogProcessed(ILogger logger, int reminded, int expired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The family-doctor contract job failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
