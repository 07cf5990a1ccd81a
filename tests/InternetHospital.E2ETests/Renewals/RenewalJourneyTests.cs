using System.Text.Json;
using System.Text.RegularExpressions;
using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Renewals;

/// <summary>
/// The renewal path through the SPA as the three people walk it: 张伟 asks for amlodipine again, 李伟 signs, the
/// pharmacist sees the interaction with clarithromycin (on 张伟's hospital record) and approves with a justification,
/// and 张伟 sees "ready for pickup" with a QR code. His alprazolam (special-control) is not offered, and the API refuses it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RenewalJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Patient_requests_amlodipine_doctor_signs_pharmacist_approves_with_justification_patient_sees_pickup_qr()
    {
        // The patient, on a phone.
        var patient = await app.NewPageAsync(phone: true);
        var token = await patient.CaptureAccessTokenAsync(() => patient.SignInAsync("zhangwei@demo.test", PageExtensions.DemoPassword));
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();
        await Expect(patient.GetByText("Amlodipine 5 mg")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "See all my medications" }).ClickAsync();
        await Expect(patient.Heading("My medications")).ToBeVisibleAsync();

        // A special-control drug shows as not renewable...
        var alprazolam = patient.GetByRole(AriaRole.Listitem).Filter(new() { Has = patient.GetByRole(AriaRole.Heading, new() { Name = "Alprazolam 0.4 mg" }) });
        await Expect(alprazolam.GetByText("Special-control medicine: it cannot be renewed online", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(alprazolam.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await patient.AssertAccessibleAsync();

        // ... and the API refuses it.
        var (patientId, alprazolamId) = await PatientAndDrugAsync(patient, token, "N05BA12-0.4");
        var refused = await patient.APIRequest.PostAsync($"/api/patients/{patientId}/renewals", new()
        {
            Headers = Bearer(token),
            DataObject = new
            {
                items = new[] { new { drugId = alprazolamId, daysSupply = 7 } },
                fulfilment = "Pickup", newSymptoms = false, sideEffects = false, hospitalStay = false, pregnancy = false,
            },
        });
        Assert.Equal(422, refused.Status);
        Assert.Equal("special_control_drug", JsonDocument.Parse(await refused.TextAsync()).RootElement.GetProperty("code").GetString());

        // The patient asks for amlodipine again, for pickup.
        await patient.GetByRole(AriaRole.Checkbox, new() { Name = "Renew Amlodipine 5 mg" }).CheckAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Request renewal of 1 medicine" }).ClickAsync();
        await Expect(patient.Heading("Request a renewal")).ToBeVisibleAsync();
        await Expect(patient.GetByText("Can be renewed")).ToBeVisibleAsync();
        foreach (var question in new[] { "Have you had any new symptoms?", "Have you had any side effects?", "Have you stayed in hospital?", "Are you pregnant or breastfeeding?" })
        {
            await patient.GetByRole(AriaRole.Radiogroup, new() { Name = question }).GetByLabel("No").CheckAsync();
        }

        await patient.AssertAccessibleAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Heading, new() { NameRegex = RequestHeading(), Level = 1 })).ToBeVisibleAsync();
        await Expect(patient.GetByText("Waiting for a doctor").First).ToBeVisibleAsync();
        var reference = RequestHeading().Match(await patient.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Groups["reference"].Value;
        await patient.AssertAccessibleAsync();

        // The cardiologist who prescribed it signs.
        var doctor = await app.NewPageAsync();
        await doctor.SignInAsync("dr.li@demo.test", PageExtensions.DemoPassword);
        await Expect(doctor.Heading("Workspace")).ToBeVisibleAsync();
        await doctor.GetByRole(AriaRole.Link, new() { Name = "Open the renewal queue" }).ClickAsync();
        await Expect(doctor.Heading("Renewal requests")).ToBeVisibleAsync();
        await doctor.GetByRole(AriaRole.Link, new() { Name = $"Open request {reference} of 张伟" }).ClickAsync();
        await Expect(doctor.Heading($"Renewal {reference}: 张伟")).ToBeVisibleAsync();
        await doctor.AssertAccessibleAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Approve and sign" }).ClickAsync();
        await Expect(doctor.GetByText("This request has been decided: Signed by the doctor, waiting for the pharmacist.")).ToBeVisibleAsync();

        // The pharmacist sees the interaction with the second drug and approves with a justification.
        var pharmacist = await app.NewPageAsync();
        await pharmacist.SignInAsync("pharmacist.sun@demo.test", PageExtensions.DemoPassword);
        await Expect(pharmacist.Heading("Review queue")).ToBeVisibleAsync();
        var goOnDuty = pharmacist.GetByRole(AriaRole.Button, new() { Name = "Go on duty" });
        await Expect(goOnDuty.Or(pharmacist.GetByRole(AriaRole.Button, new() { Name = "Go off duty" }))).ToBeVisibleAsync();
        if (await goOnDuty.IsVisibleAsync())
        {
            await goOnDuty.ClickAsync();
        }

        await Expect(pharmacist.GetByText(OnDuty())).ToBeVisibleAsync();
        await pharmacist.AssertAccessibleAsync();
        await pharmacist.GetByRole(AriaRole.Link, new() { Name = $"Open {reference} of 张伟" }).ClickAsync();
        await Expect(pharmacist.Heading($"Prescription review {reference}: 张伟")).ToBeVisibleAsync();
        await Expect(pharmacist.GetByText("Interaction between Amlodipine and Clarithromycin")).ToBeVisibleAsync();
        await Expect(pharmacist.GetByText("Severe", new() { Exact = true })).ToBeVisibleAsync();
        await pharmacist.AssertAccessibleAsync();
        await pharmacist.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(pharmacist.GetByText("A severe finding needs a written justification", new() { Exact = false })).ToBeVisibleAsync();
        await pharmacist.GetByLabel("Justification").FillAsync("Clarithromycin course ends in 4 days; advised to check blood pressure daily.");
        await pharmacist.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(pharmacist.GetByText("Approved by the pharmacist")).ToBeVisibleAsync();
        await Expect(pharmacist.GetByRole(AriaRole.Button, new() { Name = "Dispense" })).ToBeVisibleAsync();

        // The patient sees "ready for pickup" with the QR code.
        await patient.GetByRole(AriaRole.Link, new() { Name = "Back to my medications" }).ClickAsync();
        await Expect(patient.Heading("My medications")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = $"Request {reference}" }).ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Ready for pickup" })).ToBeVisibleAsync();
        var qr = patient.GetByRole(AriaRole.Img, new() { NameRegex = PickupQr() });
        await Expect(qr).ToBeVisibleAsync();
        await Expect(qr.Locator("svg")).ToBeVisibleAsync();
        await Expect(patient.GetByText("Signed by 李伟", new() { Exact = false })).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static async Task<(Guid PatientId, Guid DrugId)> PatientAndDrugAsync(IPage page, string token, string code)
    {
        var me = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/me", new() { Headers = Bearer(token) })).TextAsync()).RootElement;
        var patientId = me.GetProperty("patients")[0].GetProperty("id").GetGuid();
        var medications = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/patients/{patientId}/medications", new() { Headers = Bearer(token) })).TextAsync()).RootElement;
        var drugId = medications.GetProperty("medications").EnumerateArray()
            .Select(m => m.GetProperty("medication"))
            .First(m => m.GetProperty("code").GetString() == code)
            .GetProperty("drugId").GetGuid();
        return (patientId, drugId);
    }

    [GeneratedRegex("^Renewal request (?<reference>[0-9A-F]{8})$")]
    private static partial Regex RequestHeading();

    [GeneratedRegex(@"^QR code of pickup code \d{8}$")]
    private static partial Regex PickupQr();

    [GeneratedRegex(@"孙丽 since")]
    private static partial Regex OnDuty();
}
