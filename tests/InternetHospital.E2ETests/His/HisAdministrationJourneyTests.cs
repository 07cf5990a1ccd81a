using InternetHospital.Domain.His;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.His;

/// <summary>
/// An admin at work on the HIS integration: a message the HIS refused until it was dead-lettered is found, read,
/// and, once the HIS is fixed, retried and delivered; an identity check is decided on a phone.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HisAdministrationJourneyTests(AppFixture app)
{
    private const string Admin = "admin.zhou@demo.test";

    [Fact]
    public async Task An_admin_sees_a_dead_lettered_message_fixes_the_his_retries_and_it_is_delivered()
    {
        var page = await app.NewPageAsync();
        Guid patientId;
        HisOutboxMessage deadLetter;
        app.His.Control.AckCode = "AE";
        app.His.Control.AckText = "PID-3 患者未知 unknown patient";
        try
        {
            // A patient registers; the HIS refuses the registration until the message is dead-lettered.
            (_, patientId) = await page.RegisterPatientWithIdViaApiAsync("a walk along the pearl river");
            deadLetter = await WaitForMessageAsync(patientId, HisOutboxStatus.DeadLettered);
        }
        finally
        {
            // The HIS is fixed (and every other test finds it accepting again).
            app.His.Control.Reset();
        }

        await page.SignInAsync(Admin, PageExtensions.DemoPassword);
        await Expect(page.Heading("Administration")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "HIS messages" }).ClickAsync();
        await Expect(page.Heading("HIS messages")).ToBeVisibleAsync();
        await Expect(page.GetByText("1 dead letter needs you")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Show dead letters" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Dead letter (1)" })).ToBeCheckedAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "HIS messages, newest first" }).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(2);
        await rows.Filter(new() { HasText = patientId.ToString()[^8..] }).GetByRole(AriaRole.Link, new() { Name = "Patient registered" }).ClickAsync();

        await Expect(page.Heading("HIS message: Patient registered")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Last error" })).ToContainTextAsync("PID-3 患者未知 unknown patient");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Message content (JSON)" })).ToContainTextAsync("\"fullName\": \"赵磊\"");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Every delivery attempt, oldest first" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        await Expect(page.GetByText("The message is queued again and will be sent shortly.")).ToBeVisibleAsync();
        // The page looks again while the message is on its way, so the admin sees it arrive.
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Summary" }).GetByText("Delivered", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry now" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        // The HIS processed it once: two refusals, then one acceptance, all with the same control id.
        var controlId = deadLetter.Id.ToString("N");
        Assert.Single(app.His.Store.Hl7Applied, r => r.ControlId == controlId);
        Assert.Equal(["AE", "AE", "AA"], app.His.Store.Hl7Received.Where(r => r.ControlId == controlId).Select(r => r.Acknowledgement));
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.Action == "his.outbox.message.retried").ToListAsync();
        Assert.NotNull(Assert.Single(audit).ActorAccountId);
    }

    [Fact]
    public async Task An_admin_links_a_patient_to_the_right_his_record_on_a_phone()
    {
        var page = await app.NewPageAsync(phone: true);
        var (_, patientId) = await page.RegisterPatientWithIdViaApiAsync("a walk along the pearl river");
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await OpenReviewAsync(patientId, ("H" + suffix, "赵 磊"), ("J" + suffix, "赵蕾"));

        await page.SignInAsync(Admin, PageExtensions.DemoPassword);
        await Expect(page.Heading("Administration")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open navigation" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Identity checks" }).ClickAsync();
        await Expect(page.Heading("Identity checks")).ToBeVisibleAsync();
        var review = page.GetByRole(AriaRole.Region, new() { Name = "Identity check for 赵磊" }).Filter(new() { HasText = "H" + suffix });
        await Expect(review).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await review.GetByRole(AriaRole.Radio, new() { Name = $"赵 磊, born" }).ClickAsync();
        await review.GetByLabel("Note (optional)").FillAsync("电话核实 checked by phone");
        await review.GetByRole(AriaRole.Button, new() { Name = "Link chosen record" }).ClickAsync();
        await Expect(page.GetByText($"赵磊 is linked to HIS record H{suffix}.")).ToBeVisibleAsync();
        await Expect(review).ToHaveCountAsync(0);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("H" + suffix, (await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId)).HisPatientId);
    }

    /// <summary>Waits for the app's own dispatcher to bring the patient's message to a state (it polls every 200 ms here).</summary>
    private async Task<HisOutboxMessage> WaitForMessageAsync(Guid patientId, HisOutboxStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().HisOutbox.AsNoTracking()
                    .SingleOrDefaultAsync(m => m.PatientId == patientId && m.Kind == "patient.registered");
                if (message?.Status == status)
                {
                    return message;
                }

                Assert.True(DateTime.UtcNow < deadline, $"The registration message is {message?.Status.ToString() ?? "missing"}, not {status}.");
            }

            await Task.Delay(100);
        }
    }

    private async Task OpenReviewAsync(Guid patientId, params (string HisId, string Name)[] candidates)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId);
        db.HisIdentityReviews.Add(HisIdentityReview.Open(
            patientId,
            HisIdentityReviewReason.MultipleCandidates,
            candidates.Select(c => new HisIdentityCandidate(c.HisId, "MR" + c.HisId, c.Name, patient.DateOfBirth, patient.Sex.ToString())).ToList(),
            DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
