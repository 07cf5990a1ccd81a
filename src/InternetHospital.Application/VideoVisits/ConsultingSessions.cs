namespace InternetHospital.Application.VideoVisits;

/// <summary>Domain rule 3 at the points where a doctor acts in a visit: admitting a patient, joining a call.</summary>
public static class ConsultingSessions
{
    public const string RequiredCode = "identity_check_required";

    public static async Task EnsureActiveAsync(IAppDbContext db, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await db.ConsultingSessions.AnyAsync(s => s.AccountId == accountId && s.EndedAt == null && s.ExpiresAt > now, cancellationToken);
        if (!active)
        {
            throw new ForbiddenAccessException(RequiredCode, "Confirm who you are (password, and authenticator code if two-factor sign-in is on) to start a session of visits.");
        }
    }
}

/// <summary>
/// The port over the identity store for re-identifying a doctor. A wrong password counts towards the account lockout,
/// as at sign-in, so this cannot be used to guess passwords.
/// </summary>
public interface IClinicianIdentityCheck
{
    Task<IdentityCheckResult> VerifyAsync(Guid accountId, string password, string? authenticatorCode, CancellationToken cancellationToken);
}

public enum IdentityCheckResult
{
    Verified = 1,

    /// <summary>Password and code were right and two-factor sign-in is on.</summary>
    VerifiedWithSecondFactor = 2,
    WrongPassword = 3,

    /// <summary>Two-factor sign-in is on and the code was missing or wrong.</summary>
    SecondFactorRequired = 4,
    LockedOut = 5,
}
