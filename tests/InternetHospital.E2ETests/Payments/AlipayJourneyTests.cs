using System.Text.RegularExpressions;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Payments;

[Collection(AppCollection.Name)]
public sealed partial class AlipayJourneyTests(AppFixture app, AlipayHost host) : IClassFixture<AlipayHost>
{
    [Fact]
    public async Task A_patient_on_a_phone_pays_an_appointment_with_Alipay_wap_pay_and_sees_it_booked()
    {
        var page = await app.NewPageAsync(phone: true, baseUrl: host.BaseUrl);
        await page.SignInAsync("wangxiuying@demo.test", PageExtensions.DemoPassword);
        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        await page.NavigateAsync("Find care");
        await page.GetByRole(AriaRole.Link, new() { Name = "Book with 王芳", Exact = true }).ClickAsync();
        await Expect(page.Heading("Book with 王芳")).ToBeVisibleAsync();
        // Note: a slot a few days ahead, so the journey does not depend on what is left of today at this hour.
        await page.GetByRole(AriaRole.Button, new() { Name = "Later", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = SlotButton() }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking", Exact = true }).ClickAsync();

        // The hospital takes Alipay only: just that choice, no simulated outcome, and on a phone Alipay's wap page.
        await Expect(page.GetByText("Choose how to pay")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pay now" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "WeChat Pay" })).ToHaveCountAsync(0);
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Alipay", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(host.Alipay.BaseUrl + "/gateway.do?", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "支付宝" })).ToBeVisibleAsync();
        var order = Assert.Single(host.Alipay.Orders.Values);
        Assert.Equal("alipay.trade.wap.pay", order.Method);
        await Expect(page.GetByText($"¥{order.Total:0.00}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认支付" }).ClickAsync();

        // Back at the portal on the appointment's page; only Alipay's asynchronous notify books it (the return to the
        // portal proves nothing), so without the notify this stays "Awaiting payment".
        await page.WaitForURLAsync(url => url.StartsWith(host.BaseUrl + "/appointments/", StringComparison.Ordinal));
        await Expect(page.Heading("Appointment")).ToBeVisibleAsync();
        await Expect(page.GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Choose how to pay")).ToHaveCountAsync(0);
        await CheckAsync(page);
        Assert.Equal("TRADE_SUCCESS", host.Alipay.Orders[order.OutTradeNo].Status);
        Assert.NotEmpty(host.Alipay.CallbackAnswers);
        Assert.All(host.Alipay.CallbackAnswers, answer => Assert.Equal("success", answer.Body));

        await page.NavigateAsync("My appointments");
        await Expect(page.Heading("My appointments")).ToBeVisibleAsync();
        var booked = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "王芳" }).First;
        await Expect(booked.GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();
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

    [GeneratedRegex(@" \d{2}:\d{2}$")]
    private static partial Regex SlotButton();
}
