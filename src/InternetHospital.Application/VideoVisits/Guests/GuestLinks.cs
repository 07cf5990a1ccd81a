using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Guests;

/// <summary>The secrets of guest links: 256-bit random tokens, kept only as SHA-256 hashes (as is the device's secret).</summary>
public static class GuestLinks
{
    public const string PathPrefix = "/guest/";

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>
/// Issues a guest's short-lived credential: a bearer accepted only by the visit hub and the visit chat, naming the guest
/// and their one visit (the API's own signed token, no account behind it).
/// </summary>
public interface IGuestCredentials
{
    string Issue(Guid guestId, Guid visitId, DateTimeOffset expiresAt);
}

/// <param name="State"><c>invited</c> (link not opened), <c>waiting</c> (opened, not admitted), <c>admitted</c>, <c>revoked</c>, <c>expired</c>.</param>
public sealed record VisitGuestDto(
    Guid Id,
    GuestRole Role,
    string? Name,
    string Email,
    string InvitedBy,
    DateTimeOffset InvitedAt,
    DateTimeOffset ExpiresAt,
    string State,
    DateTimeOffset? RedeemedAt,
    DateTimeOffset? AdmittedAt,
    bool InCall);

/// <summary>A guest as the visit record lists them: who, as what, invited by whom, when they were in the call.</summary>
public sealed record VisitGuestRecordDto(
    Guid Id, string? Name, GuestRole Role, string InvitedBy, DateTimeOffset InvitedAt, DateTimeOffset? JoinedAt, DateTimeOffset? LeftAt, DateTimeOffset? RevokedAt);

internal static class GuestViews
{
    public static string StateOf(VisitGuest guest, bool visitFinished, DateTimeOffset now) =>
        guest.IsRevoked ? "revoked"
        : visitFinished || now >= guest.ExpiresAt ? "expired"
        : guest.AdmittedAt is not null ? "admitted"
        : guest.RedeemedAt is not null ? "waiting"
        : "invited";

    /// <summary>The visit's guests for its record, with their first join and last leave from the visit's trace.</summary>
    public static async Task<IReadOnlyList<VisitGuestRecordDto>> RecordAsync(IAppDbContext db, IAccountService accounts, VideoVisit visit, CancellationToken cancellationToken)
    {
        var visitId = visit.Id;
        var guests = await db.VisitGuests.AsNoTracking().Where(g => g.VisitId == visitId).OrderBy(g => g.InvitedAt).ToListAsync(cancellationToken);
        var result = new List<VisitGuestRecordDto>();
        foreach (var guest in guests)
        {
            var trace = visit.Events.Where(e => e.ActorAccountId == guest.Id).ToList();
            result.Add(new VisitGuestRecordDto(
                guest.Id,
                guest.Name,
                guest.Role,
                (await accounts.FindAsync(guest.InvitedByAccountId, cancellationToken))?.FullName ?? string.Empty,
                guest.InvitedAt,
                trace.Where(e => e.Kind == VisitEventKinds.Joined).Select(e => (DateTimeOffset?)e.At).Min(),
                trace.Where(e => e.Kind == VisitEventKinds.Left).Select(e => (DateTimeOffset?)e.At).Max(),
                guest.RevokedAt));
        }

        return result;
    }
}
