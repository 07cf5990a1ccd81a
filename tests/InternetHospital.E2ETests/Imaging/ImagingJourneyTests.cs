using InternetHospital.Application.Common;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Scheduling;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Imaging;

/// <summary>
/// Issue 16 imaging through the SPA on the Development demo archive (张伟's chest CT of eight slices, made by the
/// project): the patient on a phone reads a lab report and its trend, then opens the CT and pages through the slices in
/// the DICOM viewer (dwv draws the real pixel data in Chromium); a doctor in a video visit opens the same study and
/// shares an image the patient then sees.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImagingJourneyTests(AppFixture app) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    [Fact]
    public async Task At_375_px_a_patient_reads_a_lab_report_and_its_trend_then_pages_through_the_slices_of_a_CT()
    {
        var patient = await NewPageAsync(phone: true);
        await patient.SignInAsync("zhangwei@demo.test", PageExtensions.DemoPassword);
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();

        await patient.NavigateAsync("Results");
        await Expect(patient.Heading("Test results")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "Lipid panel" }).Last.ClickAsync();
        await Expect(patient.Heading("Test report")).ToBeVisibleAsync();
        var ldl = patient.GetByRole(AriaRole.Listitem, new() { Name = "LDL cholesterol" });
        await ldl.GetByRole(AriaRole.Link, new() { Name = "See the trend of LDL cholesterol" }).ClickAsync();
        await Expect(patient.Heading("Trend")).ToBeVisibleAsync();
        await Expect(patient.GetByTestId("trend-chart")).ToBeVisibleAsync();

        await patient.NavigateAsync("Results");
        await patient.GetByRole(AriaRole.Tab, new() { Name = "Imaging" }).ClickAsync();
        var studies = patient.GetByRole(AriaRole.List, new() { Name = "Imaging studies" });
        var ct = studies.GetByRole(AriaRole.Listitem).Filter(new() { Has = patient.GetByRole(AriaRole.Heading, new() { NameRegex = new("^CT") }) }).First;
        await Expect(ct).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();
        await AssertFitsAsync(patient);
        await ct.GetByRole(AriaRole.Link).First.ClickAsync();

        await Expect(patient.Heading("Imaging study")).ToBeVisibleAsync();
        await Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Radiology report" })).ToBeVisibleAsync();
        var viewport = patient.GetByTestId("dicom-viewport");
        // dwv has read the DICOM and drawn it: a canvas with the image's pixels, not a placeholder.
        await Expect(viewport).ToHaveAttributeAsync("data-state", "shown", new() { Timeout = 30_000 });
        await Expect(viewport.Locator("canvas").First).ToBeVisibleAsync();
        await Expect(patient.GetByRole(AriaRole.Status).Filter(new() { HasText = "Image 1 of 8" })).ToBeVisibleAsync();
        var first = await viewport.GetAttributeAsync("data-sop-instance-uid");
        var firstPixels = await CanvasDigestAsync(viewport);

        await patient.GetByRole(AriaRole.Button, new() { Name = "Next image" }).ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Status).Filter(new() { HasText = "Image 2 of 8" })).ToBeVisibleAsync();
        await Expect(viewport).ToHaveAttributeAsync("data-state", "shown");
        var second = await viewport.GetAttributeAsync("data-sop-instance-uid");
        Assert.NotEqual(first, second);
        Assert.NotEqual(firstPixels, await CanvasDigestAsync(viewport));

        // The keyboard pages too, and a window preset changes what is drawn.
        await viewport.FocusAsync();
        await patient.Keyboard.PressAsync("ArrowDown");
        await Expect(patient.GetByRole(AriaRole.Status).Filter(new() { HasText = "Image 3 of 8" })).ToBeVisibleAsync();
        await Expect(viewport).ToHaveAttributeAsync("data-state", "shown");
        var beforePreset = await CanvasDigestAsync(viewport);
        await patient.GetByRole(AriaRole.Button, new() { Name = "Bone" }).ClickAsync();
        await Expect(patient.GetByText("Window: W 1800 / L 400")).ToBeVisibleAsync();
        await WaitUntilAsync(async () => await CanvasDigestAsync(viewport) != beforePreset, "the bone window drawn");
        await patient.AssertAccessibleAsync();
        await AssertFitsAsync(patient);
    }

    [Fact]
    public async Task A_doctor_in_a_video_visit_opens_the_patients_study_and_shares_an_image_the_patient_sees()
    {
        // Note: a doctor no other journey books 张伟 with or confirms a session for: a patient has one appointment per
        // doctor a day (the booking journey takes 李伟's first free slot, today in the hospital's morning), and a
        // session confirmed here would skip the password step another journey expects (赵敏, the video specialist).
        var visitId = await BookVideoVisitAsync("zhangwei@demo.test", "dr.wang@demo.test");
        var patient = await NewPageAsync(phone: true);
        await patient.SignInAsync("zhangwei@demo.test", PageExtensions.DemoPassword);
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();
        await patient.GotoAsync($"/visits/{visitId}");
        await Expect(patient.Heading("Video visit")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Turn on camera and microphone" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(patient.GetByText("You are checked in.")).ToBeVisibleAsync();

        var doctor = await NewPageAsync();
        await doctor.SignInAsync("dr.wang@demo.test", PageExtensions.DemoPassword);
        await Expect(doctor.Heading("Workspace")).ToBeVisibleAsync();
        await doctor.GotoAsync($"/visits/{visitId}");
        await doctor.GetByLabel("Password", new() { Exact = true }).FillAsync(PageExtensions.DemoPassword);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        // Domain rule 3 confirmed: on the visit page the check gives way to an enabled "Admit patient".
        var admit = doctor.GetByRole(AriaRole.Button, new() { Name = "Admit patient" });
        await Expect(admit).ToBeEnabledAsync();
        await admit.ClickAsync();

        var panel = doctor.GetByRole(AriaRole.Region, new() { Name = "Patient's imaging" });
        var ct = panel.GetByRole(AriaRole.Listitem).Filter(new() { Has = doctor.GetByRole(AriaRole.Heading, new() { NameRegex = new("^CT") }) }).First;
        await ct.GetByRole(AriaRole.Button, new() { Name = "View images" }).ClickAsync();
        var viewport = panel.GetByTestId("dicom-viewport");
        await Expect(viewport).ToHaveAttributeAsync("data-state", "shown", new() { Timeout = 30_000 });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Next image" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Status).Filter(new() { HasText = "Image 2 of 8" })).ToBeVisibleAsync();

        // Sharing needs the doctor in the call: the button appears once both are in it.
        var share = panel.GetByRole(AriaRole.Button, new() { Name = "Share this image with the patient" });
        await share.ClickAsync(new() { Timeout = 30_000 });
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Shown to the patient" })).ToBeVisibleAsync();

        var shown = patient.GetByRole(AriaRole.Region, new() { Name = "Your doctor is showing you an image" });
        var image = shown.GetByRole(AriaRole.Img, new() { Name = "An image from your study, shown by your doctor" });
        await Expect(image).ToBeVisibleAsync();
        // The rendered frame really arrived (a decoded image, not a broken one).
        await WaitUntilAsync(async () => await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the shared frame decoded");
        await patient.AssertAccessibleAsync();
        await AssertFitsAsync(patient);

        await shown.GetByRole(AriaRole.Button, new() { Name = "Close the image" }).ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> NewPageAsync(bool phone = false)
    {
        var page = await app.NewPageAsync(phone: phone);
        pages.Add(page);
        return page;
    }

    /// <summary>A digest of what the viewer's canvases show: changes when another slice or window is drawn.</summary>
    private static Task<string> CanvasDigestAsync(ILocator viewport) =>
        viewport.EvaluateAsync<string>("""
            el => {
              let hash = 0;
              for (const canvas of el.querySelectorAll('canvas')) {
                const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
                for (let i = 0; i < data.length; i += 7) hash = (hash * 31 + data[i]) | 0;
              }
              return String(hash);
            }
            """);

    /// <summary>Waits for a condition the page reaches by itself (a redraw, a decoded image), checking every 100 ms for 15 s.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 15 s for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Nothing wider than the phone: no sideways scrolling at 375 px.</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways at 375 px");

    /// <summary>A video appointment of the patient (their own record) with the doctor starting in a few minutes (check-in open).</summary>
    private async Task<Guid> BookVideoVisitAsync(string patientEmail, string doctorEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZoneInfo;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = await db.Users.SingleAsync(u => u.Email == patientEmail);
        var patientId = await db.PatientAccesses.Where(a => a.AccountId == account.Id && a.Relationship == PatientRelationship.Self).Select(a => a.PatientId).SingleAsync();
        var doctorAccount = await db.Users.Where(u => u.Email == doctorEmail).Select(u => u.Id).SingleAsync();
        var doctor = await db.Doctors.SingleAsync(d => d.AccountId == doctorAccount);
        var start = now.AddMinutes(5).AddTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerMinute));
        var slot = Slot.Create(doctor.Id, doctor.DepartmentId, new PlannedSlot(start, start.AddMinutes(15), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime), Guid.NewGuid(), false, true));
        db.Slots.Add(slot);
        var appointment = Appointment.Hold(new NewAppointment(patientId, account.Id, slot, VisitType.Video, 0m, "CNY", FollowUpBasis.HisDiagnosis, "I10", null, now.AddMinutes(15)), now);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    }
}
