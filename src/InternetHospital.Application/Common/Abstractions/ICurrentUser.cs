namespace InternetHospital.Application.Common.Abstractions;

/// <summary>Who is asking: the signed-in account behind the current request, if any.</summary>
public interface ICurrentUser
{
    Guid? AccountId { get; }
    IReadOnlyList<string> Roles { get; }
    string? IpAddress { get; }

    bool IsInRole(string role);

    /// <summary>
    /// For a visit's guest (a link, no account: <see cref="AccountId"/> is then the guest's id), the one visit they are
    /// in; null for everyone else.
    /// </summary>
    Guid? GuestVisitId => null;
}

public static class CurrentUserExtensions
{
    /// <summary>The account id of an authenticated caller; endpoints that reach a handler using this require authentication.</summary>
    public static Guid RequireAccountId(this ICurrentUser user) =>
        user.AccountId ?? throw new Exceptions.ForbiddenAccessException("not_signed_in", "You need to sign in.");
}
