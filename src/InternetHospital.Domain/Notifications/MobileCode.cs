namespace InternetHospital.Domain.Notifications;

public enum MobileCodePurpose
{
    SignIn = 1,
    Registration = 2,
}

/// <summary>
/// A one-time code sent by SMS (sign-in, or proving a mobile number at registration). Only its keyed hash is kept. A row
/// is written for every send request, also for a number with no account (then nothing is sent and no code can match),
/// so the sends per number and per client address can be counted in the database across instances.
/// </summary>
public sealed class MobileCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private MobileCode()
    {
        Mobile = CodeHash = ClientAddress = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Mobile { get; private set; }
    public MobileCodePurpose Purpose { get; private set; }

    /// <summary>The account the code signs in to; null when the number has none (or is staff): such a code never matches.</summary>
    public Guid? AccountId { get; private set; }

    public string CodeHash { get; private set; }
    public string ClientAddress { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? ConsumedAt { get; private set; }

    public static MobileCode Issue(Guid id, string mobile, MobileCodePurpose purpose, Guid? accountId, string codeHash, string clientAddress, DateTimeOffset now) => new()
    {
        Id = id,
        Mobile = mobile,
        Purpose = purpose,
        AccountId = accountId,
        CodeHash = codeHash,
        ClientAddress = clientAddress,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };
}

/// <summary>
/// Wrong codes entered for a number: five lock it for 15 minutes (domain rule 17 for the SMS factor). Counted per number,
/// whatever the purpose, so switching between sign-in and registration does not reset the count.
/// </summary>
public sealed class MobileCodeLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    private MobileCodeLockout()
    {
        Mobile = string.Empty;
    }

    public string Mobile { get; private set; }
    public int Failures { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    public static MobileCodeLockout For(string mobile) => new() { Mobile = mobile };
}
