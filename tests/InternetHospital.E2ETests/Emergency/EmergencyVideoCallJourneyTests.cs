using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Emergency;

/// <summary>
/// Video from the ambulance (issue 18) with two browsers: the emergency doctor calls the crew from the case on the board
/// (1920×1080), the crew's phone (375 px) rings, the crew answers, both decode each other's video (real WebRTC with
/// Chromium's fake camera; asserted on getStats, not on the page alone), and the handover closes the call on both sides.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EmergencyVideoCallJourneyTests(AppFixture app)
{
    [Fact]
    public async Task The_department_calls_the_crew_the_phone_rings_both_see_each_other_and_the_handover_ends_the_call()
    {
        // A description no other journey uses: the board holds other cases of the same crew and hospital.
        var marker = $"VC-{Guid.NewGuid():N}"[..11];

        var crewContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
            Permissions = ["geolocation"],
            Geolocation = new Geolocation { Latitude = 30.5450f, Longitude = 114.3500f, Accuracy = 20 },
        });
        crewContext.SetDefaultTimeout(15_000);
        await crewContext.InstallAsync();
        var crew = await crewContext.NewPageAsync();
        await crew.SignInAsync("crew@demo.test", PageExtensions.DemoPassword);
        await Expect(crew.Heading("Ambulance cases")).ToBeVisibleAsync();

        var boardContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        boardContext.SetDefaultTimeout(15_000);
        await boardContext.InstallAsync();
        var board = await boardContext.NewPageAsync();
        await board.SignInAsync("ed@demo.test", PageExtensions.DemoPassword);
        await Expect(board.Heading("Emergency board")).ToBeVisibleAsync();

        // The crew's own case (an unknown patient) on its way to the hospital.
        await crew.GetByTestId("start-case").ClickAsync();
        await crew.WaitForURLAsync("**/emergency/crew/cases/*");
        var caseId = crew.Url.Split('/').Last();
        await crew.GetByText("Unknown", new() { Exact = true }).ClickAsync();
        await crew.GetByText("Female", new() { Exact = true }).ClickAsync();
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Estimated age" }).FillAsync("50");
        await crew.GetByLabel("Description (clothing, features, where found)").FillAsync($"{marker} red scarf");
        await crew.GetByRole(AriaRole.Button, new() { Name = "Save as unknown patient" }).ClickAsync();
        await crew.GetByRole(AriaRole.Tab, new() { Name = "Transport" }).ClickAsync();
        await crew.GetByRole(AriaRole.Button, new() { Name = "City First", Exact = false }).ClickAsync();
        await Expect(crew.GetByTestId("waiting-count").First).ToHaveTextAsync("All sent", new() { Timeout = 30_000 });

        // The emergency doctor opens the case and calls the crew.
        var card = board.GetByTestId("board-case").Filter(new() { HasText = marker });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await card.ClickAsync();
        await board.GetByRole(AriaRole.Button, new() { Name = "Video call the crew" }).ClickAsync();
        await board.WaitForURLAsync($"**/emergency/board/cases/{caseId}/call");

        // The crew's phone rings over the case: answer or decline, big buttons.
        var ring = crew.GetByRole(AriaRole.Dialog, new() { Name = "Video call from the emergency department" });
        await Expect(ring).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var answer = ring.GetByRole(AriaRole.Button, new() { Name = "Answer" });
        Assert.True((await answer.BoundingBoxAsync())!.Height >= 56, "the answer button is too small for gloves");
        await crew.AssertAccessibleAsync();
        await answer.ClickAsync();
        await crew.WaitForURLAsync($"**/emergency/crew/cases/{caseId}/call");

        // Both decode the other's video.
        await crew.WaitForVideoAsync();
        await board.WaitForVideoAsync();
        await Expect(crew.GetByText("Emergency department", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(board.GetByText("Ambulance crew", new() { Exact = false }).First).ToBeVisibleAsync();
        await crew.AssertAccessibleAsync();
        await board.AssertAccessibleAsync();

        // The patient arrives and is handed over (a colleague at the desk): the call closes on both sides.
        var desk = await boardContext.NewPageAsync();
        await desk.GotoAsync($"/emergency/board/cases/{caseId}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Handed over" }).ClickAsync();
        await Expect(desk.GetByTestId("timeline-entry").Filter(new() { HasText = "Handed over" })).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("timeline-entry").Filter(new() { HasText = "Video call started" })).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("timeline-entry").Filter(new() { HasText = "Video call ended" })).ToBeVisibleAsync();
        await Expect(crew.GetByText("The patient has been handed over: the call is closed.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(board.GetByText("The patient has been handed over: the call is closed.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Video call the crew" })).ToHaveCountAsync(0);

        await crewContext.CloseAsync();
        await boardContext.CloseAsync();
    }
}
