using System.Text.RegularExpressions;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Accounts;

[Collection(AppCollection.Name)]
public sealed partial class SignInJourneyTests(AppFixture app)
{
    [Fact]
    public async Task A_new_patient_registers_signs_in_switches_to_chinese_and_signs_out()
    {
        var page = await app.NewPageAsync(phone: true);
        var email = $"new.patient.{Guid.NewGuid():N}@example.test";
        var dateOfBirth = new DateOnly(1988, 7, 14);
        var first17 = $"{Random.Shared.Next(110000, 660000)}{dateOfBirth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2:000}";
        var idNumber = first17 + Domain.Patients.ResidentIdNumber.CheckCharacterFor(first17);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).First.ClickAsync();
        await Expect(page.Heading("Create your account")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Full name").FillAsync("林晓梅");
        await page.GetByLabel("ID type").SelectOptionAsync("ResidentId");
        await page.GetByLabel("ID number").FillAsync(idNumber);

        // The form reads the birth date and sex from the ID number.
        await Expect(page.GetByLabel("Date of birth")).ToHaveValueAsync("1988-07-14");
        await Expect(page.GetByLabel("Sex")).ToHaveValueAsync("Female");
        // The number is proven with a code texted to it (read here from the development SMS sink).
        var mobile = "137" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Mobile number").FillAsync(mobile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Expect(page.GetByText("A code is on its way to this number")).ToBeVisibleAsync();
        await page.GetByLabel("Code from the SMS").FillAsync(await app.SmsCodeAsync(mobile));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a walk in the botanical garden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.WaitForURLAsync("**/login**");
        await Expect(page.GetByText("Your account has been created")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a walk in the botanical garden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.Heading("My health")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appointments", Level = 2 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Language").SelectOptionAsync("zh-CN");
        await Expect(page.Heading("我的健康")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的预约", Level = 2 })).ToBeVisibleAsync();
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.AssertAccessibleAsync();

        // On a phone the sign-out button sits in the navigation drawer.
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "退出登录" });
        if (!await signOut.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = OpenNavigation() }).ClickAsync();
        }

        await signOut.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true }).Or(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true })).First).ToBeVisibleAsync();

        // The session really ended: the server no longer knows this browser.
        var session = await page.APIRequest.GetAsync("/api/account/session");
        Assert.Contains("\"authenticated\":false", await session.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_doctor_signs_in_and_lands_on_the_workspace()
    {
        var page = await app.NewPageAsync();

        await page.SignInAsync("dr.li@demo.test", PageExtensions.DemoPassword);

        await Expect(page.Heading("Workspace")).ToBeVisibleAsync();
        Assert.EndsWith("/workspace", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(page.GetByText("李伟").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_signed_in_patient_who_reloads_the_page_stays_on_it_and_signed_in()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync("wangxiuying@demo.test", PageExtensions.DemoPassword);
        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        var pageLoads = new List<string>();
        var frameLoads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                (request.Frame == page.MainFrame ? pageLoads : frameLoads).Add(new Uri(request.Url).AbsolutePath);
            }
        };
        await page.ReloadAsync();

        // Tokens live in memory only: the new page gets them from the session cookie in a hidden frame, and the page
        // itself is loaded once (it used to travel through /connect/authorize and /auth/callback and start again).
        await Expect(page.Heading("My health")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appointments", Level = 2 })).ToBeVisibleAsync();
        Assert.Equal(["/my-health"], pageLoads);
        Assert.Contains("/auth/silent.html", frameLoads);
        Assert.EndsWith("/my-health", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_so()
    {
        var page = await app.NewPageAsync();
        var email = await page.RegisterPatientViaApiAsync("the right password here");
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync($"wrong password {attempt}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Sign-in failed" })).ToBeVisibleAsync();
        }

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong password 5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Too many failed sign-in attempts with this e-mail address")).ToBeVisibleAsync();
        await Expect(page.GetByText(LockedMinutes())).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // The right password does not help while the lock lasts.
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("the right password here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Too many failed sign-in attempts with this e-mail address")).ToBeVisibleAsync();
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_calling_a_doctor_only_endpoint_gets_403()
    {
        var page = await app.NewPageAsync();
        var token = await page.CaptureAccessTokenAsync(() => page.SignInAsync("zhangwei@demo.test", PageExtensions.DemoPassword));
        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        var response = await page.APIRequest.GetAsync("/api/doctors/me", new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } });

        Assert.Equal(403, response.Status);
        Assert.Equal("application/problem+json", response.Headers["content-type"].Split(';')[0]);

        // The doctor's page is not offered either: the SPA says so instead of showing it.
        await page.GotoAsync("/workspace");
        await Expect(page.Heading("Not allowed").Or(page.Heading("My health"))).ToBeVisibleAsync();
        await Expect(page.Heading("Workspace")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("Open navigation|打开导航")]
    private static partial Regex OpenNavigation();

    [GeneratedRegex(@"Try again in 1[45] minutes")]
    private static partial Regex LockedMinutes();
}
