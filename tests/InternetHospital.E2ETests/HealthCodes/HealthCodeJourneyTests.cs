using System.Text.Json;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.HealthCodes;

/// <summary>
/// The pharmacy window with the health code (issue 17): a patient whose renewal is ready opens "My health code" on the
/// phone, the pharmacist's handheld scanner types the code into the scan field, the window sees who it is and what is
/// waiting, and hands the medicine over without the pickup code.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HealthCodeJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Pharmacist_scans_the_patients_dynamic_code_and_hands_over_the_renewal()
    {
        // A patient with 张伟's hospital record (amlodipine), so the renewal has something to renew; set up over the API.
        var patient = await app.NewPageAsync(phone: true);
        var (email, patientId) = await patient.RegisterPatientWithIdViaApiAsync(PageExtensions.DemoPassword + "-x", "冯建军");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Patients.SingleAsync(p => p.Id == patientId)).LinkToHis("H0000001");
            await db.SaveChangesAsync();
        }

        var patientToken = await patient.CaptureAccessTokenAsync(() => patient.SignInAsync(email, PageExtensions.DemoPassword + "-x"));
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();
        var renewalId = await SubmitAmlodipineAsync(patient, patientToken, patientId);

        var doctor = await app.NewPageAsync();
        var doctorToken = await doctor.CaptureAccessTokenAsync(() => doctor.SignInAsync("dr.li@demo.test", PageExtensions.DemoPassword));
        await PostAsync(doctor, doctorToken, $"/api/doctor/renewals/{renewalId}/approve", new { });

        var pharmacist = await app.NewPageAsync();
        var pharmacistToken = await pharmacist.CaptureAccessTokenAsync(() => pharmacist.SignInAsync("pharmacist.sun@demo.test", PageExtensions.DemoPassword));
        await Expect(pharmacist.Heading("Review queue")).ToBeVisibleAsync();
        Assert.Equal(200, (await pharmacist.APIRequest.PutAsync("/api/pharmacy/duty", new() { Headers = Bearer(pharmacistToken), DataObject = new { onDuty = true } })).Status);
        await PostAsync(pharmacist, pharmacistToken, $"/api/pharmacy/renewals/{renewalId}/approve", new { justification = "Clarithromycin course ends soon; BP checks advised." });
        await PostAsync(pharmacist, pharmacistToken, $"/api/pharmacy/renewals/{renewalId}/dispense", new { });

        // The patient shows the code on the phone.
        await patient.NavigateAsync("My health code");
        await Expect(patient.Heading("My health code")).ToBeVisibleAsync();
        var qr = patient.GetByTestId("health-code-qr");
        await Expect(qr.Locator("svg")).ToBeVisibleAsync();
        await Expect(patient.GetByText("New code in", new() { Exact = false })).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();
        var code = await qr.GetAttributeAsync("data-code");
        Assert.StartsWith("HC1:", code, StringComparison.Ordinal);

        // The window's handheld scanner types the code into the field and presses Enter.
        await pharmacist.NavigateAsync("Scan health code");
        await Expect(pharmacist.Heading("Scan a health code")).ToBeVisibleAsync();
        var field = pharmacist.GetByTestId("scan-code-input");
        await pharmacist.GetByLabel("Where you are").FillAsync("Pharmacy window 3");
        await field.ClickAsync();
        await field.PressSequentiallyAsync(code!);
        await field.PressAsync("Enter");

        var result = pharmacist.GetByTestId("scan-result");
        await Expect(result.GetByRole(AriaRole.Heading, new() { Name = "冯建军" })).ToBeVisibleAsync();
        await Expect(result.GetByText("Ready for pickup")).ToBeVisibleAsync();
        await Expect(result.GetByText("Amlodipine", new() { Exact = false })).ToBeVisibleAsync();
        await pharmacist.AssertAccessibleAsync();
        await result.GetByRole(AriaRole.Button, new() { Name = "Hand over" }).ClickAsync();
        await Expect(result.GetByText("Handed over")).ToBeVisibleAsync();

        var renewal = JsonDocument.Parse(await (await patient.APIRequest.GetAsync($"/api/patients/{patientId}/renewals/{renewalId}", new() { Headers = Bearer(patientToken) })).TextAsync()).RootElement;
        Assert.Equal("PickedUp", renewal.GetProperty("status").GetString());
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static async Task PostAsync(IPage page, string token, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(path, new() { Headers = Bearer(token), DataObject = body });
        Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
    }

    private static async Task<Guid> SubmitAmlodipineAsync(IPage page, string token, Guid patientId)
    {
        var medications = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/patients/{patientId}/medications", new() { Headers = Bearer(token) })).TextAsync()).RootElement;
        var drugId = medications.GetProperty("medications").EnumerateArray()
            .Select(m => m.GetProperty("medication"))
            .First(m => m.GetProperty("code").GetString() == "C08CA01-5")
            .GetProperty("drugId").GetGuid();
        var response = await page.APIRequest.PostAsync($"/api/patients/{patientId}/renewals", new()
        {
            Headers = Bearer(token),
            DataObject = new
            {
                items = new[] { new { drugId, daysSupply = 28 } },
                fulfilment = "Pickup", newSymptoms = false, sideEffects = false, hospitalStay = false, pregnancy = false,
            },
        });
        Assert.Equal(201, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
