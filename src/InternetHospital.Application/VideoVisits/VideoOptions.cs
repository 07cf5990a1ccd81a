using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.VideoVisits;

/// <summary>Section <c>Video</c>: the media path, ICE servers for WebRTC, TURN credentials and the rules of the waiting room.</summary>
public sealed class VideoOptions : IValidatableObject
{
    public const string Section = "Video";

    /// <summary>
    /// How media flows: <c>Mesh</c> (browser to browser, signalled through the hub; no server needed) or <c>Janus</c>
    /// (every browser publishes once to a Janus VideoRoom and subscribes to the others there; section <c>Video:Janus</c>).
    /// </summary>
    public MediaPath Media { get; set; } = MediaPath.Mesh;

    public JanusOptions Janus { get; set; } = new();

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

    /// <summary>Teaching broadcasts of a call to watching staff (Janus only).</summary>
    public BroadcastOptions Broadcast { get; set; } = new();

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

        if (Broadcast.MaxViewers < 1)
        {
            yield return new ValidationResult("Video:Broadcast:MaxViewers must be at least 1.");
        }

        if (Broadcast.FollowInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Video:Broadcast:FollowInterval must be positive.");
        }

        if (SignallingBurst < 1 || SignallingPerSecond < 1)
        {
            yield return new ValidationResult("Video:SignallingBurst and Video:SignallingPerSecond must be at least 1.");
        }

        if (Media == MediaPath.Janus)
        {
            foreach (var failure in Janus.Validate())
            {
                yield return failure;
            }
        }
    }
}

public sealed class IceServerOptions
{
    public List<string> Urls { get; set; } = [];

    /// <summary>Give this server per-user TURN REST credentials (coturn <c>use-auth-secret</c>).</summary>
    public bool UseTurnCredentials { get; set; }
}

public enum MediaPath
{
    /// <summary>Browser to browser (at most <see cref="Domain.VideoVisits.VideoVisit.MaxParticipants"/> people): offers, answers and ICE candidates go through the hub.</summary>
    Mesh = 1,

    /// <summary>Through a Janus media server (VideoRoom plugin): one upload per browser, rooms larger than a mesh carries.</summary>
    Janus = 2,
}

/// <summary>Section <c>Video:Janus</c>: where the API and the browsers reach Janus (used when <c>Video:Media</c> is <c>Janus</c>).</summary>
/// <summary>Section <c>Video:Broadcast</c>.</summary>
public sealed class BroadcastOptions
{
    /// <summary>The most staff watching one broadcast at a time.</summary>
    public int MaxViewers { get; set; } = 100;

    /// <summary>
    /// How often the API checks whether a broadcaster (or commentator) reconnected and publishes under a new feed, to
    /// point the broadcast's forwarders at it: the longest a broadcast freezes after a doctor's reconnect, beyond Janus.
    /// </summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class JanusOptions
{
    /// <summary>Janus's HTTP transport as the API reaches it, e.g. <c>http://janus:8088/janus</c> (its <c>info</c> is the health probe).</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Janus's admin API, e.g. <c>http://janus:7088/admin</c>: tokens and every room request go through it.</summary>
    public Uri? AdminUrl { get; set; }

    /// <summary>Janus's <c>admin_secret</c>, also the VideoRoom plugin's <c>admin_key</c>; room secrets and participant tokens are derived from it.</summary>
    public string? AdminSecret { get; set; }

    /// <summary>What browsers connect to: Janus's WebSocket transport (<c>ws://</c> in Development, <c>wss://</c> elsewhere).</summary>
    public Uri? BrowserUrl { get; set; }

    /// <summary>Janus's recording root (<c>rec_dir</c>), a folder both Janus and the API can read.</summary>
    public string? RecordingDirectory { get; set; }

    /// <summary>The most people in one call through Janus (the room's publisher limit too).</summary>
    public int MaxParticipants { get; set; } = 12;

    /// <summary>How long one request to Janus may take before the call is refused as <c>media_unavailable</c>.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the sweep looks for rooms of visits that ended (when the end-of-visit cleanup could not reach Janus).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (ApiUrl is not { IsAbsoluteUri: true } || AdminUrl is not { IsAbsoluteUri: true })
        {
            yield return new ValidationResult("Video:Janus:ApiUrl and Video:Janus:AdminUrl (absolute http(s) URLs) are required when Video:Media is Janus.");
        }

        if (AdminSecret is null || AdminSecret.Length < 16)
        {
            yield return new ValidationResult("Video:Janus:AdminSecret (16+ characters, Janus's admin_secret and the VideoRoom admin_key) is required when Video:Media is Janus.");
        }

        if (BrowserUrl is not { IsAbsoluteUri: true } || (BrowserUrl.Scheme != "ws" && BrowserUrl.Scheme != "wss"))
        {
            yield return new ValidationResult("Video:Janus:BrowserUrl (ws:// or wss://, Janus's WebSocket transport as browsers reach it) is required when Video:Media is Janus.");
        }

        if (MaxParticipants is < 2 or > 100)
        {
            yield return new ValidationResult("Video:Janus:MaxParticipants must be between 2 and 100.");
        }

        if (RequestTimeout <= TimeSpan.Zero || SweepInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Video:Janus: RequestTimeout and SweepInterval must be positive.");
        }
    }
}

public enum ReferralFeePolicy
{
    /// <summary>The patient gets the visit fee back (the visit could not be completed online).</summary>
    FullRefund = 1,

    /// <summary>The fee is kept (the doctor's time was used); the in-person visit is paid separately.</summary>
    NoRefund = 2,
}
