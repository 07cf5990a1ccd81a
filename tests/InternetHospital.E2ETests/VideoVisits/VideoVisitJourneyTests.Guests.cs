using System.Text.RegularExpressions;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.VideoVisits;

/// <summary>Guest and interpreter links (issue 20): the interpreter joins by link on a phone in Chinese, without an account.</summary>
public sealed partial class VideoVisitJourneyTests
{
    [Fact]
    public async Task A_doctor_invites_an_interpreter_by_email_who_joins_by_link_on_a_phone_and_the_link_is_refused_on_another_device()
    {
        var (patient, visitId) = await PatientWithVisitAsync("冯雪梅", "dr.liu@demo.test");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "Enter the waiting room" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();
        var doctor = await DoctorAtVisitAsync("dr.liu@demo.test", "冯雪梅", visitId);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" }).ClickAsync();
        await WaitForVideoAsync(doctor, peers: 1);

        // The doctor invites an interpreter by e-mail.
        var email = $"interpreter.{Guid.NewGuid():N}@example.test";
        await doctor.GetByLabel("Guest's e-mail").FillAsync(email);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Send invitation link" }).ClickAsync();
        await Expect(doctor.GetByText("The invitation was sent.")).ToBeVisibleAsync();
        var link = await InvitationLinkAsync(email);

        // The interpreter opens the link on a phone, in Chinese, with no account: name, device check, waiting; the page
        // shows the role the doctor invited them as.
        var guest = await NewPageAsync("zh-CN", phone: true);
        await guest.GotoAsync(link);
        await guest.GetByLabel("您的姓名").FillAsync("Anna Müller");
        await guest.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();
        await Expect(guest.GetByText("请稍候，医生将让您进入。")).ToBeVisibleAsync();
        await Expect(guest.GetByText("您以翻译身份加入（由医生在邀请中指定）。")).ToBeVisibleAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "打开摄像头和麦克风" }).ClickAsync();
        await guest.AssertAccessibleAsync();
        Assert.True(await guest.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "The guest's waiting page is wider than the phone.");

        // The doctor's list shows the interpreter waiting; let in, the interpreter sees and hears the call.
        await Expect(doctor.GetByText("Anna Müller · Interpreter")).ToBeVisibleAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Let Anna Müller in" }).ClickAsync();
        await WaitForVideoAsync(guest, peers: 2);
        await WaitForVideoAsync(doctor, peers: 2);
        await Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "聊天" })).ToBeVisibleAsync();
        Assert.True(await guest.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "The guest's call page is wider than the phone.");

        // The same link on another device is refused.
        var other = await NewPageAsync();
        await other.GotoAsync(link, new() { WaitUntil = WaitUntilState.Commit });
        await other.GetByLabel("Your name").FillAsync("Someone else");
        await other.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This link has already been opened on another device.");
    }

    /// <summary>
    /// The link of the invitation as it was queued for the mail server (the journeys' host delivers e-mail to its
    /// development stand-in, not to an SMTP server the test could read).
    /// </summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var body = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailOutbox.AsNoTracking().Where(e => e.To == email).Select(e => e.TextBody).SingleAsync();
        var path = GuestPath().Match(body);
        Assert.True(path.Success, body);
        return path.Value;
    }

    [GeneratedRegex("/guest/[A-Za-z0-9_-]{43}")]
    private static partial Regex GuestPath();
}
