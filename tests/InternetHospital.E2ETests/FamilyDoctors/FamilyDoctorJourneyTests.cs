using System.Text.RegularExpressions;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.FamilyDoctors;

/// <summary>
/// The whole family-doctor loop through the SPA, with the patient (on a phone) and the family doctor (at a desk) in
/// two browser contexts at once, so the alert can be seen arriving on the doctor's panel live.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class FamilyDoctorJourneyTests(AppFixture app)
{
    private const string Team = "Donghu family-doctor team of Dr Chen Jing";

    [Fact]
    public async Task A_patient_signs_with_a_family_doctor_records_a_dangerous_reading_the_panel_shows_it_live_and_the_doctor_writes_back()
    {
        const string password = "a quiet morning by the lake";
        var patientName = "E2E" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var patient = await app.NewPageAsync(phone: true);
        var email = await patient.RegisterPatientViaApiAsync(password, patientName);

        // The patient applies to the demo team for the hypertension package.
        await patient.SignInAsync(email, password);
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();
        await patient.NavigateAsync("Family doctor");
        await Expect(patient.Heading("My family doctor")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Radio, new() { Name = Team }).CheckAsync();
        await patient.GetByRole(AriaRole.Radio, new() { Name = "Hypertension management" }).CheckAsync();
        await patient.AssertAccessibleAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Apply to sign" }).ClickAsync();
        await Expect(patient.GetByText("Waiting for the team")).ToBeVisibleAsync();

        // The family doctor accepts it from the panel, reached from the workspace card.
        var doctor = await app.NewPageAsync();
        await doctor.SignInAsync("dr.chen@demo.test", PageExtensions.DemoPassword);
        await Expect(doctor.Heading("Workspace")).ToBeVisibleAsync();
        await doctor.GetByRole(AriaRole.Region, new() { Name = "My patients" }).GetByRole(AriaRole.Link, new() { Name = "Open my patients" }).ClickAsync();
        await Expect(doctor.Heading("My patients")).ToBeVisibleAsync();
        var accept = doctor.GetByRole(AriaRole.Button, new() { Name = $"Accept the application of {patientName}" });
        await Expect(accept).ToBeVisibleAsync();
        await doctor.AssertAccessibleAsync();
        await accept.ClickAsync();
        await Expect(accept).ToHaveCountAsync(0);
        await Expect(doctor.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = patientName })).ToBeVisibleAsync();
        await doctor.WaitForLiveConnectionAsync();

        // The patient records 185/112 and is told, at once, to seek emergency care.
        await patient.NavigateAsync("Health readings");
        await Expect(patient.Heading("Health readings")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Textbox, new() { Name = "Upper number (systolic)" }).FillAsync("185");
        await patient.GetByRole(AriaRole.Textbox, new() { Name = "Lower number (diastolic)" }).FillAsync("112");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Save reading" }).ClickAsync();
        var advice = patient.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Seek emergency care now" });
        await Expect(advice).ToBeVisibleAsync();
        await Expect(advice).ToContainTextAsync("185/112 mmHg");
        await Expect(advice).ToContainTextAsync("Your family-doctor team has been alerted");
        await Expect(advice.GetByRole(AriaRole.Link, new() { Name = "Call 120 (emergency)" })).ToHaveAttributeAsync("href", "tel:120");
        await patient.AssertAccessibleAsync();

        // The doctor's panel, open all along and never reloaded, shows the alert.
        var alerts = doctor.GetByRole(AriaRole.Region, new() { NameRegex = AlertsHeading() });
        await Expect(alerts.GetByRole(AriaRole.Link, new() { Name = patientName })).ToBeVisibleAsync();
        await Expect(alerts).ToContainTextAsync("185/112 mmHg");
        await Expect(doctor.GetByText("A patient recorded a dangerous home reading.")).ToBeVisibleAsync();
        await doctor.AssertAccessibleAsync();

        // The doctor opens the patient and writes to them.
        await alerts.GetByRole(AriaRole.Link, new() { Name = patientName }).ClickAsync();
        await Expect(doctor.Heading(patientName)).ToBeVisibleAsync();
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "From the hospital record" })).ToBeVisibleAsync();
        await doctor.AssertAccessibleAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Write to the patient" }).ClickAsync();
        await doctor.GetByRole(AriaRole.Textbox, new() { Name = "Subject" }).FillAsync("Your blood pressure");
        await doctor.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Please go to the emergency department now, then call us.");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(doctor.Heading("Conversation")).ToBeVisibleAsync();
        await Expect(doctor.GetByText("Sent, not read yet")).ToBeVisibleAsync();

        // The patient reads it; the doctor sees the read receipt arrive.
        await patient.NavigateAsync("Messages");
        await Expect(patient.Heading("Messages")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Link, new() { NameRegex = YourBloodPressure() }).ClickAsync();
        await Expect(patient.GetByText("Please go to the emergency department now, then call us.")).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();
        await Expect(doctor.GetByText(ReadReceipt())).ToBeVisibleAsync();
        await doctor.AssertAccessibleAsync();
    }

    [GeneratedRegex("alert")]
    private static partial Regex AlertsHeading();

    [GeneratedRegex("^Your blood pressure")]
    private static partial Regex YourBloodPressure();

    [GeneratedRegex("^Read ")]
    private static partial Regex ReadReceipt();
}
