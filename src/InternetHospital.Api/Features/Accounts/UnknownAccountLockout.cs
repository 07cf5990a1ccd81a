using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// Identity's lockout, played for addresses that have no (usable) account: the same number of failures locks them for
/// the same time, so the sign-in answers are the same whether an address is registered or not (no account enumeration).
/// Kept in memory per instance: it holds no account, only the fact that someone is guessing.
/// </summary>
internal sealed class UnknownAccountLockout(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache state = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public DateTimeOffset? LockedUntil(string normalizedEmail) =>
        state.TryGetValue(normalizedEmail, out Entry? entry) && entry!.LockedUntil > clock.GetUtcNow() ? entry.LockedUntil : null;

    /// <summary>Counts a failure; returns the lockout end when this failure locks the address.</summary>
    public DateTimeOffset? Failed(string normalizedEmail)
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
