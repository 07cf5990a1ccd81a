using System.Text.Json;
using Microsoft.Playwright;

namespace InternetHospital.E2ETests.Infrastructure;

/// <summary>
/// What a page's WebRTC really does, read from the browser rather than the UI: <see cref="InstallAsync(IBrowserContext)"/>
/// keeps every RTCPeerConnection the page creates and counts its camera/microphone requests; <see cref="PeersAsync"/>
/// reads each open connection's getStats (video frames decoded, audio packets received per m-line, tracks sent) and
/// whether its far end is Janus; the waits poll that until the call does what a person would see.
/// </summary>
public static class MediaProbe
{
    /// <summary>Runs before the page's own scripts (an init script), so the SPA's connections are the wrapped class.</summary>
    private const string Script = """
        (() => {
          const Native = window.RTCPeerConnection;
          window.__ihPeers = [];
          window.RTCPeerConnection = class extends Native {
            constructor(...args) { super(...args); window.__ihPeers.push(this); }
          };
          window.__ihMediaRequests = 0;
          const devices = navigator.mediaDevices;
          if (devices) {
            for (const name of ['getUserMedia', 'getDisplayMedia']) {
              const original = devices[name]?.bind(devices);
              if (original) devices[name] = (...args) => { window.__ihMediaRequests++; return original(...args); };
            }
          }
        })();
        """;

    /// <summary>One entry per open peer connection.</summary>
    private const string Read = """
        async () => {
          const result = [];
          for (const pc of window.__ihPeers ?? []) {
            if (pc.connectionState === 'closed') continue;
            let frames = 0;
            const audio = {};
            (await pc.getStats()).forEach(s => {
              if (s.type !== 'inbound-rtp') return;
              if (s.kind === 'video') frames += Number(s.framesDecoded) || 0;
              const mid = String(s.mid ?? '?');
              if (s.kind === 'audio') audio[mid] = (audio[mid] ?? 0) + (Number(s.packetsReceived) || 0);
            });
            const sdp = pc.remoteDescription?.sdp ?? '';
            result.push({
              frames,
              audio,
              sending: pc.getSenders().filter(s => s.track !== null).length,
              janus: /^a=msid-semantic: ?WMS janus/m.test(sdp),
              state: pc.connectionState,
            });
          }
          return result;
        }
        """;

    /// <summary>Where each peer connection stands (for a failure message: which step of negotiation stopped).</summary>
    private const string States = """
        () => JSON.stringify((window.__ihPeers ?? []).map(pc => ({
          signaling: pc.signalingState, ice: pc.iceConnectionState, gathering: pc.iceGatheringState, connection: pc.connectionState,
          local: pc.localDescription?.type ?? null, remote: pc.remoteDescription?.type ?? null,
          transceivers: pc.getTransceivers().map(t => `${t.mid}:${t.receiver.track.kind}:${t.currentDirection ?? t.direction}`),
        })))
        """;

    public static Task InstallAsync(this IBrowserContext context) => context.AddInitScriptAsync(Script);

    public static Task InstallAsync(this IPage page) => page.AddInitScriptAsync(Script);

    /// <summary>The page's open peer connections as they are now.</summary>
    public static async Task<IReadOnlyList<PeerMedia>> PeersAsync(this IPage page) =>
        (await page.EvaluateAsync<JsonElement>(Read)).EnumerateArray().Select(PeerMedia.From).ToList();

    /// <summary>How often the page asked for a camera, a microphone or the screen.</summary>
    public static Task<int> MediaRequestsAsync(this IPage page) => page.EvaluateAsync<int>("() => window.__ihMediaRequests ?? 0");

    /// <summary>Each peer connection's signalling, ICE and transceiver state, as JSON (for failure messages).</summary>
    public static Task<string> PeerStatesAsync(this IPage page) => page.EvaluateAsync<string>(States);

    /// <summary>Until the page decodes video from <paramref name="from"/> peer connections; returns what it read last.</summary>
    /// <param name="explain">More to say when it does not happen (other pages, their consoles).</param>
    public static Task<IReadOnlyList<PeerMedia>> WaitForVideoAsync(this IPage page, int from = 1, int seconds = 30, Func<Task<string>>? explain = null) =>
        page.WaitForMediaAsync(peers => peers.Count(p => p.Frames > 0) >= from, $"decoded video from {from} peer connection(s)", seconds, explain);

    /// <summary>Until the page has decoded <paramref name="more"/> frames more than now: the picture moves, not just arrived once.</summary>
    public static async Task<IReadOnlyList<PeerMedia>> WaitForMoreFramesAsync(this IPage page, long more = 10, int seconds = 30, Func<Task<string>>? explain = null)
    {
        var before = (await page.PeersAsync()).Sum(p => p.Frames);
        return await page.WaitForMediaAsync(peers => peers.Sum(p => p.Frames) >= before + more, $"{more} more decoded frames than {before}", seconds, explain);
    }

    /// <summary>Polls <see cref="PeersAsync"/> until <paramref name="done"/> (getStats is async: Playwright's WaitForFunction would not await it).</summary>
    public static async Task<IReadOnlyList<PeerMedia>> WaitForMediaAsync(this IPage page, Func<IReadOnlyList<PeerMedia>, bool> done, string what, int seconds = 30, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        IReadOnlyList<PeerMedia> last;
        do
        {
            last = await page.PeersAsync();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        var more = explain is null ? $"peer connections: {await page.PeerStatesAsync()}" : await explain();
        Assert.Fail($"Waited {seconds} s for {what} on {page.Url}; connections: [{string.Join(", ", last)}]{Environment.NewLine}{more}");
        return last;
    }
}

/// <param name="Frames">Video frames decoded (all inbound video of the connection).</param>
/// <param name="AudioPackets">Audio packets received, by m-line mid.</param>
/// <param name="Sending">Tracks the connection sends (0: receive only).</param>
/// <param name="Janus">Whether the far end is Janus (its SDP's stream ids are all "janus"), not another browser.</param>
public sealed record PeerMedia(long Frames, IReadOnlyDictionary<string, long> AudioPackets, int Sending, bool Janus, string State)
{
    internal static PeerMedia From(JsonElement peer) => new(
        Count(peer.GetProperty("frames")),
        peer.GetProperty("audio").EnumerateObject().ToDictionary(a => a.Name, a => Count(a.Value)),
        peer.GetProperty("sending").GetInt32(),
        peer.GetProperty("janus").GetBoolean(),
        peer.GetProperty("state").GetString() ?? string.Empty);

    // Note: Playwright hands some numbers over as strings (e.g. large or special values); read either.
    private static long Count(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? (long)value.GetDouble() : long.TryParse(value.GetString(), out var number) ? number : 0;

    public override string ToString() =>
        $"{{frames {Frames}, audio {string.Join(' ', AudioPackets.Select(a => $"{a.Key}:{a.Value}"))}, sending {Sending}, janus {Janus}, {State}}}";
}
