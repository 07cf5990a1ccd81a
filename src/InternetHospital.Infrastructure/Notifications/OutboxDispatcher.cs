using InternetHospital.Domain.Notifications;
using InternetHospital.Infrastructure.Hosting;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Notifications;

/// <summary>
/// Sends an outbox of <typeparamref name="TMessage"/> (e-mail, SMS). Safe with several API instances: each due message
/// is claimed by moving its next-attempt time forward in a conditional update, which only one instance can win; a
/// failure is retried with exponential backoff (15 s doubling, at most an hour) until <see cref="MaxAttempts"/>, after
/// which the message stays as a dead letter. A subclass says only how one message is delivered.
/// </summary>
internal abstract class OutboxDispatcher<TMessage>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger)
    : PeriodicWorker(clock, logger)
    where TMessage : OutboxMessage
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);
    private const int BatchSize = 20;

    protected abstract int MaxAttempts { get; }

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken) => await SendDueAsync(cancellationToken) > 0;

    /// <summary>Sends up to one batch of due messages; returns how many were attempted.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = db.Set<TMessage>();
        var now = Clock.GetUtcNow();
        var due = await outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var attempted = 0;
        foreach (var candidate in due)
        {
            var claimedUntil = now + ClaimLease;
            var claimed = await outbox
                .Where(m => m.Id == candidate.Id && m.Status == OutboxStatus.Pending && m.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            attempted++;
            var message = await LoadAsync(outbox, candidate.Id, cancellationToken);
            try
            {
                await DeliverAsync(message, cancellationToken);
                message.MarkSent(Clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, message.Attempts)));
                message.MarkAttemptFailed(exception.Message, Clock.GetUtcNow() + backoff, MaxAttempts);
                OnAttemptFailed(message, exception);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return attempted;
    }

    /// <summary>Loads a claimed message with whatever its delivery needs.</summary>
    protected virtual Task<TMessage> LoadAsync(IQueryable<TMessage> outbox, Guid id, CancellationToken cancellationToken) =>
        outbox.SingleAsync(m => m.Id == id, cancellationToken);

    /// <summary>Hands one message to its transport; throws when it was not accepted.</summary>
    protected abstract Task DeliverAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>Logs a failed attempt (the message already counts it, and is <see cref="OutboxStatus.Failed"/> when given up).</summary>
    protected abstract void OnAttemptFailed(TMessage message, Exception exception);
}
