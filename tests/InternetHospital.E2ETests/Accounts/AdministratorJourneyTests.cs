using InternetHospital.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Accounts;

/// <summary>
/// The three administrators each land on their own work and see nobody else's (separation of duties, domain rule 31):
/// the security administrator on staff accounts, the audit administrator on the audit log.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AdministratorJourneyTests(AppFixture app)
{
    [Fact]
    public async Task The_security_administrator_sees_staff_accounts_and_nothing_of_the_other_administrators()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("security.qian@demo.test", PageExtensions.DemoPassword);

        await Expect(page.Heading("Staff accounts")).ToBeVisibleAsync();
        var pharmacist = page.GetByRole(AriaRole.Region, new() { Name = "孙丽" });
        await Expect(pharmacist.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "钱敏" }).GetByText("This is your account")).ToBeVisibleAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "HIS messages" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_audit_administrator_verifies_the_log_and_sees_who_touched_a_patients_data()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("audit.wu@demo.test", PageExtensions.DemoPassword);

        await Expect(page.Heading("Audit log")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The audit log is intact" })).ToBeVisibleAsync();

        // The demo patient 张伟, by exact ID number: one match, so the search itself joins his trail.
        const string first17 = "44010619650312123";
        await page.GetByLabel("ID number (exact)").FillAsync(first17 + Domain.Patients.ResidentIdNumber.CheckCharacterFor(first17));
        await page.GetByRole(AriaRole.Button, new() { Name = "Find patient" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new System.Text.RegularExpressions.Regex("^张伟 ·") }).First.CheckAsync();

        // At least the search just made is in the patient's trail, under the auditor's name.
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "patient.searched" }).Filter(new() { HasText = "吴刚" }).First).ToBeVisibleAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Staff accounts" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }
}
