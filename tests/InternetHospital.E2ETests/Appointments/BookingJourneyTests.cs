using System.Text.RegularExpressions;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Appointments;

[Collection(AppCollection.Name)]
public sealed partial class BookingJourneyTests(AppFixture app)
{
    [Fact]
    public async Task A_patient_with_an_in_person_diagnosis_books_and_pays_a_video_follow_up_and_the_doctor_sees_it()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("zhangwei@demo.test", PageExtensions.DemoPassword);
        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        await Nav(page, "Find care").ClickAsync();
        await Expect(page.Heading("Find care")).ToBeVisibleAsync();
        await Expect(page.GetByText(TimeZoneNote())).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Book with 李伟" }).ClickAsync();

        await Expect(page.Heading("Book with 李伟")).ToBeVisibleAsync();
        await page.GetByText("Video follow-up", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByText("Video follow-up of your in-person diagnosis Essential (primary) hypertension")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = SlotButton() }).First.ClickAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay now" }).ClickAsync();
        await Expect(page.GetByText("Your appointment is booked")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add to calendar" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await Nav(page, "My appointments").ClickAsync();
        await Expect(page.Heading("My appointments")).ToBeVisibleAsync();
        var booked = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "李伟" }).First;
        await Expect(booked.GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(booked.GetByText("Video follow-up")).ToBeVisibleAsync();
        await CheckAsync(page);

        var doctor = await app.NewPageAsync();
        await doctor.SignInAsync("dr.li@demo.test", PageExtensions.DemoPassword);
        await Expect(doctor.Heading("Workspace")).ToBeVisibleAsync();
        await Nav(doctor, "Calendar").ClickAsync();
        await Expect(doctor.Heading("Calendar")).ToBeVisibleAsync();
        await doctor.GetByText("Week", new() { Exact = true }).ClickAsync();
        await Expect(doctor.GetByText(ZhangWeiOnVideo()).First).ToBeVisibleAsync();
        await CheckAsync(doctor);
    }

    [Fact]
    public async Task A_patient_without_a_prior_diagnosis_is_told_why_and_offered_an_in_person_visit_on_a_phone()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync("wangxiuying@demo.test", PageExtensions.DemoPassword);
        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { NameRegex = OpenNavigation() }).ClickAsync();
        await Nav(page, "Find care").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "View doctor: 李伟" }).ClickAsync();
        await Expect(page.Heading("李伟")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Book a video follow-up" }).ClickAsync();

        await Expect(page.GetByText("Video visits are for follow-ups only")).ToBeVisibleAsync();
        await Expect(page.GetByText("Proof of diagnosis")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Book an in-person visit instead" }).ClickAsync();
        await Expect(page.GetByText("Video visits are for follow-ups only")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = SlotButton() }).First).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The page is {width} px wide on a 375 px phone.");
    }

    [Fact]
    public async Task Cancelling_a_paid_booking_shows_the_refund()
    {
        var page = await app.NewPageAsync();
        var email = await page.RegisterPatientViaApiAsync("a long walk by the east lake");
        await page.SignInAsync(email, "a long walk by the east lake");
        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        await Nav(page, "Find care").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Book with 王芳" }).ClickAsync();
        await Expect(page.Heading("Book with 王芳")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = LaterDaySlot() }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay now" }).ClickAsync();
        await Expect(page.GetByText("Your appointment is booked")).ToBeVisibleAsync();

        await Nav(page, "My appointments").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = CancelButton() }).First.ClickAsync();
        await Expect(page.GetByText("The fee you paid is refunded in full.")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Past" }).ClickAsync();
        var cancelled = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "王芳" }).First;
        await Expect(cancelled.GetByText("Cancelled", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(cancelled.GetByText(Refunded())).ToBeVisibleAsync();
        await CheckAsync(page);
    }

    /// <summary>axe on the page as it rests (the pointer parked, so no hover state of the shell's navigation is judged).</summary>
    private static async Task CheckAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.AssertAccessibleAsync();
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    [GeneratedRegex(@" at \d{2}:\d{2}$")]
    private static partial Regex SlotButton();

    /// <summary>A slot on the second or third day shown (well beyond the two-hour change cut-off).</summary>
    [GeneratedRegex(@" at \d{2}:\d{2}$")]
    private static partial Regex LaterDaySlot();

    [GeneratedRegex("^Cancel the appointment on")]
    private static partial Regex CancelButton();

    [GeneratedRegex(@"Refunded: .*30")]
    private static partial Regex Refunded();

    [GeneratedRegex(@"All times are in China Standard Time \(Asia/Shanghai\)")]
    private static partial Regex TimeZoneNote();

    [GeneratedRegex("张伟 · video")]
    private static partial Regex ZhangWeiOnVideo();

    [GeneratedRegex("Open navigation|打开导航")]
    private static partial Regex OpenNavigation();
}
