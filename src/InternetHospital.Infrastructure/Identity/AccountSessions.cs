using System.Net;
using System.Net.Sockets;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Infrastructure.Options;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Identity;

/// <summary>Learns that sessions ended, so that every instance refuses their access tokens at once (see the Api's SessionRevocation).</summary>
public interface ISessionEndSignal
{
    Task EndedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}

/// <summary>Starts, finds, lists and ends <see cref="AccountSession"/>s.</summary>
public sealed class AccountSessions(AppDbContext db, TimeProvider clock, IAfterCommit afterCommit, ISessionEndSignal signal, IOptions<AuthOptions> auth)
    : IAccountSessions
{
    public const int MaxUserAgentLength = 400;

    /// <summary>The claim carrying the session id in the sign-in cookie, codes, refresh and access tokens.</summary>
    public const string SessionClaim = "ih_sid";

    /// <summary>Records a new sign-in (saved at once: the cookie that carries its id is written next).</summary>
    public async Task<AccountSession> StartAsync(Guid accountId, string securityStamp, IPAddress? address, string? userAgent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new AccountSession
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            CreatedAt = now,
            LastSeenAt = now,
            Address = TrimAddress(address),
            UserAgent = string.IsNullOrWhiteSpace(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, MaxUserAgentLength)],
            SecurityStamp = securityStamp,
        };
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public Task<AccountSession?> FindAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.Set<AccountSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>Whether the session may still be used: not ended and within the absolute session lifetime.</summary>
    public bool IsLive(AccountSession session) =>
        session.EndedAt is null && session.CreatedAt + auth.Value.SessionLifetime > clock.GetUtcNow();

    public async Task<IReadOnlyList<AccountSession>> ListLiveAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - auth.Value.SessionLifetime;
        return await db.Set<AccountSession>()
            .Where(s => s.AccountId == accountId && s.EndedAt == null && s.CreatedAt > since)
            .OrderByDescending(s => s.LastSeenAt)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one session of the account (false when it is not the account's or already ended). Joins the unit of work.</summary>
    public async Task<bool> EndAsync(Guid accountId, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Set<AccountSession>().FirstOrDefaultAsync(s => s.Id == sessionId && s.AccountId == accountId && s.EndedAt == null, cancellationToken);
        if (session is null)
        {
            return false;
        }

        End([session]);
        return true;
    }

    public async Task EndAllAsync(Guid accountId, Guid? except, CancellationToken cancellationToken)
    {
        var sessions = await db.Set<AccountSession>()
            .Where(s => s.AccountId == accountId && s.EndedAt == null && s.Id != except)
            .ToListAsync(cancellationToken);
        End(sessions);
    }

    /// <summary>
    /// Deletes the sessions that can never be used again (ended, or past the absolute lifetime; see <see cref="IsLive"/>),
    /// so the table holds the live sessions only instead of every sign-in ever made. A token naming a deleted session is
    /// refused like one naming an ended session. Returns how many were deleted.
    /// </summary>
    public Task<int> DeleteDeadAsync(CancellationToken cancellationToken)
    {
        var startedBefore = clock.GetUtcNow() - auth.Value.SessionLifetime;
        return db.Set<AccountSession>()
            .Where(s => s.EndedAt != null || s.CreatedAt <= startedBefore)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// After the session's own password or two-factor change renewed the account's security stamp, lets that session
    /// keep refreshing its tokens (the others were ended with the change). Saves.
    /// </summary>
    public async Task KeepAfterStampChangeAsync(Guid? sessionId, Account account, CancellationToken cancellationToken)
    {
        if (sessionId is null || await FindAsync(sessionId.Value, cancellationToken) is not { EndedAt: null } session || session.AccountId != account.Id)
        {
            return;
        }

        session.SecurityStamp = account.SecurityStamp ?? string.Empty;
        await db.SaveChangesAsync(cancellationToken);
    }

    private void End(IReadOnlyList<AccountSession> sessions)
    {
        if (sessions.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var session in sessions)
        {
            session.EndedAt = now;
        }

        // Note: other instances (and this one's cache) learn it after the commit, so none reads the old row again.
        var ids = sessions.Select(s => s.Id).ToList();
        afterCommit.Enqueue(ct => signal.EndedAsync(ids, ct));
    }

    /// <summary>IPv4 to its /24, IPv6 to its /48: recognisable to the person, not a precise location.</summary>
    public static string? TrimAddress(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.*";
        }

        return $"{bytes[0]:x2}{bytes[1]:x2}:{bytes[2]:x2}{bytes[3]:x2}:{bytes[4]:x2}{bytes[5]:x2}::*";
    }
}
