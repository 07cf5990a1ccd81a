using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace InternetHospital.Infrastructure.His.Delivery;

/// <summary>
/// Delivers due outbox messages through the configured write adapter. Each call of <see cref="DispatchDueAsync"/>
/// claims the heads of the patients' queues, delivers them one by one and records every attempt; a failed message
/// is tried again later (exponential backoff with jitter) and dead-lettered after <c>MaxAttempts</c>. Within a
/// delivery, Polly retries network failures a few times (exponential, jittered) and a circuit breaker stops calling
/// a HIS that is down, without charging the waiting messages an attempt. Time comes from <see cref="TimeProvider"/>,
/// so tests drive retries and leases without sleeping.
/// </summary>
internal sealed partial class HisOutboxDispatcher
{
    private readonly IServiceScopeFactory scopes;
    private readonly IHisWriter writer;
    private readonly TimeProvider clock;
    private readonly HisOutboxOptions options;
    private readonly ILogger<HisOutboxDispatcher> logger;
    private readonly ResiliencePipeline pipeline;
    private readonly Func<double> random;

    public HisOutboxDispatcher(IServiceScopeFactory scopes, IHisWriter writer, TimeProvider clock, IOptions<HisOptions> options, ILogger<HisOutboxDispatcher> logger)
        : this(scopes, writer, clock, options, logger, Random.Shared.NextDouble)
    {
    }

    internal HisOutboxDispatcher(IServiceScopeFactory scopes, IHisWriter writer, TimeProvider clock, IOptions<HisOptions> options, ILogger<HisOutboxDispatcher> logger, Func<double> random)
    {
        this.scopes = scopes;
        this.writer = writer;
        this.clock = clock;
        this.options = options.Value.Outbox;
        this.logger = logger;
        this.random = random;
        Instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

        var unreachable = new PredicateBuilder().Handle<HisDeliveryException>(e => e.Failure == HisFailure.Unreachable);
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (this.options.ImmediateRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = this.options.ImmediateRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = this.options.ImmediateRetryDelay,
                ShouldHandle = unreachable,
            });
        }

        pipeline = builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            // Note: every call in the window failed, and at least CircuitBreakAfter of them: the HIS is down.
            FailureRatio = 1.0,
            MinimumThroughput = this.options.CircuitBreakAfter,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = this.options.CircuitBreakDuration,
            ShouldHandle = unreachable,
        }).Build();
    }

    /// <summary>This dispatcher's name in claims and attempts (machine/process/instance).</summary>
    public string Instance { get; }

    /// <summary>Delivers everything due now; returns how many messages were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<long> claimed;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                claimed = await HisOutboxClaims.ClaimAsync(db, Instance, clock.GetUtcNow(), options.LeaseDuration, options.BatchSize, cancellationToken);
            }

            if (claimed.Count == 0)
            {
                return attempted;
            }

            for (var i = 0; i < claimed.Count; i++)
            {
                bool delivered;
                try
                {
                    delivered = await DeliverAsync(claimed[i], cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await ReleaseAsync(claimed.Skip(i).ToList());
                    throw;
                }

                if (!delivered)
                {
                    // The circuit is open: give the rest back untouched and wait for the HIS.
                    await ReleaseAsync(claimed.Skip(i).ToList());
                    LogCircuitOpen(logger, claimed.Count - i);
                    return attempted;
                }

                attempted++;
            }
        }

        return attempted;
    }

    /// <summary>Tries one claimed message; false when it was not attempted because the circuit is open.</summary>
    private async Task<bool> DeliverAsync(long sequence, CancellationToken cancellationToken)
    {
        var failures = new List<(DateTimeOffset Started, DateTimeOffset Finished, string Error)>();
        DateTimeOffset started = clock.GetUtcNow(), finished;
        bool succeeded;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var message = await db.HisOutbox.AsNoTracking().SingleAsync(m => m.Sequence == sequence, cancellationToken);
            HisOutboundMessage outbound;
            try
            {
                outbound = await OutboundAsync(db, scope.ServiceProvider.GetRequiredService<IIdentifierProtector>(), message, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Text.Json.JsonException)
            {
                // A message that cannot even be read will not improve with time; it still takes the normal road to dead-letter.
                failures.Add((started, clock.GetUtcNow(), "The message cannot be prepared for the HIS: " + exception.Message));
                await CompleteAsync(sequence, succeeded: false, failures, started, clock.GetUtcNow());
                return true;
            }
            catch (HisUnavailableException exception)
            {
                failures.Add((started, clock.GetUtcNow(), "Identity matching could not ask the HIS: " + exception.Message));
                await CompleteAsync(sequence, succeeded: false, failures, started, clock.GetUtcNow());
                return true;
            }

            try
            {
                await pipeline.ExecuteAsync(
                    async ct =>
                    {
                        var tryStarted = clock.GetUtcNow();
                        try
                        {
                            await writer.DeliverAsync(outbound, ct);
                            started = tryStarted;
                        }
                        catch (HisDeliveryException exception)
                        {
                            failures.Add((tryStarted, clock.GetUtcNow(), exception.Message));
                            throw;
                        }
                    },
                    cancellationToken);
                succeeded = true;
            }
            catch (BrokenCircuitException) when (failures.Count == 0)
            {
                return false;
            }
            catch (BrokenCircuitException)
            {
                succeeded = false;
            }
            catch (HisDeliveryException)
            {
                succeeded = false;
            }

            finished = clock.GetUtcNow();
        }

        await CompleteAsync(sequence, succeeded, failures, started, finished);
        return true;
    }

    private async Task<HisOutboundMessage> OutboundAsync(AppDbContext db, IIdentifierProtector identifiers, HisOutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = HisMessageSerializer.Deserialize(message.Kind, message.Payload);

        // Note: emergency messages are queued under the case (so registration and merge keep their order); the patient
        // is the one they name, and an unidentified one travels under a temporary identity keyed by the case.
        var patientId = payload switch
        {
            EmergencyRegisteredMessage emergency => emergency.PatientId,
            EmergencyPatientIdentifiedMessage identified => identified.PatientId,
            _ => message.PatientId,
        };
        if (patientId is null && payload is EmergencyRegisteredMessage unknown)
        {
            return new HisOutboundMessage(message.Id, payload, HisPatientRef.Unidentified(unknown.CaseId, unknown.UnknownSex), message.CreatedAt);
        }

        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new InvalidOperationException("The message's patient does not exist.");
        if (payload is PatientRegisteredMessage && patient.HisPatientId is null)
        {
            // Note: before the HIS hears of a new patient, the portal finds out whether it already knows them, so that
            // nobody has to press a button for it and the registration carries the HIS's id when there is a sure match.
            // A doubtful match goes to the admins' review queue and the registration goes out without the HIS id.
            await MatchIdentityAsync(patient.Id, cancellationToken);
            patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, cancellationToken);
        }

        var reference = new HisPatientRef(
            patient.Id,
            patient.HisPatientId,
            patient.FullName,
            patient.DateOfBirth,
            patient.Sex.ToString(),
            patient.Mobile,
            patient.IdType,
            identifiers.Reveal(patient.IdNumberCiphertext));
        return new HisOutboundMessage(message.Id, payload, reference, message.CreatedAt);
    }

    private async Task MatchIdentityAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IHisIdentityMatcher>().MatchAsync(patientId, cancellationToken);
        LogIdentityMatched(logger, patientId, outcome.Outcome);
    }

    private async Task CompleteAsync(long sequence, bool succeeded, List<(DateTimeOffset Started, DateTimeOffset Finished, string Error)> failures, DateTimeOffset started, DateTimeOffset finished)
    {
        // Note: the outcome is saved even while the host is stopping: the HIS has already answered.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = await db.HisOutbox.SingleAsync(m => m.Sequence == sequence, CancellationToken.None);
        if (message.ClaimedBy != Instance || message.Status != HisOutboxStatus.Pending)
        {
            LogLeaseLost(logger, message.Id);
            return;
        }

        foreach (var failure in failures)
        {
            db.HisDeliveryAttempts.Add(message.RecordFailure(failure.Started, failure.Finished, Instance, failure.Error));
        }

        var now = clock.GetUtcNow();
        if (succeeded)
        {
            db.HisDeliveryAttempts.Add(message.RecordDelivered(started, finished, Instance));
        }
        else
        {
            message.ScheduleRetry(now + HisRetrySchedule.Delay(message.Attempts, options.RetryBaseDelay, options.RetryMaxDelay, random()), options.MaxAttempts, now);
            if (message.Status == HisOutboxStatus.DeadLettered)
            {
                LogDeadLettered(logger, message.Id, message.Kind, message.Attempts);
                await scope.ServiceProvider.GetRequiredService<HisDeadLetterAlerts>().AlertAsync(message, CancellationToken.None);
            }
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IAfterCommit>().RunAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogLeaseLost(logger, message.Id);
        }
    }

    private async Task ReleaseAsync(IReadOnlyCollection<long> sequences)
    {
        await using var scope = scopes.CreateAsyncScope();
        await HisOutboxClaims.ReleaseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Instance, sequences);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity matching for patient {PatientId} before registration at the HIS: {Outcome}")]
    private static partial void LogIdentityMatched(ILogger logger, Guid patientId, HisIdentityMatchOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The HIS circuit is open; {Count} claimed messages were given back untried")]
    private static partial void LogCircuitOpen(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "HIS message {MessageId} ({Kind}) was dead-lettered after {Attempts} attempts")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HIS message {MessageId}: the claim ran out and another instance took it over; this result is dropped")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId);
}

/// <summary>When a failed message is tried again: exponential in the attempts, capped, with jitter so that many
/// messages failing together (the HIS went down) do not all come back at the same instant.</summary>
internal static class HisRetrySchedule
{
    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int attempts, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));

        // "Equal jitter": at least half the exponential delay, plus up to the other half at random.
        return TimeSpan.FromTicks((long)(ceiling / 2 + ceiling / 2 * random));
    }
}

/// <summary>Runs the dispatcher in the background: deliver what is due, sleep a poll interval when nothing was.</summary>
internal sealed class HisOutboxDispatcherService(HisOutboxDispatcher dispatcher, IOptions<HisOptions> options, TimeProvider clock, ILogger<HisOutboxDispatcherService> logger)
    : Hosting.PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Outbox.PollInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken) => await dispatcher.DispatchDueAsync(cancellationToken) > 0;
}
