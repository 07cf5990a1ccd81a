using System.Text.RegularExpressions;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Payments;

[Collection(AppCollection.Name)]
public sealed partial class WeChatPayJourneyTests(AppFixture app, WeChatPayHost host) : IClassFixture<WeChatPayHost>
{
    [Fact]
    public async Task A_patient_on_a_phone_pays_an_appointment_with_WeChat_Pay_and_sees_it_booked()
    {
        var page = await app.NewPageAsync("zh-CN", phone: true, baseUrl: host.BaseUrl);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true }).Or(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true })).First.ClickAsync();
        await page.WaitForURLAsync("**/login?**");
        await page.GetByLabel("电子邮箱").FillAsync("wangxiuying@demo.test");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(PageExtensions.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.Heading("我的健康")).ToBeVisibleAsync();

        await NavigateAsync(page, "预约挂号");
        await page.GetByRole(AriaRole.Link, new() { Name = "预约王芳", Exact = true }).ClickAsync();
        await Expect(page.Heading("预约王芳")).ToBeVisibleAsync();
        // Note: a slot a few days ahead, so the journey does not depend on what is left of today at this hour.
        await page.GetByRole(AriaRole.Button, new() { Name = "往后", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = SlotButton() }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认预约", Exact = true }).ClickAsync();

        // The hospital takes WeChat Pay only: no simulated outcome buttons, and on a phone the H5 page of WeChat Pay.
        await Expect(page.GetByText("请选择支付方式")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "立即支付" })).ToHaveCountAsync(0);
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "微信支付", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(host.WeChat.BaseUrl + "/fake/wechatpay/h5/", StringComparison.Ordinal));
        await Expect(page.Heading("微信支付")).ToBeVisibleAsync();
        var order = Assert.Single(host.WeChat.Orders.Values);
        Assert.Equal("h5", order.TradeType);
        await Expect(page.GetByText($"¥{order.Total / 100m:0.00}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认支付" }).ClickAsync();

        // Back at the portal on the appointment's page, which the callback has booked meanwhile.
        await page.WaitForURLAsync(url => url.StartsWith(host.BaseUrl + "/appointments/", StringComparison.Ordinal));
        await Expect(page.Heading("预约详情")).ToBeVisibleAsync();
        await Expect(page.GetByText("已预约", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("待支付", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("请选择支付方式")).ToHaveCountAsync(0);
        await CheckAsync(page);
        Assert.Equal("SUCCESS", host.WeChat.Orders[order.OutTradeNo].State);
        Assert.All(host.WeChat.CallbackAnswers, answer => Assert.InRange(answer.Status, 200, 299));
        Assert.NotEmpty(host.WeChat.CallbackAnswers);

        await NavigateAsync(page, "我的预约");
        await Expect(page.Heading("我的预约")).ToBeVisibleAsync();
        var booked = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "王芳" }).First;
        await Expect(booked.GetByText("已预约", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(booked.GetByText("门诊就诊")).ToBeVisibleAsync();
        await CheckAsync(page);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The page is {width} px wide on a 375 px phone.");
    }

    /// <summary>axe on the page as it rests (the pointer parked, so no hover state of the shell's navigation is judged).</summary>
    private static async Task CheckAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.AssertAccessibleAsync();
    }

    /// <summary>Follows an item of the main navigation (in Chinese), opening the menu first on a phone.</summary>
    private static async Task NavigateAsync(IPage page, string linkName)
    {
        var link = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true });
        if (!await link.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "打开导航" }).ClickAsync();
        }

        await link.ClickAsync();
    }

    [GeneratedRegex(@" \d{2}:\d{2}$")]
    private static partial Regex SlotButton();
}
