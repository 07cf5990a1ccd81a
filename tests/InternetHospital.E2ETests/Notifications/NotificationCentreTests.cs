using System.Text.Json;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Notifications;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Notifications;

[Collection(AppCollection.Name)]
public sealed class NotificationCentreTests(AppFixture app)
{
    [Fact]
    public async Task A_patient_sees_the_welcome_notice_then_a_new_one_arrives_live()
    {
        var page = await app.NewPageAsync();
        const string password = "a walk in the botanical garden";
        var email = await page.RegisterPatientViaApiAsync(password);
        var token = await page.CaptureAccessTokenAsync(() => page.SignInAsync(email, password));
        await Expect(page.Heading("My health")).ToBeVisibleAsync();

        var bell = page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread" });
        await bell.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Notifications" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Welcome! Your account is ready.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // Something happens on the server while the page is open: the bell and a toast say so at once.
        var me = await page.APIRequest.GetAsync("/api/me", new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } });
        var accountId = JsonDocument.Parse(await me.TextAsync()).RootElement.GetProperty("id").GetGuid();
        await page.WaitForLiveConnectionAsync();
        await NotifyAsync(accountId);

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 2 unread" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "New notification" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 2 unread" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByText("Refunded: CN¥50.00 for Video visit.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
    }

    private async Task NotifyAsync(Guid accountId)
    {
        using var scope = app.Services.CreateScope();
        var notifier = scope.ServiceProvider.GetRequiredService<INotifier>();
        await notifier.NotifyAsync(
            new Notice(accountId, "payment.refunded", new Dictionary<string, string>
            {
                ["amount"] = "50.00", ["currency"] = "CNY", ["description"] = "Video visit", ["paymentId"] = Guid.NewGuid().ToString(),
            }, "/notifications", SendEmail: false),
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IAppDbContext>().SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IAfterCommit>().RunAsync(CancellationToken.None);
    }
}
