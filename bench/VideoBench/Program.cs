using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.Common;
using InternetHospital.Application.VideoVisits.Guests;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.E2ETests.VideoVisits;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace InternetHospital.VideoBench;

// ./bench.sh video: five runs of a patient and a doctor joining a video visit on loopback, through the SPA, in headless
// Chromium with fake camera and microphone. Each run measures the doctor's admit click to the first decoded remote video
// frame on BOTH sides (the call is up for both), and, in the same browser and the same run, the same thing for two bare
// RTCPeerConnections in one page (offer/answer and candidates handed over directly). Prints one line; writes JSON.
// ./bench.sh video-sfu (--sfu --janus-pid PID): the same five runs with the app in Janus mode (Video:Media = Janus, the
// throwaway Janus bench.sh starts), then a room of --participants people (default 10: the patient, the doctor and guests
// let in by link, each in its own browser context of the one Chromium, each a publisher of the Janus room). The room's
// fake cameras are 320x180 at up to 10 fps (one layer; ten senders and ninety receivers at 640x480/30 do not fit in one
// browser on two cores); what each page really sends is read back into the JSON. Measured from the doctor's first
// "Let ... in" click until every page sees framesDecoded advance on its inbound video from every other participant
// (room_full_ms), then 10 s of the full room (still decoding from everyone at its end): cpu_api_pct and
// cpu_janus_pct are the CPU time (utime + stime from /proc/PID/stat, through Process.TotalProcessorTime) the API process
// and the Janus process used over that whole phase, as a percentage of ONE core (200 = both cores of a 2-core machine).
// Note: the API runs in this process (the E2E tests' in-process Kestrel host), so cpu_api_pct also holds the Playwright
// client that drives the browser (a getStats poll of each page every half second while the room fills, one at the start of the
// 10 s hold); the JSON splits the phase into filling and full.
internal static class VideoBenchmark
{
    /// <summary>
    /// Measures inside the page, on the wall clock both pages share: the admit click (capture phase), the first decoded
    /// remote video frame of any peer connection (getStats every 5 ms), and whether the visit hub's socket is open.
    /// </summary>
    private const string Probe = """
        (() => {
          window.__bench = { firstFrameAt: null, admitAt: null, hubOpen: false };
          const NativePc = window.RTCPeerConnection;
          window.RTCPeerConnection = class extends NativePc {
            constructor(...args) {
              super(...args);
              const pc = this;
              const poll = async () => {
                if (window.__bench.firstFrameAt !== null || pc.connectionState === 'closed') return;
                let frames = 0;
                (await pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0; });
                if (frames > 0 && window.__bench.firstFrameAt === null) { window.__bench.firstFrameAt = Date.now(); return; }
                setTimeout(poll, 5);
              };
              setTimeout(poll, 5);
            }
          };
          const NativeSocket = window.WebSocket;
          window.WebSocket = class extends NativeSocket {
            constructor(url, protocols) {
              super(url, protocols);
              if (String(url).includes('/hubs/visits')) this.addEventListener('open', () => { window.__bench.hubOpen = true; });
            }
          };
          document.addEventListener('click', event => {
            const button = event.target.closest && event.target.closest('button');
            if (button && button.textContent.trim() === 'Admit patient') window.__bench.admitAt = Date.now();
          }, true);
        })();
        """;

    /// <summary>Two RTCPeerConnections in one page, each sending fake camera video: creation to first decoded frame on both.</summary>
    private const int HoldSeconds = 10;

    private const float StepTimeout = 120_000;

    private const string BarePeerConnections = """
        async () => {
          const constraints = { audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 } } };
          const one = await navigator.mediaDevices.getUserMedia(constraints);
          const two = await navigator.mediaDevices.getUserMedia(constraints);
          const started = Date.now();
          const a = new RTCPeerConnection(), b = new RTCPeerConnection();
          a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);
          b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);
          one.getTracks().forEach(t => a.addTrack(t, one));
          two.getTracks().forEach(t => b.addTrack(t, two));
          await a.setLocalDescription();
          await b.setRemoteDescription(a.localDescription);
          await b.setLocalDescription();
          await a.setRemoteDescription(b.localDescription);
          const frames = async pc => { let f = 0; (await pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') f += s.framesDecoded ?? 0; }); return f; };
          let doneA = null, doneB = null;
          while (doneA === null || doneB === null) {
            if (doneA === null && await frames(a) > 0) doneA = Date.now();
            if (doneB === null && await frames(b) > 0) doneB = Date.now();
            if (Date.now() - started > 30000) throw new Error('no frames in 30 s');
            await new Promise(r => setTimeout(r, 5));
          }
          a.close(); b.close();
          one.getTracks().forEach(t => t.stop()); two.getTracks().forEach(t => t.stop());
          return Math.max(doneA, doneB) - started;
        }
        """;

    /// <summary>Every open peer connection of the page, for counting from how many others it decodes video (--sfu).</summary>
    private const string PeerList = """
        (() => {
          window.__benchPeers = [];
          const Native = window.RTCPeerConnection;
          window.RTCPeerConnection = class extends Native {
            constructor(...args) { super(...args); window.__benchPeers.push(this); }
          };
        })();
        """;

    /// <summary>
    /// How many open peer connections of the page are decoding video (through Janus: one per other participant): inbound
    /// framesDecoded seen to advance between two calls of this function, not just a first frame. Once seen it counts
    /// (on a loaded machine a stream can pause for longer than the poll); the hold checks that all still advance.
    /// </summary>
    private const string DecodingFrom = """
        async () => {
          const seen = window.__benchFrames ??= new Map();
          let n = 0;
          for (const pc of window.__benchPeers ?? []) {
            if (pc.connectionState === 'closed') continue;
            let frames = 0;
            (await pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0; });
            const last = seen.get(pc);
            const advanced = (last?.advanced ?? false) || (last !== undefined && frames > last.frames);
            seen.set(pc, { frames, advanced });
            if (advanced) n++;
          }
          return n;
        }
        """;

    /// <summary>For a room that does not fill: each open peer connection's states and inbound video frames, as text.</summary>
    private const string PeerStates = """
        async () => {
          const lines = [];
          for (const pc of window.__benchPeers ?? []) {
            if (pc.connectionState === 'closed') continue;
            let frames = null, packets = 0;
            (await pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') { frames = (frames ?? 0) + (s.framesDecoded ?? 0); packets += s.packetsReceived ?? 0; } });
            lines.push(`${pc.connectionState}/${pc.iceConnectionState}/${pc.signalingState} ` + (frames === null ? 'no inbound video' : `frames ${frames} packets ${packets}`));
          }
          return lines.join('; ');
        }
        """;

    /// <summary>
    /// 'mark': remembers every open connection's inbound framesDecoded; 'check': how many of them decoded more frames
    /// since the mark (the hold of the full room: everyone still decoding everyone at its end).
    /// </summary>
    private const string DecodingSinceMark = """
        async mode => {
          const frames = async pc => { let f = 0; (await pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') f += s.framesDecoded ?? 0; }); return f; };
          const open = (window.__benchPeers ?? []).filter(pc => pc.connectionState !== 'closed');
          if (mode === 'mark') {
            window.__benchMark = new Map();
            for (const pc of open) window.__benchMark.set(pc, await frames(pc));
            return open.length;
          }
          let n = 0;
          for (const pc of open) if (window.__benchMark.has(pc) && await frames(pc) > window.__benchMark.get(pc)) n++;
          return n;
        }
        """;

    /// <summary>
    /// The room's fake cameras: 320x180 at up to 10 frames a second instead of the SPA's 640x480 ideal (Chromium's fake
    /// device is cropped and scaled to the constraints, and frames are dropped to the rate). Ten senders and ninety
    /// receivers in one browser on two cores cannot run at 640x480/30; a tile in a grid of ten is about this size, and
    /// below 640 px the SPA publishes one layer instead of three (no simulcast). What each page really sends is read back
    /// (<see cref="CaptureOf"/>) and reported.
    /// </summary>
    private const string SmallCamera = """
        (() => {
          const devices = navigator.mediaDevices;
          if (!devices) return;
          const native = devices.getUserMedia.bind(devices);
          devices.getUserMedia = constraints => {
            if (!constraints || !constraints.video) return native(constraints);
            const video = typeof constraints.video === 'object' ? constraints.video : {};
            return native({ ...constraints, video: { ...video, width: { exact: 320 }, height: { exact: 180 }, frameRate: { max: 10 } } });
          };
        })();
        """;

    /// <summary>What the page's published video is: the camera track's settings and the sender's encoded size and rate.</summary>
    private const string CaptureOf = """
        async () => {
          for (const pc of window.__benchPeers ?? []) {
            if (pc.connectionState === 'closed') continue;
            const sender = pc.getSenders().find(s => s.track && s.track.kind === 'video');
            if (!sender) continue;
            const settings = sender.track.getSettings();
            const layers = [];
            (await pc.getStats()).forEach(s => { if (s.type === 'outbound-rtp' && s.kind === 'video') layers.push({ width: s.frameWidth ?? 0, height: s.frameHeight ?? 0, fps: s.framesPerSecond ?? 0 }); });
            return { track: { width: settings.width ?? 0, height: settings.height ?? 0, fps: settings.frameRate ?? 0 }, layers };
          }
          return null;
        }
        """;

    public static async Task Main(string[] args)
    {
        var root = Path.GetFullPath(Arg("--root") ?? Directory.GetCurrentDirectory());
        var sfu = args.Contains("--sfu");
        var output = Arg("--out") ?? Path.Combine(root, "artifacts", "bench", sfu ? "video-sfu.json" : "video.json");
        // Note: outside a test project the factory cannot find the solution by itself; point it at the API project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INTERNETHOSPITAL_API", Path.Combine(root, "src", "InternetHospital.Api"));

        if (!sfu)
        {
            // The E2E tests' app: Kestrel on a free loopback port, SQLite in a temp folder, demo data, the built SPA, and the
            // same headless Chromium with fake camera and microphone.
            var app = new AppFixture();
            await app.InitializeAsync();
            try
            {
                await RunAsync(new Target(app.BaseUrl, app.Services, () => app.NewPageAsync()), output, room: null);
            }
            finally
            {
                await app.DisposeAsync();
            }

            return;
        }

        // The E2E tests' Janus host (IH_TEST_JANUS_* from bench.sh) and their browser, without the mesh app beside it,
        // so that this process's CPU is the Janus-mode API's (and the driver's) only.
        var janus = Process.GetProcessById(int.Parse(Arg("--janus-pid") ?? throw new ArgumentException("--janus-pid is required with --sfu"), CultureInfo.InvariantCulture));
        var participants = int.Parse(Arg("--participants") ?? "10", CultureInfo.InvariantCulture);
        // Note: fewer runs only to try the room out; the printed line says how many there were.
        var runCount = int.Parse(Arg("--runs") ?? "5", CultureInfo.InvariantCulture);
        var host = new JanusHost();
        await host.InitializeAsync();
        using var playwright = await Playwright.CreateAsync();
        var browser = await AppFixture.LaunchBrowserAsync(playwright);
        try
        {
            var target = new Target(host.BaseUrl, host.Services, async () =>
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                return await context.NewPageAsync();
            });
            await RunAsync(target, output, new RoomSettings(participants, janus), runCount);
        }
        finally
        {
            await browser.CloseAsync();
            await host.DisposeAsync();
        }

        string? Arg(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
    }

    private static async Task RunAsync(Target app, string output, RoomSettings? room, int Runs = 5)
    {
        const string Password = "a long walk along the river";
        const string DoctorEmail = "dr.li@demo.test";
        const string DemoPassword = "Demo-Pass-2026";
        var baseUrl = app.BaseUrl;

        var runs = new List<RunResult>();
        var sessionConfirmed = false;
        for (var run = 1; run <= Runs; run++)
        {
            var name = "测试" + run.ToString(CultureInfo.InvariantCulture);
            var patient = await NewPageAsync();
            var email = await RegisterAsync(patient, name);
            await BookAsync(email);
            await SignInAsync(patient, email, Password, "My health");
            await patient.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
            await patient.GetByRole(AriaRole.Link, new() { Name = "Enter the waiting room" }).ClickAsync();
            await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
            await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
            await patient.GetByText("You are checked in.").WaitForAsync();
            await patient.WaitForFunctionAsync("() => window.__bench.hubOpen");

            var doctor = await NewPageAsync();
            await SignInAsync(doctor, DoctorEmail, DemoPassword, "Workspace");
            await doctor.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
            if (!sessionConfirmed)
            {
                await doctor.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoPassword);
                await doctor.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
                sessionConfirmed = true;
            }

            await doctor.GetByText("Your session is confirmed until").WaitForAsync();
            await doctor.GetByRole(AriaRole.Link, new() { Name = $"Open visit: {name}" }).ClickAsync();
            await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).WaitForAsync();
            await doctor.WaitForFunctionAsync("() => window.__bench.hubOpen && [...document.querySelectorAll('video')].some(v => v.readyState >= 2)");

            // Note: both signalling connections have just opened; let their JoinVisit round trips finish before the click.
            await Task.Delay(500);
            await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();
            var doctorFrame = await WaitForFirstFrameAsync(doctor);
            var patientFrame = await WaitForFirstFrameAsync(patient);
            var admitAt = await doctor.EvaluateAsync<double>("() => window.__bench.admitAt");
            var call = Math.Max(doctorFrame, patientFrame) - admitAt;

            var bare = await NewPageAsync();
            await bare.GotoAsync("/");
            var raw = await bare.EvaluateAsync<double>(BarePeerConnections);

            runs.Add(new RunResult(run, Math.Round(call), Math.Round(doctorFrame - admitAt), Math.Round(patientFrame - admitAt), Math.Round(raw)));
            Console.Error.WriteLine($"run {run}: admit to first frame on both sides {call:0} ms (doctor {doctorFrame - admitAt:0}, patient {patientFrame - admitAt:0}); bare RTCPeerConnections {raw:0} ms");
            foreach (var page in new[] { patient, doctor, bare })
            {
                await page.Context.CloseAsync();
            }
        }

        var p50 = Median(runs.Select(r => r.FirstFrameMs));
        var max = runs.Max(r => r.FirstFrameMs);
        var rawP50 = Median(runs.Select(r => r.RawWebRtcMs));
        var ratio = rawP50 > 0 ? p50 / rawP50 : 0;
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        if (room is not null)
        {
            var full = await RoomAsync(room);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(
                new
                {
                    runs = Runs,
                    first_frame_ms_p50 = p50,
                    first_frame_ms_max = max,
                    raw_webrtc_ms_p50 = rawP50,
                    ratio = Math.Round(ratio, 2),
                    participants = room.Participants,
                    room_full_ms = full.FullMs,
                    janus_publishers = full.JanusPublishers,
                    cpu_api_pct = full.ApiPct,
                    cpu_janus_pct = full.JanusPct,
                    filling = new { seconds = Math.Round(full.FullMs / 1000, 1), cpu_api_pct = full.FillingApiPct, cpu_janus_pct = full.FillingJanusPct },
                    full_room = new { seconds = HoldSeconds, cpu_api_pct = full.HoldApiPct, cpu_janus_pct = full.HoldJanusPct },
                    media = "Janus VideoRoom (Video:Media = Janus): each browser publishes once and subscribes to every other feed (one subscriber peer connection each)",
                    room_capture = new
                    {
                        constraints = "the room's fake cameras: getUserMedia video width 320, height 180 (exact), frameRate max 10; the SPA publishes one layer below 640 px (no simulcast); the five runs keep the SPA's 640x480",
                        per_participant = full.Captures.Select(c => new
                        {
                            track = new { width = c.Track.Width, height = c.Track.Height, fps = c.Track.Fps },
                            sent = c.Layers.Select(l => new { width = l.Width, height = l.Height, fps = l.Fps }),
                        }),
                    },
                    measured = "runs: the doctor's admit click to the first decoded remote video frame on both sides, through Janus; room: the doctor's first 'Let ... in' click until every page sees framesDecoded advance on its inbound video from every other participant (getStats, one subscriber connection per other publisher), then a 10 s hold of the full room after which each page must still be decoding from all of them",
                    cpu = "utime + stime from /proc/PID/stat (Process.TotalProcessorTime) over the room phase (filling + 10 s full), as a % of one core; the API is in the benchmark's process (with the Playwright client)",
                    environment = new { browser = "Debian Chromium, headless, fake media devices, one browser context per participant", network = "loopback, host candidates", database = "SQLite", cores = Environment.ProcessorCount },
                    details = runs,
                },
                new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"video-sfu: runs={Runs} first_frame_ms_p50={p50:0} first_frame_ms_max={max:0} participants={room.Participants} cpu_api_pct={full.ApiPct:0.0} cpu_janus_pct={full.JanusPct:0.0}"));
            return;
        }

        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(
            new
            {
                runs = Runs,
                first_frame_ms_p50 = p50,
                first_frame_ms_max = max,
                raw_webrtc_ms_p50 = rawP50,
                ratio = Math.Round(ratio, 2),
                measured = "doctor's admit click to the first decoded remote video frame on both the doctor's and the patient's side (getStats inbound-rtp framesDecoded > 0)",
                baseline = "two RTCPeerConnections in one page of the same browser, each sending fake camera video; creation to first decoded frame on both",
                environment = new { browser = "Debian Chromium, headless, fake media devices", network = "loopback, host candidates", database = "SQLite", cores = Environment.ProcessorCount },
                details = runs,
            },
            new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"video: runs={Runs} first_frame_ms_p50={p50:0} first_frame_ms_max={max:0} raw_webrtc_ms_p50={rawP50:0} ratio={ratio:0.00}"));

        // The room: a new patient admitted by the same doctor, then guests let in by link one after the other.
        async Task<RoomResult> RoomAsync(RoomSettings settings)
        {
            var patient = await RoomPageAsync();
            var email = await RegisterAsync(patient, "测试会诊");
            var visitId = await BookAsync(email);
            await SignInAsync(patient, email, Password, "My health");
            await patient.GotoAsync($"/visits/{visitId}");
            await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
            await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
            await patient.GetByText("You are checked in.").WaitForAsync();

            var doctor = await RoomPageAsync();
            await SignInAsync(doctor, DoctorEmail, DemoPassword, "Workspace");
            await doctor.GotoAsync($"/visits/{visitId}");
            await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();
            await WaitForFirstFrameAsync(doctor);
            await WaitForFirstFrameAsync(patient);

            var guests = new List<(IPage Page, string Name)>();
            for (var i = 1; i <= settings.Participants - 2; i++)
            {
                var name = "Guest " + i.ToString(CultureInfo.InvariantCulture);
                var guest = await RoomPageAsync();
                await guest.GotoAsync(await GuestLinkAsync(visitId));
                await guest.GetByLabel("Your name").FillAsync(name);
                await guest.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
                await guest.GetByText("Please wait: the doctor will let you in.").WaitForAsync();
                await guest.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
                guests.Add((guest, name));
            }

            var pages = new[] { patient, doctor }.Concat(guests.Select(g => g.Page)).ToList();
            var others = settings.Participants - 1;
            var atStart = Cpu(settings.Janus);
            foreach (var (_, name) in guests)
            {
                await doctor.GetByRole(AriaRole.Button, new() { Name = $"Let {name} in" }).ClickAsync();
            }

            // Note: a condition, not a time: every page must see frames advance from every other participant (Janus
            // counts each as a publisher of the room). Generous, because on a loaded shared machine this takes long.
            var deadline = DateTime.UtcNow.AddMinutes(10);
            var lastReport = DateTime.UtcNow;
            var counts = new int[pages.Count];
            var waiting = Enumerable.Range(0, pages.Count).ToList();
            while (waiting.Count > 0)
            {
                foreach (var index in waiting.ToList())
                {
                    counts[index] = await pages[index].EvaluateAsync<int>(DecodingFrom);
                    if (counts[index] >= others)
                    {
                        waiting.Remove(index);
                    }
                }

                if (waiting.Count == 0)
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    foreach (var index in waiting)
                    {
                        Console.Error.WriteLine($"room: page {index + 1} (decoding from {counts[index]}): {await pages[index].EvaluateAsync<string>(PeerStates)}");
                    }

                    throw new TimeoutException($"{waiting.Count} of {pages.Count} pages did not decode video from all {others} others within 10 minutes (decoding from: {string.Join(", ", counts)}).");
                }

                if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(30))
                {
                    lastReport = DateTime.UtcNow;
                    Console.Error.WriteLine($"room: filling, {waiting.Count} pages still waiting (decoding from: {string.Join(", ", counts)})");
                }

                await Task.Delay(500);
            }

            var atFull = Cpu(settings.Janus);
            // Note: the baseline for "still decoding at the end of the hold" (frames advance during the hold).
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync<int>(DecodingSinceMark, "mark")));
            // Note: a fixed hold on purpose: what is measured here is the CPU of a full room over a known time.
            await Task.Delay(TimeSpan.FromSeconds(HoldSeconds));
            var atEnd = Cpu(settings.Janus);
            var stillDecoding = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<int>(DecodingSinceMark, "check")));
            if (stillDecoding.Any(n => n < others))
            {
                throw new InvalidOperationException("A participant stopped decoding someone during the hold (decoding from: " + string.Join(", ", stillDecoding) + ")");
            }

            // Note: and every one of them is a publisher Janus counts in the visit's room (not only pages that receive).
            var publishers = await JanusPublishersAsync(visitId);
            if (publishers != settings.Participants)
            {
                throw new InvalidOperationException($"Janus counts {publishers} publishers in the visit's room, not {settings.Participants}.");
            }

            var captures = new List<Capture>();
            foreach (var page in pages)
            {
                captures.Add(ReadCapture(await page.EvaluateAsync<JsonElement?>(CaptureOf)) ?? throw new InvalidOperationException("A participant of the room publishes no video."));
            }

            var capture = captures[0];
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"room: {settings.Participants} participants decoding each other after {(atFull.At - atStart.At).TotalMilliseconds:0} ms; API {Pct(atStart, atEnd, c => c.Api):0.0}% and Janus {Pct(atStart, atEnd, c => c.Janus):0.0}% of one core (filling {Pct(atStart, atFull, c => c.Api):0.0}/{Pct(atStart, atFull, c => c.Janus):0.0}, full {Pct(atFull, atEnd, c => c.Api):0.0}/{Pct(atFull, atEnd, c => c.Janus):0.0}); {publishers} publishers in the Janus room; camera {capture.Track.Width}x{capture.Track.Height}@{capture.Track.Fps:0}, sent {string.Join(" + ", capture.Layers.Select(l => $"{l.Width}x{l.Height}@{l.Fps:0}"))}"));
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }

            return new RoomResult(
                Math.Round((atFull.At - atStart.At).TotalMilliseconds),
                Pct(atStart, atEnd, c => c.Api), Pct(atStart, atEnd, c => c.Janus),
                Pct(atStart, atFull, c => c.Api), Pct(atStart, atFull, c => c.Janus),
                Pct(atFull, atEnd, c => c.Api), Pct(atFull, atEnd, c => c.Janus),
                publishers,
                captures);
        }

        // The VideoRoom's own view (admin API, as the API's JanusMediaServer asks it): the visit's room by its description,
        // then its participants that publish.
        static async Task<int> JanusPublishersAsync(Guid visitId)
        {
            using var http = new HttpClient();
            var admin = Environment.GetEnvironmentVariable("IH_TEST_JANUS_ADMIN")!;
            var secret = Environment.GetEnvironmentVariable("IH_TEST_JANUS_ADMIN_SECRET")!;
            async Task<JsonElement> Room(object request)
            {
                using var response = await http.PostAsJsonAsync(admin, new { janus = "message_plugin", plugin = "janus.plugin.videoroom", request, transaction = Guid.NewGuid().ToString("N"), admin_secret = secret });
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("response");
            }

            var rooms = await Room(new { request = "list", admin_key = secret });
            var room = rooms.GetProperty("list").EnumerateArray()
                .Single(r => r.TryGetProperty("description", out var d) && d.GetString() == "ih-visit:" + visitId.ToString("N"))
                .GetProperty("room").GetInt64();
            var participants = await Room(new { request = "listparticipants", room });
            return participants.GetProperty("participants").EnumerateArray().Count(p => p.TryGetProperty("publisher", out var publisher) && publisher.GetBoolean());
        }

        static Capture? ReadCapture(JsonElement? value)
        {
            if (value is not { ValueKind: JsonValueKind.Object } json)
            {
                return null;
            }

            static Frame FrameOf(JsonElement e) => new(e.GetProperty("width").GetDouble(), e.GetProperty("height").GetDouble(), Math.Round(e.GetProperty("fps").GetDouble(), 1));
            return new Capture(FrameOf(json.GetProperty("track")), json.GetProperty("layers").EnumerateArray().Select(FrameOf).ToArray());
        }

        async Task<IPage> RoomPageAsync()
        {
            var page = await NewPageAsync();
            await page.AddInitScriptAsync(PeerList);
            await page.AddInitScriptAsync(SmallCamera);
            return page;
        }

        // A guest link of the visit as the doctor's invitation makes it (the e-mail is not needed to open it).
        async Task<string> GuestLinkAsync(Guid visitId)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            var doctorAccount = await db.Users.Where(u => u.Email == DoctorEmail).Select(u => u.Id).SingleAsync();
            var token = GuestLinks.NewToken();
            db.VisitGuests.Add(VisitGuest.Invite(visitId, GuestRole.Relative, GuestLinks.Hash(token), $"guest.{Guid.NewGuid():N}@example.test", doctorAccount, now.AddHours(4), now));
            await db.SaveChangesAsync();
            return baseUrl + GuestLinks.PathPrefix + token;
        }

        static CpuSample Cpu(Process janus)
        {
            using var self = Process.GetCurrentProcess();
            janus.Refresh();
            return new CpuSample(DateTime.UtcNow, self.TotalProcessorTime, janus.TotalProcessorTime);
        }

        static double Pct(CpuSample from, CpuSample to, Func<CpuSample, TimeSpan> of) =>
            Math.Round(100 * (of(to) - of(from)).TotalSeconds / (to.At - from.At).TotalSeconds, 1);

        async Task<IPage> NewPageAsync()
        {
            var page = await app.NewPageAsync();
            // Note: a benchmark fails only when something breaks: on a loaded shared machine a step can take long.
            page.Context.SetDefaultTimeout(StepTimeout);
            await page.AddInitScriptAsync(Probe);
            return page;
        }

        async Task<double> WaitForFirstFrameAsync(IPage page)
        {
            await page.WaitForFunctionAsync("() => window.__bench.firstFrameAt !== null", null, new() { Timeout = StepTimeout });
            return await page.EvaluateAsync<double>("() => window.__bench.firstFrameAt");
        }

        async Task SignInAsync(IPage page, string email, string password, string home)
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = home, Level = 1 }).WaitForAsync();
        }

        async Task<string> RegisterAsync(IPage page, string fullName)
        {
            var address = $"bench.{Guid.NewGuid():N}@example.test";
            var dateOfBirth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 15_000));
            var first17 = $"{Random.Shared.Next(110000, 660000)}{dateOfBirth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2:000}";
            var response = await page.APIRequest.PostAsync($"{baseUrl}/api/account/register", new()
            {
                DataObject = new
                {
                    fullName, idType = "ResidentId", idNumber = first17 + ResidentIdNumber.CheckCharacterFor(first17),
                    dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sex = "Female", mobile = "13700000000", email = address, password = Password,
                },
            });
            if (response.Status != 201)
            {
                throw new InvalidOperationException("Registration failed: " + await response.TextAsync());
            }

            return address;
        }

        // A free video appointment with dr.li starting in a few minutes (check-in open), put in place through the aggregate.
        async Task<Guid> BookAsync(string patientEmail)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var zone = scope.ServiceProvider.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZoneInfo;
            var now = DateTimeOffset.UtcNow;
            var account = await db.Users.SingleAsync(u => u.Email == patientEmail);
            var patientId = await db.PatientAccesses.Where(a => a.AccountId == account.Id).Select(a => a.PatientId).SingleAsync();
            var doctorAccount = await db.Users.Where(u => u.Email == DoctorEmail).Select(u => u.Id).SingleAsync();
            var doctor = await db.Doctors.SingleAsync(d => d.AccountId == doctorAccount);
            var start = now.AddMinutes(5).AddTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerMinute));
            var slot = Slot.Create(doctor.Id, doctor.DepartmentId, new PlannedSlot(start, start.AddMinutes(15), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime), Guid.NewGuid(), false, true));
            db.Slots.Add(slot);
            var appointment = Appointment.Hold(new NewAppointment(patientId, account.Id, slot, VisitType.Video, 0m, "CNY", FollowUpBasis.HisDiagnosis, "I10", null, now.AddMinutes(15)), now);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment.Id;
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}

internal sealed record Target(string BaseUrl, IServiceProvider Services, Func<Task<IPage>> NewPageAsync);

internal sealed record RoomSettings(int Participants, Process Janus);

internal sealed record CpuSample(DateTime At, TimeSpan Api, TimeSpan Janus);

internal sealed record RoomResult(double FullMs, double ApiPct, double JanusPct, double FillingApiPct, double FillingJanusPct, double HoldApiPct, double HoldJanusPct, int JanusPublishers, IReadOnlyList<Capture> Captures);

internal sealed record Capture(Frame Track, Frame[] Layers);

internal sealed record Frame(double Width, double Height, double Fps);

internal sealed record RunResult(int Run, double FirstFrameMs, double DoctorFirstFrameMs, double PatientFirstFrameMs, double RawWebRtcMs);
