using InternetHospital.Application.Appointments;
using InternetHospital.Application.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using InternetHospital.Domain.Common;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Infrastructure.Hosting;

namespace InternetHospital.Infrastructure.Appointments;

/// <summary>
/// Booking's background work, every <see cref="BookingOptions.JobInterval"/>: lapsed holds are released, due reminders
/// sent, and (hourly) every doctor's slot horizon moved on. Safe with several API instances: each item is its own unit
/// of work guarded by the appointment's concurrency token (a hold), the reminder's key or the slots' unique index, so
/// an item another instance handled first fails harmlessly here. Tests call <see cref="RunOnceAsync"/> instead of waiting.
/// </summary>
internal sealed partial class BookingJobsService(
    IServiceScopeFactory scopes,
    IOptions<BookingOptions> options,
    TimeProvider clock,
    ILogger<BookingJobsService> logger) : PeriodicWorker(clock, logger)
{
    private static readonly TimeSpan HorizonInterval = TimeSpan.FromHours(1);
    private DateTimeOffset lastHorizonRun = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => options.Value.JobInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        var extendHorizon = Clock.GetUtcNow() - lastHorizonRun >= HorizonInterval;
        await RunOnceAsync(extendHorizon, cancellationToken);
        if (extendHorizon)
        {
            lastHorizonRun = Clock.GetUtcNow();
        }

        return false;
    }

    /// <summary>One pass over all due work; returns what was done.</summary>
    internal async Task<BookingJobRun> RunOnceAsync(bool extendHorizon, CancellationToken cancellationToken)
    {
        DueBookingWork due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FindDueBookingWork(), cancellationToken);
        }

        var expired = 0;
        foreach (var id in due.ExpiredHolds)
        {
            expired += await TryAsync(new ExpireHold(id), cancellationToken) ? 1 : 0;
        }

        var reminded = 0;
        foreach (var id in due.DueReminders)
        {
            reminded += await TryAsync(new SendReminder(id), cancellationToken) ? 1 : 0;
        }

        var extended = 0;
        if (extendHorizon)
        {
            IReadOnlyList<Guid> doctors;
            await using (var scope = scopes.CreateAsyncScope())
            {
                doctors = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListScheduledDoctors(), cancellationToken);
            }

            foreach (var doctorId in doctors)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    extended += (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExtendSlotHorizon(doctorId), cancellationToken)).Created;
                }
                catch (UniqueConstraintException)
                {
                    // Another instance added the same slots first; the next run fills any gap.
                }
            }
        }

        return new BookingJobRun(expired, reminded, extended);
    }

    private async Task<bool> TryAsync(ICommand<bool> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException or UniqueConstraintException or DomainConflictException)
        {
            // Note: another instance (or a person) changed the appointment first; its outcome stands.
            LogLostRace(logger, command.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job} lost a race to another instance; nothing to do")]
    private static partial void LogLostRace(ILogger logger, string job);
}

internal sealed record BookingJobRun(int HoldsExpired, int RemindersSent, int SlotsCreated);
