using InternetHospital.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Hosting;

/// <summary>
/// The loop every background worker shares: run a round of work, run again at once while the round says more is
/// waiting, otherwise sleep the worker's interval; on a failure log it and back off (the interval doubled per failure
/// in a row, up to <see cref="MaxBackoff"/>); stop quietly on shutdown. A subclass holds only its work.
/// Claims stay with each worker's work (they differ: a conditional update, a lease, a unique index); when another
/// instance wins one (a unique index or a concurrency token refuses the save) the round ends without an error.
/// </summary>
internal abstract partial class PeriodicWorker(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The longest back-off after failures in a row (or the interval, if that is longer).</summary>
    protected static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>The clock the loop sleeps on; subclasses read time from it too (tests drive it).</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>How long to sleep when a round found nothing more to do (read each time, so options may change).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One round of work; true when more may be waiting right away (the loop runs again without sleeping).</summary>
    protected abstract Task<bool> RunRoundAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Note: let the host finish starting (migrations, seeding) before the first round.
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = Interval;
            try
            {
                while (await RunRoundAsync(stoppingToken) && !stoppingToken.IsCancellationRequested)
                {
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is UniqueConstraintException or DbUpdateConcurrencyException)
            {
                // Note: another instance claimed the same work first; the next round continues from what it left.
                failures = 0;
                LogLostRace(logger, GetType().Name);
            }
            catch (Exception exception)
            {
                failures++;
                delay = BackoffAfter(failures, delay);
                LogRoundFailed(logger, GetType().Name, failures, delay, exception);
            }

            try
            {
                await Task.Delay(delay, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The interval after one failure, doubled for each further failure in a row, at most the larger of the interval and <see cref="MaxBackoff"/>.</summary>
    internal static TimeSpan BackoffAfter(int failures, TimeSpan interval)
    {
        var ceiling = interval > MaxBackoff ? interval : MaxBackoff;
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(ceiling.Ticks, interval.Ticks * factor));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Worker} lost a race to another instance; nothing to do")]
    private static partial void LogLostRace(ILogger logger, string worker);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} failed ({Failures} in a row); it will try again in {Delay}")]
    private static partial void LogRoundFailed(ILogger logger, string worker, int failures, TimeSpan delay, Exception exception);
}
