using InternetHospital.Api.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// Identity's lockout, played for addresses that have no (usable) account: the same number of failures locks them for
/// the same time, so the sign-in answers are the same whether an address is registered or not (no account enumeration).
/// It holds no account, only the fact that someone is guessing: in Redis when configured, so every instance counts
/// the same failures (an account's own lockout is in the database; were this one per instance, three instances would
/// lock an unknown address only after three times the failures, and that difference would tell which addresses are
/// registered); in memory with one instance, or while Redis does not answer.
/// </summary>
internal sealed class UnknownAccountLockout(IOptions<IdentityOptions> identity, TimeProvider clock, SharedCounters shared) : IDisposable
{
    private readonly MemoryCache state = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<DateTimeOffset?> LockedUntilAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        if (shared.IsShared && await shared.LockedForAsync(Key(normalizedEmail), cancellationToken) is (true, var remaining))
        {
            return remaining is { } left ? clock.GetUtcNow() + left : null;
        }

        return state.TryGetValue(normalizedEmail, out Entry? entry) && entry!.LockedUntil > clock.GetUtcNow() ? entry.LockedUntil : null;
    }

    /// <summary>Counts a failure; returns the lockout end when this failure locks the address.</summary>
    public async Task<DateTimeOffset?> FailedAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var lockout = identity.Value.Lockout;
        if (shared.IsShared
            && await shared.FailedAsync(Key(normalizedEmail), lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan, cancellationToken) is (true, var lockedFor))
        {
            return lockedFor is { } length ? clock.GetUtcNow() + length : null;
        }

        return Failed(normalizedEmail);
    }

    private static string Key(string normalizedEmail) => "unknown-sign-in:" + normalizedEmail;

    private DateTimeOffset? Failed(string normalizedEmail)
    {
        var lockout = identity.Value.Lockout;
        lock (state)
        {
            var entry = state.TryGetValue(normalizedEmail, out Entry? found) ? found! : new Entry();
            entry.Failures++;
            DateTimeOffset? lockedUntil = null;
            if (entry.Failures >= lockout.MaxFailedAccessAttempts)
            {
                // Like Identity: the count restarts once the lock is set.
                entry.Failures = 0;
                entry.LockedUntil = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
                lockedUntil = entry.LockedUntil;
            }

            state.Set(normalizedEmail, entry, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(1), Size = 1 });
            return lockedUntil;
        }
    }

    public void Dispose() => state.Dispose();

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
