using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Infrastructure;

/// <summary>The steps people take, found the way people find things: by role and label.</summary>
public static class PageExtensions
{
    public const string DemoPassword = "Demo-Pass-2026";

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).First.ClickAsync();
        await page.WaitForURLAsync("**/login?**");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Domain rule 3: the doctor re-enters their password at the start of the session of visits.</summary>
    /// <remarks>
    /// Journeys (in this class and others) use the same demo doctors (刘洋 asks for a consultation while an
    /// interpreter joins his visit): a session one of them confirmed lasts hours, and the form gives way to it.
    /// </remarks>
    public static async Task ConfirmVisitSessionAsync(this IPage page)
    {
        var confirmed = page.GetByText("Your session is confirmed until");
        var password = page.GetByLabel("Password", new() { Exact = true });
        await Expect(confirmed.Or(password)).ToBeVisibleAsync();
        if (!await confirmed.IsVisibleAsync())
        {
            try
            {
                await password.FillAsync(PageExtensions.DemoPassword, new() { Timeout = 5_000 });
                await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync(new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // The form went away: the session was confirmed meanwhile (checked below).
            }
        }

        await Expect(confirmed).ToBeVisibleAsync();
    }

    public static ILocator Heading(this IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    /// <summary>Registers a new patient through the API (for tests about something else than registration).</summary>
    public static async Task<string> RegisterPatientViaApiAsync(this IPage page, string password, string fullName = "赵磊") =>
        (await page.RegisterPatientWithIdViaApiAsync(password, fullName)).Email;

    /// <summary>Registers a new patient through the API; returns their e-mail and patient id.</summary>
    public static async Task<(string Email, Guid PatientId)> RegisterPatientWithIdViaApiAsync(this IPage page, string password, string fullName = "赵磊")
    {
        var email = $"e2e.{Guid.NewGuid():N}@example.test";
        var dateOfBirth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 15_000));
        var first17 = $"{Random.Shared.Next(110000, 660000)}{dateOfBirth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2 + 1:000}";
        var idNumber = first17 + Domain.Patients.ResidentIdNumber.CheckCharacterFor(first17);
        var response = await page.APIRequest.PostAsync("/api/account/register", new()
        {
            DataObject = new
            {
                fullName, idType = "ResidentId", idNumber, dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), sex = "Male",
                mobile = "13700000000", email, password,
            },
        });
        Assert.Equal(201, response.Status);
        return (email, JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("patientId").GetGuid());
    }

    /// <summary>Follows an item of the main navigation, opening the menu first on a phone.</summary>
    public static async Task NavigateAsync(this IPage page, string linkName)
    {
        var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true });
        if (!await link.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Open navigation" }).ClickAsync();
        }

        await link.ClickAsync();
    }

    /// <summary>Waits until the SPA has opened its live (SignalR) connection, which it does right after sign-in.</summary>
    public static async Task WaitForLiveConnectionAsync(this IPage page)
    {
        // Note: give it the moment it needs on a busy machine.
        for (var i = 0; i < 100; i++)
        {
            var connected = await page.EvaluateAsync<bool>("() => performance.getEntriesByType('resource').some(e => e.name.includes('/hubs/notifications/negotiate'))");
            if (connected)
            {
                await page.WaitForTimeoutAsync(500);
                return;
            }

            await page.WaitForTimeoutAsync(100);
        }
    }

    /// <summary>The access token the SPA received, read from the token endpoint's answer as it goes by.</summary>
    public static async Task<string> CaptureAccessTokenAsync(this IPage page, Func<Task> signIn)
    {
        var tokenResponse = page.WaitForResponseAsync(r => r.Url.EndsWith("/connect/token", StringComparison.Ordinal) && r.Status == 200);
        await signIn();
        var body = await (await tokenResponse).TextAsync();
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
