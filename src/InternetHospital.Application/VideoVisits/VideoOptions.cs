using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.VideoVisits;

/// <summary>Section <c>Video</c>: ICE servers for WebRTC, TURN credentials and the rules of the waiting room.</summary>
public sealed class VideoOptions : IValidatableObject
{
    public const string Section = "Video";

    /// <summary>
    /// STUN and TURN servers handed to browsers. Empty is fine on one network (host candidates); across the internet a
    /// TURN server (coturn, see infra/coturn) relays when a direct path cannot be found.
    /// </summary>
    public List<IceServerOptions> IceServers { get; set; } = [];

    /// <summary>The secret shared with coturn (<c>static-auth-secret</c>); required when a server uses TURN credentials.</summary>
    public string? TurnSecret { get; set; }

    /// <summary>How long a TURN credential is valid; the browser fetches new ones before an ICE restart.</summary>
    public TimeSpan TurnCredentialLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a doctor's identity check at the start of a session of visits lasts (domain rule 3).</summary>
    public TimeSpan ConsultingSessionLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Signalling messages a connection may send: a bucket of <c>Burst</c>, refilled at <c>PerSecond</c> (domain rule 22).</summary>
    public int SignallingBurst { get; set; } = 120;

    public int SignallingPerSecond { get; set; } = 40;

    /// <summary>What happens to the visit fee when a doctor stops an online visit and refers the patient (domain rule 2).</summary>
    public ReferralFeePolicy ReferralFee { get; set; } = ReferralFeePolicy.FullRefund;

    /// <summary>Whether a patient may invite a relative into their own visit by link (the doctor always may invite guests).</summary>
    public bool PatientsMayInviteGuests { get; set; }

    /// <summary>How long a guest link is good for at most (it also ends with the visit).</summary>
    public TimeSpan GuestLinkLifetime { get; set; } = TimeSpan.FromHours(4);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IceServers.Any(s => s.Urls.Count == 0 || s.Urls.Any(u => !u.StartsWith("stun:", StringComparison.Ordinal) && !u.StartsWith("turn:", StringComparison.Ordinal) && !u.StartsWith("turns:", StringComparison.Ordinal))))
        {
            yield return new ValidationResult("Video:IceServers: every server needs Urls starting with stun:, turn: or turns:.", [nameof(IceServers)]);
        }

        if (IceServers.Any(s => s.UseTurnCredentials) && (TurnSecret is null || TurnSecret.Length < 16))
        {
            yield return new ValidationResult("Video:TurnSecret (16+ characters, the same as coturn's static-auth-secret) is required when a server uses TURN credentials.", [nameof(TurnSecret)]);
        }

        if (TurnCredentialLifetime <= TimeSpan.Zero || ConsultingSessionLifetime <= TimeSpan.Zero || GuestLinkLifetime <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Video: lifetimes must be positive.");
        }

        if (SignallingBurst < 1 || SignallingPerSecond < 1)
        {
            yield return new ValidationResult("Video:SignallingBurst and Video:SignallingPerSecond must be at least 1.");
        }
    }
}

public sealed class IceServerOptions
{
    public List<string> Urls { get; set; } = [];

    /// <summary>Give this server per-user TURN REST credentials (coturn <c>use-auth-secret</c>).</summary>
    public bool UseTurnCredentials { get; set; }
}

public enum ReferralFeePolicy
{
    /// <summary>The patient gets the visit fee back (the visit could not be completed online).</summary>
    FullRefund = 1,

    /// <summary>The fee is kept (the doctor's time was used); the in-person visit is paid separately.</summary>
    NoRefund = 2,
}
