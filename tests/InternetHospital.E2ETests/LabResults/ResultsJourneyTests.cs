using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.LabResults;

/// <summary>
/// 张伟 on a phone opens his lab reports (served by the demo HIS), reads his lipid panel with its flags in words and
/// the plain-language notes, and follows his LDL cholesterol over the year. The HIV screen waiting for his doctor's
/// release is not among them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ResultsJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Demo_patient_opens_a_lab_report_and_the_trend_of_a_value_at_375_px()
    {
        var patient = await app.NewPageAsync(phone: true);
        await patient.SignInAsync("zhangwei@demo.test", PageExtensions.DemoPassword);
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();

        await patient.NavigateAsync("Results");
        await Expect(patient.Heading("Test results")).ToBeVisibleAsync();
        await Expect(patient.GetByRole(AriaRole.Link, new() { Name = "Lipid panel" })).ToHaveCountAsync(3);
        await Expect(patient.GetByRole(AriaRole.Link, new() { Name = "Metabolic panel" })).ToBeVisibleAsync();
        await Expect(patient.GetByRole(AriaRole.Link, new() { Name = "HIV antigen/antibody test" })).ToHaveCountAsync(0);
        await patient.AssertAccessibleAsync();
        await AssertFitsAsync(patient);

        // The oldest lipid panel: LDL cholesterol was high then.
        await patient.GetByRole(AriaRole.Link, new() { Name = "Lipid panel" }).Last.ClickAsync();
        await Expect(patient.Heading("Test report")).ToBeVisibleAsync();
        var ldl = patient.GetByRole(AriaRole.Listitem, new() { Name = "LDL cholesterol" });
        await Expect(ldl.GetByText("High ↑")).ToBeVisibleAsync();
        await Expect(ldl.GetByText("Reference range: < 3.4 mmol/L")).ToBeVisibleAsync();
        await Expect(ldl.GetByText("The \"bad\" cholesterol", new() { Exact = false })).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();
        await AssertFitsAsync(patient);

        await ldl.GetByRole(AriaRole.Link, new() { Name = "See the trend of LDL cholesterol" }).ClickAsync();
        await Expect(patient.Heading("Trend")).ToBeVisibleAsync();
        await Expect(patient.GetByTestId("trend-chart")).ToBeVisibleAsync();
        var rows = patient.GetByRole(AriaRole.Table, new() { Name = "Values of LDL cholesterol" }).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(4); // a header and three reports
        await Expect(rows.Nth(1)).ToContainTextAsync("3 mmol/L");
        await Expect(rows.Nth(3)).ToContainTextAsync("4.4 mmol/L");
        await patient.AssertAccessibleAsync();
        await AssertFitsAsync(patient);
    }

    /// <summary>Nothing wider than the phone: no sideways scrolling at 375 px.</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways at 375 px");
}
