using System.Text.Json;
using InternetHospital.Application.Common;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Scheduling;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.VideoVisits;

/// <summary>
/// The whole video visit through the SPA, with real WebRTC between headless Chromium contexts (fake camera and
/// microphone). "Live video" is asserted on getStats (inbound video frames decoded), not on the UI alone.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class VideoVisitJourneyTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    /// <summary>What each page wrote to its console (warnings and errors), for failure messages.</summary>
    private readonly Dictionary<IPage, List<string>> consoles = [];

    private const string Password = "a long walk along the river";

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_patient_and_doctor_meet_on_video_share_chat_and_a_photo_bring_in_a_specialist_and_the_patient_reads_the_signed_summary()
    {
        var (patient, visitId) = await PatientWithVisitAsync("钱晓红");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "Enter the waiting room" }).ClickAsync();
        await Expect(patient.Heading("Video visit")).ToBeVisibleAsync();

        // Device check: camera preview, microphone meter, a network check that reaches the hub and the ICE servers.
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Progressbar, new() { Name = "Microphone level" })).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check my connection" }).ClickAsync();
        await Expect(patient.GetByText("The hospital's server answered")).ToBeVisibleAsync();
        await Expect(patient.GetByText("Direct video connections are possible.")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();
        await Expect(patient.GetByText(new System.Text.RegularExpressions.Regex("^(You are next\\.|There is 1 patient before you\\.|There are \\d+ patients before you\\.)$"))).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();

        var doctor = await DoctorAtVisitAsync("dr.li@demo.test", "钱晓红", visitId);
        await Expect(doctor.GetByText("钱晓红 is waiting.")).ToBeVisibleAsync();
        await doctor.AssertAccessibleAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();

        // Both sides receive live video.
        await WaitForVideoAsync(patient, peers: 1);
        await WaitForVideoAsync(doctor, peers: 1);
        await Expect(doctor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connection:" }).First).ToBeVisibleAsync();

        // Chat: a message and a photo cross over.
        await patient.GetByLabel("Message").FillAsync("The rash has spread to my forearm.");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(doctor.GetByText("The rash has spread to my forearm.")).ToBeVisibleAsync();
        await patient.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "rash.png", MimeType = "image/png", Buffer = Png });
        await Expect(doctor.GetByRole(AriaRole.Img, new() { Name = "Shared image: rash.png" })).ToBeVisibleAsync();
        await Expect(patient.GetByRole(AriaRole.Img, new() { Name = "Shared image: rash.png" })).ToBeVisibleAsync();

        // Remote consultation: a dermatologist joins as the third participant, with video both ways.
        await doctor.GetByLabel("Doctor's name or department").FillAsync("Dermatology");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Invite 赵敏" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Button, new() { Name = "Invite 赵敏" })).ToBeDisabledAsync();
        var specialist = await NewPageAsync();
        await specialist.SignInAsync("dr.zhao@demo.test", PageExtensions.DemoPassword);
        await Expect(specialist.Heading("Workspace")).ToBeVisibleAsync();
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await specialist.ConfirmVisitSessionAsync();
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Join consultation" }).First.ClickAsync();
        await WaitForVideoAsync(specialist, peers: 2);
        await WaitForVideoAsync(doctor, peers: 2);
        await WaitForVideoAsync(patient, peers: 2);
        await specialist.AssertAccessibleAsync();

        // The doctor writes the note and completes the visit; the patient sees the summary.
        await doctor.GetByLabel("Chief complaint").FillAsync("皮疹扩散一周");
        await doctor.GetByLabel("Assessment").FillAsync("Contact dermatitis, improving.");
        await doctor.GetByLabel("Plan", new() { Exact = true }).FillAsync("Hydrocortisone 1% cream twice daily for 7 days.");
        await doctor.GetByLabel("Search ICD-10 by code or words").FillAsync("L23");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Add L23.9 Allergic contact dermatitis, unspecified cause" }).ClickAsync();
        await doctor.GetByLabel("Follow-up advice").FillAsync("Video follow-up in 2 weeks if not better.");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Complete visit and sign" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "Visit summary" })).ToBeVisibleAsync();
        await Expect(doctor.GetByText("Signed by 李伟")).ToBeVisibleAsync();

        await Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Visit summary" })).ToBeVisibleAsync();
        await Expect(patient.GetByText("Hydrocortisone 1% cream twice daily for 7 days.")).ToBeVisibleAsync();
        // The patient reads the diagnosis by its name; the code is for staff.
        await Expect(patient.GetByText("Allergic contact dermatitis, unspecified cause", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(patient.GetByText("L23.9 Allergic contact dermatitis, unspecified cause")).ToHaveCountAsync(0);
        await patient.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Someone_who_is_not_in_the_visit_is_refused()
    {
        var (patient, visitId) = await PatientWithVisitAsync("孙悦");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "Enter the waiting room" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();

        var outsider = await NewPageAsync();
        await outsider.SignInAsync(await RegisterAsync(outsider, "周文"), Password);
        await Expect(outsider.Heading("My health")).ToBeVisibleAsync();
        await outsider.GotoAsync($"/visits/{visitId}");
        await Expect(outsider.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This visit is not available to you.");

        var otherDoctor = await NewPageAsync();
        await otherDoctor.SignInAsync("dr.wang@demo.test", PageExtensions.DemoPassword);
        await Expect(otherDoctor.Heading("Workspace")).ToBeVisibleAsync();
        await otherDoctor.GotoAsync($"/visits/{visitId}");
        await Expect(otherDoctor.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This visit is not available to you.");
        await otherDoctor.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_dropped_network_recovers_and_the_call_resumes_without_rejoining()
    {
        var (patient, visitId) = await PatientWithVisitAsync("吴静", "dr.chen@demo.test");

        // The test holds the patient's signalling sockets so it can cut them, as a dropped network does.
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        var blocked = false;
        await patient.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/visits"), async route =>
        {
            if (blocked)
            {
                await route.CloseAsync();
                return;
            }

            lock (sockets)
            {
                sockets.Add((route, route.ConnectToServer()));
            }
        });
        await patient.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "Enter the waiting room" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        var doctor = await DoctorAtVisitAsync("dr.chen@demo.test", "吴静", visitId);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();
        await WaitForVideoAsync(patient, peers: 1);
        await WaitForVideoAsync(doctor, peers: 1);

        // On a phone held upright: the doctor fills the width, our own camera is a small picture over it, and the
        // controls sit in a bar at the bottom of the screen.
        await patient.SetViewportSizeAsync(375, 812);
        var remote = patient.Locator("video[data-peer=remote]");
        var self = patient.Locator("video[data-peer=self]");
        await Expect(patient.GetByRole(AriaRole.Group, new() { Name = "Your picture. Drag it, or use the arrow keys, to move it to another corner." })).ToBeVisibleAsync();
        // Note: the app shell animates its padding when the navigation collapses at the phone breakpoint, so wait
        // for the layout to settle (the remote video at three quarters of the page's width, scrollbar excluded).
        try
        {
            await patient.WaitForFunctionAsync(
                "() => { const v = document.querySelector('video[data-peer=remote]'); return !!v && v.getBoundingClientRect().width >= document.documentElement.clientWidth * 0.75; }",
                null,
                new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // The assertion below says how wide it stayed.
        }

        var remoteBox = (await remote.BoundingBoxAsync())!;
        var selfBox = (await self.BoundingBoxAsync())!;
        var pageWidth = await patient.EvaluateAsync<double>("() => document.documentElement.clientWidth");
        Assert.True(remoteBox.Width >= pageWidth * 0.75 && selfBox.Width <= remoteBox.Width * 0.4, $"remote {remoteBox.Width} px wide of {pageWidth}, self {selfBox.Width} px");
        Assert.True(selfBox.X >= remoteBox.X && selfBox.Y >= remoteBox.Y && selfBox.X + selfBox.Width <= remoteBox.X + remoteBox.Width, "the self-view floats over the remote video");
        var controls = patient.GetByRole(AriaRole.Toolbar, new() { Name = "Call controls" });
        await Expect(controls.GetByRole(AriaRole.Button, new() { Name = "Leave call" })).ToBeInViewportAsync();
        var bar = (await controls.BoundingBoxAsync())!;
        Assert.True(bar.Y + bar.Height <= 812 && bar.Y > 812 / 2, $"controls at {bar.Y}..{bar.Y + bar.Height} of 812 px, in the lower half within the thumb's reach");
        await patient.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "ih-video-call-375.png") });

        var ufragBefore = await patient.EvaluateAsync<string>(LocalUfrag);

        // Drop: no network for new requests, and the open signalling socket is cut.
        blocked = true;
        await patient.Context.SetOfflineAsync(true);
        List<(IWebSocketRoute Page, IWebSocketRoute Server)> open;
        lock (sockets)
        {
            open = [.. sockets];
        }

        foreach (var (page, server) in open)
        {
            await server.CloseAsync();
            await page.CloseAsync();
        }

        await Expect(patient.GetByText("Your connection to the hospital dropped. Reconnecting…")).ToBeVisibleAsync();
        blocked = false;
        await patient.Context.SetOfflineAsync(false);
        await Expect(patient.GetByText("Your connection to the hospital dropped. Reconnecting…")).ToBeHiddenAsync(new() { Timeout = 30_000 });

        // The same peer connection restarted ICE (new credentials) and frames keep arriving on both sides.
        await PollAsync(patient, LocalUfrag, value => value.GetString() != ufragBefore, "an ICE restart (a new local ufrag)");
        await WaitForMoreFramesAsync(patient);
        await WaitForMoreFramesAsync(doctor);
        await Expect(patient.GetByText("You left the call.")).ToHaveCountAsync(0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Hangs up every browser of the test: calls left running would load the machine for the next tests.</summary>
    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> NewPageAsync(string locale = "en-US", bool phone = false)
    {
        var page = await app.NewPageAsync(locale, phone);
        await page.InstallAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "error")
            {
                lock (console)
                {
                    console.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        consoles[page] = console;
        pages.Add(page);
        return page;
    }

    private const string LocalUfrag = "() => { const pc = (window.__ihPeers ?? []).find(p => p.connectionState !== 'closed' && p.localDescription); return pc ? /a=ice-ufrag:(\\S+)/.exec(pc.localDescription.sdp)[1] : ''; }";

    private async Task<(IPage Page, Guid VisitId)> PatientWithVisitAsync(string name, string doctorEmail = "dr.li@demo.test")
    {
        var page = await NewPageAsync();
        var email = await RegisterAsync(page, name);
        var visitId = await BookVideoVisitAsync(email, doctorEmail);
        await page.SignInAsync(email, Password);
        await Expect(page.Heading("My health")).ToBeVisibleAsync();
        return (page, visitId);
    }

    private async Task<IPage> DoctorAtVisitAsync(string email, string patientName, Guid visitId)
    {
        var doctor = await NewPageAsync();
        await doctor.SignInAsync(email, PageExtensions.DemoPassword);
        await Expect(doctor.Heading("Workspace")).ToBeVisibleAsync();
        await doctor.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await doctor.ConfirmVisitSessionAsync();
        var card = doctor.GetByRole(AriaRole.Article, new() { Name = patientName });
        await Expect(card.GetByText(new System.Text.RegularExpressions.Regex("waiting \\d+ minute"))).ToBeVisibleAsync();
        await doctor.AssertAccessibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = $"Open visit: {patientName}" }).ClickAsync();
        await doctor.WaitForURLAsync($"**/visits/{visitId}");
        return doctor;
    }

    private Task WaitForVideoAsync(IPage page, int peers) => page.WaitForVideoAsync(from: peers, explain: () => ReportAsync(page));

    private Task WaitForMoreFramesAsync(IPage page) => page.WaitForMoreFramesAsync(explain: () => ReportAsync(page));

    /// <summary>
    /// Evaluates a (possibly async) page function until its result satisfies <paramref name="done"/>. Note: Playwright's
    /// WaitForFunction would treat the Promise an async function returns as truthy at once; EvaluateAsync awaits it.
    /// </summary>
    private async Task PollAsync(IPage page, string function, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement last;
        do
        {
            last = await page.EvaluateAsync<JsonElement>(function);
            if (done(last))
            {
                return;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Waited 30 s for {what} on {page.Url}; last value: {last}{Environment.NewLine}{await ReportAsync(page)}");
    }

    /// <summary>Where every browser of the test stands, so a failure says which step stopped, and on which side.</summary>
    private async Task<string> ReportAsync(IPage page)
    {
        var report = new System.Text.StringBuilder();
        foreach (var other in pages.Where(p => !p.IsClosed))
        {
            var console = consoles[other];
            string logged;
            lock (console)
            {
                logged = string.Join(Environment.NewLine + "    ", console.TakeLast(15));
            }

            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{(other == page ? "*" : "-")} {other.Url}");
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  peer connections: {await other.PeerStatesAsync()}");
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  console: {logged}");
        }

        return report.ToString();
    }

    private static async Task<string> RegisterAsync(IPage page, string fullName)
    {
        var email = $"video.{Guid.NewGuid():N}@example.test";
        var dateOfBirth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 15_000));
        var first17 = $"{Random.Shared.Next(110000, 660000)}{dateOfBirth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2:000}";
        var response = await page.APIRequest.PostAsync("/api/account/register", new()
        {
            DataObject = new
            {
                fullName, idType = "ResidentId", idNumber = first17 + ResidentIdNumber.CheckCharacterFor(first17),
                dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), sex = "Female", mobile = "13700000000", email, password = Password,
            },
        });
        Assert.Equal(201, response.Status);
        return email;
    }

    /// <summary>
    /// A paid video appointment starting in a few minutes (check-in is open). Booking is booking's journey; here it is put
    /// in place through the Appointment aggregate.
    /// </summary>
    private async Task<Guid> BookVideoVisitAsync(string patientEmail, string doctorEmail = "dr.li@demo.test")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZoneInfo;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = await db.Users.SingleAsync(u => u.Email == patientEmail);
        var patientId = await db.PatientAccesses.Where(a => a.AccountId == account.Id).Select(a => a.PatientId).SingleAsync();
        var doctorAccount = await db.Users.Where(u => u.Email == doctorEmail).Select(u => u.Id).SingleAsync();
        var doctor = await db.Doctors.SingleAsync(d => d.AccountId == doctorAccount);
        var start = now.AddMinutes(5).AddTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerMinute));
        var slot = Slot.Create(doctor.Id, doctor.DepartmentId, new PlannedSlot(start, start.AddMinutes(15), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime), Guid.NewGuid(), false, true));
        db.Slots.Add(slot);
        var appointment = Appointment.Hold(new NewAppointment(patientId, account.Id, slot, VisitType.Video, 0m, "CNY", FollowUpBasis.HisDiagnosis, "L23.9", null, now.AddMinutes(15)), now);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    }
}
