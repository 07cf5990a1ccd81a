using System.Text.Json;
using InternetHospital.Application.Common;
using InternetHospital.Application.VideoVisits.Guests;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.VideoVisits;

/// <summary>
/// The video visit with <c>Video:Media = Janus</c>: every browser publishes once to Janus and subscribes to the others'
/// feeds. Asserted on getStats (video frames decoded from each other participant) and on where the media comes from
/// (every receiving peer connection's remote description is Janus's, whose streams are all "janus": none is another browser).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class JanusVideoJourneyTests(AppFixture app, JanusHost host) : IClassFixture<JanusHost>
{
    private const string Password = "a long walk along the river";

    /// <summary>How long the six-person room's steps may take (a page load among five pages sending and decoding video).</summary>
    private const float RoomTimeout = 60_000;

    private readonly List<IPage> pages = [];

    /// <summary>What each page wrote to its console (warnings and errors), for failure messages.</summary>
    private readonly List<string> console = [];

    [Fact]
    public async Task A_patient_and_a_doctor_see_each_other_through_Janus()
    {
        var (patient, visitId) = await PatientWithVisitAsync("郑丽");
        await patient.GotoAsync($"/visits/{visitId}");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();

        var doctor = await DoctorAsync("dr.li@demo.test", confirmIdentity: true);
        await doctor.GotoAsync($"/visits/{visitId}");
        await Expect(doctor.GetByText("郑丽 is waiting.")).ToBeVisibleAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();

        await WaitForVideoAsync(patient, from: 1);
        await WaitForVideoAsync(doctor, from: 1);
        await Expect(patient.GetByText("李伟 · Doctor")).ToBeVisibleAsync();
        await Expect(doctor.GetByText("郑丽 · Patient")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Issue 20's journey: patient, doctor and an interpreter let in by link, all three consent, Janus records real
    /// <c>.mjr</c> files, the real post-processing (janus-pp-rec and ffmpeg) makes them playable, and the doctor plays one
    /// back on the visit record: the browser's own player loads it (readyState), it plays (currentTime advances) and its
    /// length is what was recorded.
    /// </summary>
    [Fact]
    public async Task A_visit_with_an_interpreter_is_recorded_with_everyones_consent_and_the_doctor_plays_it_back()
    {
        var (patient, visitId) = await PatientWithVisitAsync("韩冰", "dr.wang@demo.test");
        await patient.GotoAsync($"/visits/{visitId}");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();
        var doctor = await DoctorAsync("dr.wang@demo.test", confirmIdentity: true);
        await doctor.GotoAsync($"/visits/{visitId}");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();
        await WaitForVideoAsync(doctor, from: 1);

        // The interpreter, invited by e-mail, opens the link (no account) and is let in.
        var email = $"interpreter.{Guid.NewGuid():N}@example.test";
        await doctor.GetByLabel("Guest's e-mail").FillAsync(email);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Send invitation link" }).ClickAsync();
        await Expect(doctor.GetByText("The invitation was sent.")).ToBeVisibleAsync();
        var guest = await NewPageAsync();
        // Note: three browsers in a call on a busy machine: the page's "load" can take longer than the 15 s timeout.
        await guest.GotoAsync(await InvitationLinkAsync(email), new() { WaitUntil = WaitUntilState.Commit });
        await guest.GetByLabel("Your name").FillAsync("Anna Müller");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Let Anna Müller in" }).ClickAsync();
        await WaitForVideoAsync(guest, from: 2);

        // Everyone is asked; recording starts only with the third yes, and everyone sees it.
        foreach (var page in new[] { patient, doctor, guest })
        {
            var question = page.GetByRole(AriaRole.Dialog, new() { Name = "May this visit be recorded?" });
            await question.GetByRole(AriaRole.Button, new() { Name = "Yes, record" }).ClickAsync();
            await Expect(page.GetByText("You agreed to recording.")).ToBeVisibleAsync();
        }

        foreach (var page in new[] { patient, doctor, guest })
        {
            await Expect(page.GetByText("This call is being recorded: everyone in it agreed.")).ToBeVisibleAsync();
        }

        // A few seconds of call on the record, then the doctor completes the visit.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await doctor.GetByLabel("Chief complaint").FillAsync("手背皮疹一周");
        await doctor.GetByLabel("Assessment").FillAsync("Contact dermatitis.");
        await doctor.GetByLabel("Plan", new() { Exact = true }).FillAsync("Hydrocortisone 1% cream twice daily for 7 days.");
        await doctor.GetByLabel("Search ICD-10 by code or words").FillAsync("L23");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Add L23.9 Allergic contact dermatitis, unspecified cause" }).ClickAsync();
        await doctor.GetByLabel("Follow-up advice").FillAsync("Video follow-up in 2 weeks if not better.");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Complete visit and sign" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "Visit summary" })).ToBeVisibleAsync();
        await Expect(doctor.GetByText("This visit was recorded.")).ToBeVisibleAsync();

        // Post-processing runs in the background; the record offers the recordings once they are made.
        var play = doctor.GetByRole(AriaRole.Button, new() { Name = "Play recording 1" });
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await play.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "The recordings were not made playable within 120 s.");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await doctor.ReloadAsync();
            await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "Visit summary" })).ToBeVisibleAsync();
        }

        await play.ClickAsync();
        var player = doctor.GetByLabel("Recording 1 of the visit");
        await Expect(player).ToBeVisibleAsync();
        await player.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        var media = await player.EvaluateAsync<JsonElement>("""
            async v => {
              const until = Date.now() + 20000;
              while (v.currentTime < 1 && !v.ended && !v.error && Date.now() < until) await new Promise(r => setTimeout(r, 200));
              return { readyState: v.readyState, currentTime: v.currentTime, duration: v.duration, error: v.error?.message ?? null, width: v.videoWidth };
            }
            """);
        Assert.True(media.GetProperty("error").ValueKind == JsonValueKind.Null, $"the player failed: {media}");
        Assert.True(media.GetProperty("readyState").GetInt32() >= 2, $"the player has no frame to show: {media}");
        Assert.True(media.GetProperty("currentTime").GetDouble() >= 1, $"the recording does not play: {media}");
        Assert.True(media.GetProperty("width").GetInt32() > 0, $"the recording has no video: {media}");
        var duration = media.GetProperty("duration").GetDouble();
        Assert.InRange(duration, 5, 600);
    }

    /// <summary>The link of the invitation as it was queued for the mail server (the host delivers to its development stand-in).</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var body = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailOutbox.AsNoTracking().Where(e => e.To == email).Select(e => e.TextBody).SingleAsync();
        var path = System.Text.RegularExpressions.Regex.Match(body ?? string.Empty, "/guest/[A-Za-z0-9_-]{43}");
        Assert.True(path.Success, body);
        return path.Value;
    }

    /// <summary>
    /// Six people in one Janus room, more than the mesh's four: the patient, the doctor and four guests let in by link
    /// (an interpreter on a phone in Chinese among them), each decoding the video of all five others through Janus.
    /// The guests' links are put in place server-side (what the doctor's invitation does) so only two people sign in.
    /// </summary>
    [Fact]
    public async Task Six_people_with_an_interpreter_by_link_see_each_other_through_Janus()
    {
        var (patient, visitId) = await PatientWithVisitAsync("孙悦", "dr.wang@demo.test");
        await patient.GotoAsync($"/visits/{visitId}");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();

        var doctor = await DoctorAsync("dr.wang@demo.test", confirmIdentity: true);
        await doctor.GotoAsync($"/visits/{visitId}");
        await Expect(doctor.GetByText("孙悦 is waiting.")).ToBeVisibleAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();
        await WaitForVideoAsync(doctor, from: 1);

        // The interpreter opens the link on a phone in Chinese; three more guests on computers in English. Each page
        // shows the role the doctor invited them as (the guest picks none).
        var interpreter = await GuestWaitingAsync(await GuestLinkAsync(visitId, "dr.wang@demo.test", GuestRole.Interpreter), "Anna Müller", "zh-CN", phone: true);
        await Expect(interpreter.GetByText("您以翻译身份加入（由医生在邀请中指定）。")).ToBeVisibleAsync();
        var guests = new (string Name, GuestRole Role)[] { ("王芳", GuestRole.Relative), ("李强", GuestRole.Carer), ("Tom Berger", GuestRole.Relative) };
        var others = new List<IPage>();
        foreach (var (name, role) in guests)
        {
            var page = await GuestWaitingAsync(await GuestLinkAsync(visitId, "dr.wang@demo.test", role), name, "en-US", phone: false);
            await Expect(page.GetByText($"You join as: {role} (the doctor chose this in your invitation).")).ToBeVisibleAsync();
            others.Add(page);
        }

        // The doctor sees each guest waiting as the role they were invited as.
        foreach (var (name, role) in guests.Prepend(("Anna Müller", GuestRole.Interpreter)))
        {
            await Expect(doctor.GetByText($"{name} · {role}")).ToBeVisibleAsync(new() { Timeout = RoomTimeout });
            await doctor.GetByRole(AriaRole.Button, new() { Name = $"Let {name} in" }).ClickAsync();
        }

        // Everyone decodes the five others, every stream from Janus (a mesh would refuse the fifth person: call_full).
        foreach (var page in new[] { patient, doctor, interpreter }.Concat(others))
        {
            await WaitForVideoAsync(page, from: 5, seconds: 120);
        }

        await Expect(interpreter.GetByRole(AriaRole.Heading, new() { Name = "聊天" })).ToBeVisibleAsync();
        Assert.True(await interpreter.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "The interpreter's call page is wider than the phone.");
    }

    /// <summary>A guest link of the visit, as the doctor's invitation makes it (single use, until the visit ends).</summary>
    private async Task<string> GuestLinkAsync(Guid visitId, string doctorEmail, GuestRole role)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var doctorAccount = await db.Users.Where(u => u.Email == doctorEmail).Select(u => u.Id).SingleAsync();
        var token = GuestLinks.NewToken();
        db.VisitGuests.Add(VisitGuest.Invite(visitId, role, GuestLinks.Hash(token), $"guest.{Guid.NewGuid():N}@example.test", doctorAccount, now.AddHours(4), now));
        await db.SaveChangesAsync();
        return GuestLinks.PathPrefix + token;
    }

    /// <summary>A guest opens their link, gives their name (the role is the invitation's), turns the camera on and waits to be let in.</summary>
    private async Task<IPage> GuestWaitingAsync(string link, string name, string locale, bool phone)
    {
        var chinese = locale == "zh-CN";
        var page = await NewPageAsync(locale, phone);
        // Note: the room's other pages already send and decode video; on a shared 2-core machine a page load then takes
        // longer than the journeys' 15 s, so the guests' pages wait longer for the same conditions.
        page.Context.SetDefaultTimeout(RoomTimeout);
        await page.GotoAsync(link);
        await page.GetByLabel(chinese ? "您的姓名" : "Your name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = chinese ? "继续" : "Continue" }).ClickAsync();
        await Expect(page.GetByText(chinese ? "请稍候，医生将让您进入。" : "Please wait: the doctor will let you in.")).ToBeVisibleAsync(new() { Timeout = RoomTimeout });
        await page.GetByRole(AriaRole.Button, new() { Name = chinese ? "打开摄像头和麦克风" : "Turn on camera and microphone" }).ClickAsync();
        return page;
    }

    private async Task<IPage> NewPageAsync(string locale = "en-US", bool phone = false)
    {
        var page = await app.NewPageAsync(locale, phone, baseUrl: host.BaseUrl);
        // Note: the host's first page loads (and any while a room sends and decodes video) can take longer than 15 s on the
        // shared machine; navigations wait longer, the steps after them keep the journeys' timeout.
        page.Context.SetDefaultNavigationTimeout(RoomTimeout);
        await page.InstallAsync();
        var index = pages.Count;
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "error")
            {
                lock (console)
                {
                    console.Add($"page {index} {message.Type}: {message.Text}");
                }
            }
        };
        pages.Add(page);
        return page;
    }

    private async Task<(IPage Page, Guid VisitId)> PatientWithVisitAsync(string name, string doctorEmail = "dr.li@demo.test")
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        var email = await RegisterAsync(page, name);
        var visitId = await BookVideoVisitAsync(email, doctorEmail);
        await page.SignInAsync(email, Password);
        await Expect(page.Heading("My health")).ToBeVisibleAsync();
        return (page, visitId);
    }

    private async Task<IPage> DoctorAsync(string email, bool confirmIdentity)
    {
        var doctor = await NewPageAsync();
        await doctor.SignInAsync(email, PageExtensions.DemoPassword);
        await Expect(doctor.Heading("Workspace")).ToBeVisibleAsync();
        if (confirmIdentity)
        {
            // Domain rule 3: the doctor re-enters their password at the start of the session of visits.
            await doctor.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
            await doctor.ConfirmVisitSessionAsync();
        }

        return doctor;
    }

    /// <summary>Until the page decodes video from <paramref name="from"/> others, every one of them through Janus.</summary>
    private async Task WaitForVideoAsync(IPage page, int from, int seconds = 60)
    {
        var peers = await page.WaitForVideoAsync(from, seconds, () => Task.FromResult(ConsoleTail()));
        Assert.All(peers.Where(p => p.Frames > 0), p => Assert.True(p.Janus, "media came from somewhere else than Janus"));
    }

    /// <summary>What the pages wrote to their consoles last (for failure messages).</summary>
    private string ConsoleTail()
    {
        lock (console)
        {
            return string.Join(Environment.NewLine, console.TakeLast(30));
        }
    }

    private static async Task<string> RegisterAsync(IPage page, string fullName)
    {
        var email = $"janus.{Guid.NewGuid():N}@example.test";
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

    /// <summary>A paid video appointment with the doctor starting in a few minutes (check-in is open), put in place through the aggregate.</summary>
    private async Task<Guid> BookVideoVisitAsync(string patientEmail, string doctorEmail)
    {
        await using var scope = host.Services.CreateAsyncScope();
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
