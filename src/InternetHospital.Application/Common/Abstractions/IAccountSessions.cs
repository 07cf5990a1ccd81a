namespace InternetHospital.Application.Common.Abstractions;

/// <summary>The sign-in sessions of accounts (each device a person is signed in on).</summary>
public interface IAccountSessions
{
    /// <summary>
    /// Ends every session of the account except <paramref name="except"/>: their refresh tokens are refused and their
    /// access tokens fail on the next request. Joins the unit of work (saved with it); takes effect once it commits.
    /// Call it wherever an account must stop being used: disabling, closing, a role change that must not wait.
    /// </summary>
    Task EndAllAsync(Guid accountId, Guid? except, CancellationToken cancellationToken);
}
