using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Accounts;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.VideoVisits;

/// <summary>
/// Issue 20's teaching broadcast in browsers: a consented visit through Janus is broadcast by its doctor to ten nurses,
/// each of whom decodes the picture receive-only (no camera or microphone asked for, nothing sent); the doctor sees the
/// viewers arrive, names the invited dermatologist as commentator (the viewers are told, and receive her voice on the
/// commentary stream), and completing the visit ends the broadcast on every viewer's page.
/// </summary>
public sealed partial class JanusVideoJourneyTests : IAsyncLifetime
{
    private const int Viewers = 10;

    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "broadcast-shots");

    [Fact]
    public async Task A_teaching_broadcast_is_watched_by_ten_staff_who_hear_the_commentator_and_it_ends_with_the_visit()
    {
        Directory.CreateDirectory(Shots);
        var (patient, visitId) = await PatientWithVisitAsync("林晓", "dr.li@demo.test");
        await patient.GotoAsync($"/visits/{visitId}");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();
        var doctor = await DoctorAsync("dr.li@demo.test", confirmIdentity: true);
        await doctor.GotoAsync($"/visits/{visitId}");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();
        await WaitForVideoAsync(doctor, from: 1);

        // A dermatologist joins as specialist (signed in without the form: the journey is about the broadcast).
        await doctor.GetByLabel("Doctor's name or department").FillAsync("Dermatology");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Invite 赵敏" }).ClickAsync();
        var specialist = await NewPageAsync();
        await SignInWithoutFormAsync(specialist, "dr.zhao@demo.test", PageExtensions.DemoPassword);
        await specialist.GotoAsync("/");
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await specialist.ConfirmVisitSessionAsync();
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Join consultation" }).First.ClickAsync();
        await WaitForVideoAsync(specialist, from: 2);

        // Everyone in the call agrees to recording: the broadcast's condition.
        foreach (var page in new[] { patient, doctor, specialist })
        {
            var question = page.GetByRole(AriaRole.Dialog, new() { Name = "May this visit be recorded?" });
            await question.GetByRole(AriaRole.Button, new() { Name = "Yes, record" }).ClickAsync();
            await Expect(page.GetByText("You agreed to recording.")).ToBeVisibleAsync();
        }

        var panel = doctor.GetByRole(AriaRole.Region, new() { Name = "Teaching broadcast" });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Start broadcast" }).ClickAsync();
        await Expect(panel.GetByText("0 watching")).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "You (no other commentator)" })).ToBeCheckedAsync();
        await doctor.AssertAccessibleAsync();

        // Ten nurses, each in a browser of their own (one on a phone in Chinese, one on a phone in English), open the list and watch.
        var nurses = await NursesAsync();
        var viewers = new IPage[Viewers];
        for (var i = 0; i < Viewers; i++)
        {
            viewers[i] = await NewPageAsync(i == 0 ? "zh-CN" : "en-US", phone: i < 2);
        }

        await Task.WhenAll(viewers.Select((viewer, i) => WatchAsync(viewer, nurses[i], chinese: i == 0)));
        var (zh, en) = (viewers[0], viewers[1]);

        // Every one decodes the picture (frames keep coming), from Janus, with nothing sent and no camera or microphone asked for.
        foreach (var viewer in viewers)
        {
            var peers = await viewer.WaitForMoreFramesAsync(more: 10, seconds: 60, explain: () => Task.FromResult(ConsoleTail()));
            Assert.All(peers, p => Assert.True(p.Janus && p.Sending == 0, $"a viewer's connection sends or is not Janus's: {p}"));
            Assert.Equal(0, await viewer.MediaRequestsAsync());
        }

        await Expect(panel.GetByText($"{Viewers} watching")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(panel.GetByRole(AriaRole.List, new() { Name = "Who is watching" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(Viewers);
        await Expect(zh.GetByText("李伟 的直播")).ToBeVisibleAsync();
        await Expect(en.GetByText("Broadcast by 李伟")).ToBeVisibleAsync();
        foreach (var viewer in new[] { zh, en })
        {
            await viewer.AssertAccessibleAsync();
            Assert.True(await viewer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), $"The watch page is wider than the phone ({viewer.Url}).");
        }

        await zh.ScreenshotAsync(new() { Path = Path.Combine(Shots, "watch-zh-375.png"), FullPage = true });
        await en.ScreenshotAsync(new() { Path = Path.Combine(Shots, "watch-en-375.png"), FullPage = true });

        // The doctor hands the commentary to the dermatologist: the viewers are told and her voice arrives on its own stream.
        var silent = (await en.PeersAsync()).Sum(p => p.AudioPackets.GetValueOrDefault("c"));
        Assert.Equal(0, silent);
        await panel.GetByRole(AriaRole.Radio, new() { Name = "赵敏" }).CheckAsync();
        await Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "赵敏" })).ToBeCheckedAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Shots, "panel-en.png") });
        await Expect(en.GetByText("Commentary by 赵敏")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(zh.GetByText("解说：赵敏")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await en.WaitForMediaAsync(peers => peers.Sum(p => p.AudioPackets.GetValueOrDefault("c")) > 20, "the commentator's voice on the commentary stream", 30, () => Task.FromResult(ConsoleTail()));
        await zh.ScreenshotAsync(new() { Path = Path.Combine(Shots, "watch-zh-375-commentary.png"), FullPage = true });

        // The doctor completes the visit: the broadcast ends with it, and every viewer's page says so.
        await doctor.GetByLabel("Chief complaint").FillAsync("胸闷两周");
        await doctor.GetByLabel("Assessment").FillAsync("Stable angina, for teaching.");
        await doctor.GetByLabel("Plan", new() { Exact = true }).FillAsync("Exercise ECG next week.");
        await doctor.GetByLabel("Search ICD-10 by code or words").FillAsync("I10");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Add I10", Exact = false }).First.ClickAsync();
        await doctor.GetByLabel("Follow-up advice").FillAsync("Clinic in 1 week.");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Complete visit and sign" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "Visit summary" })).ToBeVisibleAsync();
        for (var i = 0; i < viewers.Length; i++)
        {
            await Expect(viewers[i].GetByText(i == 0 ? "直播已结束。" : "The broadcast has ended.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await zh.ScreenshotAsync(new() { Path = Path.Combine(Shots, "watch-zh-375-ended.png"), FullPage = true });
        await en.ScreenshotAsync(new() { Path = Path.Combine(Shots, "watch-en-375-ended.png"), FullPage = true });
    }

    /// <summary>Ten nurses of the consortium (accounts put in place server-side, each with the journey's password).</summary>
    private async Task<IReadOnlyList<string>> NursesAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
        var emails = new List<string>();
        for (var i = 0; i < Viewers; i++)
        {
            var email = $"nurse.{Guid.NewGuid():N}@example.test";
            var created = await accounts.CreateAsync(new NewAccount(Guid.NewGuid(), email, $"护士{i + 1}", "13900000000", null), Password, Roles.Nurse, CancellationToken.None);
            Assert.True(created.Succeeded);
            emails.Add(email);
        }

        return emails;
    }

    /// <summary>A nurse opens the list of live broadcasts and follows the one of 李伟.</summary>
    private static async Task WatchAsync(IPage page, string email, bool chinese)
    {
        // Note: ten pages load and decode at once on the journeys' shared machine: they wait longer for the same conditions.
        page.Context.SetDefaultTimeout(RoomTimeout);
        await SignInWithoutFormAsync(page, email, Password);
        await page.GotoAsync("/broadcasts");
        await Expect(page.Heading(chinese ? "正在进行的教学直播" : "Live teaching broadcasts")).ToBeVisibleAsync(new() { Timeout = RoomTimeout });
        await page.GetByRole(AriaRole.Link, new() { Name = chinese ? "李伟 的直播" : "Broadcast by 李伟" }).ClickAsync();
        await Expect(page.Heading(chinese ? "教学直播" : "Teaching broadcast")).ToBeVisibleAsync(new() { Timeout = RoomTimeout });
    }

    /// <summary>
    /// Signs in through the API the sign-in form posts to (the context keeps the session cookie); the SPA then resumes the
    /// session on its first page, as after a reload. Ten sign-ins through the form would be most of the journey's time.
    /// </summary>
    private static async Task SignInWithoutFormAsync(IPage page, string email, string password)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/account/login", new() { DataObject = new { email, password } });
        Assert.True(response.Ok, $"sign-in of {email}: {response.Status} {await response.TextAsync()}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Hangs up every browser of the test: calls and broadcasts left running would load the machine for the next tests.</summary>
    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
