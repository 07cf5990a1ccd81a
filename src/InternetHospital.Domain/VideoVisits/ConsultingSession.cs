using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.VideoVisits;

/// <summary>
/// Domain rule 3: a doctor is identified again at the start of a session of visits, not just at sign-in (a shared
/// workstation, a session left open). The doctor re-enters their password (and their authenticator code when
/// two-factor sign-in is on); admitting patients and joining calls need a session that has not expired.
/// </summary>
public sealed class ConsultingSession
{
    private ConsultingSession()
    {
        Method = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>How the doctor proved who they are: <c>password</c> or <c>password+totp</c>.</summary>
    public string Method { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public static ConsultingSession Start(Guid accountId, string method, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime));
        }

        return new ConsultingSession
        {
            Id = NewId.Next(),
            AccountId = accountId,
            Method = method,
            StartedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsActive(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
