using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Emergency;

/// <summary>
/// Pre-hospital registration (issue 18) with two browsers: the ambulance crew on a phone (fake position, losing the
/// network while recording vital signs) and the emergency department's board on a 1920×1080 screen, which sees the case
/// coming with its alert and ETA, accepts it (registration with the HIS before arrival) and records the handover.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EmergencyJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Crew_records_a_stroke_case_partly_offline_and_the_department_accepts_registers_and_takes_it_over()
    {
        // A description no other test uses: the board may hold cases of earlier runs of this journey.
        var marker = $"E2E-{Guid.NewGuid():N}"[..12];

        // The crew's phone, somewhere in Wuchang about 6 km from the hospital, with location allowed.
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
        var board = await boardContext.NewPageAsync();
        await board.SignInAsync("ed@demo.test", PageExtensions.DemoPassword);
        await Expect(board.Heading("Emergency board")).ToBeVisibleAsync();

        // One tap starts the case; the patient is not known yet.
        await crew.GetByTestId("start-case").ClickAsync();
        await crew.WaitForURLAsync("**/emergency/crew/cases/*");
        await crew.GetByText("Unknown", new() { Exact = true }).ClickAsync();
        await crew.GetByText("Male", new() { Exact = true }).ClickAsync();
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Estimated age" }).FillAsync("65");
        await crew.GetByLabel("Description (clothing, features, where found)").FillAsync($"{marker} grey coat, found at the bus stop");
        await crew.GetByRole(AriaRole.Button, new() { Name = "Save as unknown patient" }).ClickAsync();

        await crew.GetByRole(AriaRole.Tab, new() { Name = "Assess" }).ClickAsync();
        await crew.GetByLabel("Chief complaint").FillAsync("Left-sided weakness, slurred speech");
        await crew.GetByText("II · Severe", new() { Exact = true }).ClickAsync();
        await crew.GetByText("Stroke", new() { Exact = true }).ClickAsync();
        await crew.GetByText("BE-FAST", new() { Exact = true }).ClickAsync();
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Score" }).FillAsync("4");
        await crew.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();

        // Destination (pre-notification) and the stroke team alert.
        await crew.GetByRole(AriaRole.Tab, new() { Name = "Transport" }).ClickAsync();
        var firstPosition = crew.WaitForResponseAsync(r => r.Url.EndsWith("/position", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await crew.GetByRole(AriaRole.Button, new() { Name = "City First", Exact = false }).ClickAsync();
        // The phone sends its position as soon as the case has a destination (the page may use geolocation).
        Assert.Equal(200, (await firstPosition).Status);
        await crew.GetByRole(AriaRole.Button, new() { Name = "Alert Stroke team" }).ClickAsync();
        await Expect(crew.GetByRole(AriaRole.Button, new() { Name = "Stroke team alerted" })).ToBeVisibleAsync();
        await Expect(crew.GetByTestId("waiting-count").First).ToHaveTextAsync("All sent", new() { Timeout = 30_000 });

        // The ambulance loses its signal while the crew records two sets of vital signs.
        await crew.GetByRole(AriaRole.Tab, new() { Name = "Vitals" }).ClickAsync();
        await crewContext.SetOfflineAsync(true);
        await Expect(crew.GetByText("No network")).ToBeVisibleAsync();
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Heart rate" }).FillAsync("400");
        await crew.GetByTestId("add-vitals").ClickAsync();
        await Expect(crew.GetByText("Outside physiological limits: 20–300 /min")).ToBeVisibleAsync();
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Heart rate" }).FillAsync("104");
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Systolic BP" }).FillAsync("182");
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Diastolic BP" }).FillAsync("96");
        await crew.GetByTestId("add-vitals").ClickAsync();
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "Heart rate" }).FillAsync("98");
        await crew.GetByRole(AriaRole.Textbox, new() { Name = "SpO₂" }).FillAsync("95");
        await crew.GetByTestId("add-vitals").ClickAsync();
        await Expect(crew.GetByTestId("waiting-count").First).ToHaveTextAsync("2 waiting to be sent");
        await Expect(crew.GetByTestId("queued-vitals")).ToHaveCountAsync(2);
        await crew.AssertAccessibleAsync();

        // Back in signal: the queue drains by itself, in order.
        await crewContext.SetOfflineAsync(false);
        await Expect(crew.GetByTestId("waiting-count").First).ToHaveTextAsync("All sent", new() { Timeout = 30_000 });

        // The board sees the case coming: triage, pathway, latest vitals, the alert (not yet acknowledged) and the ETA.
        var card = board.GetByTestId("board-case").Filter(new() { HasText = marker });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(card.GetByText("Level II")).ToBeVisibleAsync();
        await Expect(card.GetByText("Stroke", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("98", new() { Timeout = 30_000 });
        await Expect(card.GetByText("Not acknowledged yet")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("eta")).ToContainTextAsync("min", new() { Timeout = 30_000 });
        await board.AssertAccessibleAsync();

        // The stroke team member acknowledges; the board shows who.
        var stroke = await app.NewPageAsync();
        await stroke.SignInAsync("stroke@demo.test", PageExtensions.DemoPassword);
        await Expect(stroke.Heading("Emergency board")).ToBeVisibleAsync();
        await stroke.NavigateAsync("Team alerts");
        await Expect(stroke.Heading("Team alerts")).ToBeVisibleAsync();
        var alert = stroke.GetByTestId("team-alert").Filter(new() { HasText = marker });
        await alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge (Stroke)" }).ClickAsync();
        await Expect(alert.GetByText("Acknowledged by 孙浩", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(card.GetByText("Acknowledged by 孙浩", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The department accepts: the patient is registered with the HIS (ADT^A04) before the doors open.
        var registrationsBefore = app.His.Store.Hl7Applied.Count(m => m.MessageType.StartsWith("ADT^A04", StringComparison.Ordinal));
        await card.ClickAsync();
        await Expect(board.GetByTestId("vitals-chart")).ToBeVisibleAsync();
        await board.GetByRole(AriaRole.Button, new() { Name = "Accept and register" }).ClickAsync();
        await Expect(board.GetByTestId("accepted")).ToContainTextAsync("Registered with the HIS");
        for (var i = 0; i < 100 && app.His.Store.Hl7Applied.Count(m => m.MessageType.StartsWith("ADT^A04", StringComparison.Ordinal)) == registrationsBefore; i++)
        {
            await Task.Delay(200);
        }

        Assert.True(app.His.Store.Hl7Applied.Count(m => m.MessageType.StartsWith("ADT^A04", StringComparison.Ordinal)) > registrationsBefore, "the HIS received no ADT^A04 registration");

        // Arrival and handover, on the timeline.
        await board.GetByRole(AriaRole.Button, new() { Name = "Arrived at hospital" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Arrived at hospital ✓" })).ToBeDisabledAsync();
        await board.GetByRole(AriaRole.Button, new() { Name = "Handed over" }).ClickAsync();
        await Expect(board.GetByTestId("timeline-entry").Filter(new() { HasText = "Handed over" })).ToBeVisibleAsync();
        await board.AssertAccessibleAsync();

        // The crew's list shows the case as handed over.
        await crew.GotoAsync("/emergency/crew");
        await Expect(crew.GetByRole(AriaRole.Link).Filter(new() { HasText = marker })).ToContainTextAsync("Handed over");

        await crewContext.CloseAsync();
        await boardContext.CloseAsync();
    }
}
