using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Accounts;

/// <summary>Signing in with a mobile number and a code texted to it (read from the development SMS sink), on a phone, in both languages.</summary>
[Collection(AppCollection.Name)]
public sealed class SmsSignInJourneyTests(AppFixture app)
{
    /// <summary>王秀英's number in the demo data; no other journey signs her in by SMS.</summary>
    private const string Mobile = "13900000002";

    [Fact]
    public async Task A_patient_signs_in_with_a_code_sent_by_sms_and_lands_on_her_health_page()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).First.ClickAsync();
        await page.WaitForURLAsync("**/login?**");

        await page.GetByRole(AriaRole.Tab, new() { Name = "With SMS code" }).ClickAsync();
        await page.GetByLabel("Mobile number").FillAsync(Mobile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Expect(page.GetByText("a code is on its way by SMS")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Again in \\d+ s$") })).ToBeDisabledAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Code from the SMS").FillAsync(await app.SmsCodeAsync(Mobile));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        // The same browser session as after a password (the name sits in the navigation drawer on a phone).
        var session = await page.APIRequest.GetAsync("/api/account/session");
        Assert.Contains("\"authenticated\":true", await session.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sms_sign_in_speaks_chinese_and_a_wrong_code_says_so()
    {
        var page = await app.NewPageAsync(locale: "zh-CN", phone: true);
        await page.GotoAsync("/login");
        await Expect(page.Heading("登录")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "验证码登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "密码登录" })).ToBeVisibleAsync();
        await page.GetByLabel("手机号码").FillAsync("13700000000");
        await page.GetByLabel("短信验证码").FillAsync("123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("验证码错误或已过期");
        await Expect(page.GetByText("工作人员请使用电子邮箱、密码和身份验证器登录。")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}
