using InternetHospital.Domain.Accounts;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Emergency;

/// <summary>
/// The emergency set-up (issue 18) without the demo seeder: a new staff account is made a paramedic by the security
/// administrator, the consortium's administrator puts it on the city's ambulance crew (both on a phone), and the new
/// paramedic signs in to the crew app.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EmergencyAdministrationJourneyTests(AppFixture app)
{
    [Fact]
    public async Task A_new_paramedic_is_given_the_role_put_on_a_crew_and_signs_in_to_the_crew_app()
    {
        var email = $"paramedic.{Guid.NewGuid():N}@example.test";
        var name = $"新急救员{Random.Shared.Next(1000, 9999)}";
        var password = PageExtensions.DemoPassword + "-p";
        var chineseAdmin = $"admin.{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            Assert.True((await users.CreateAsync(NewAccount(email, name, null), password)).Succeeded);
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Nurse)).Succeeded);

            // A consortium administrator of its own who reads Chinese (the demo administrator's language is shared by every journey).
            Assert.True((await users.CreateAsync(NewAccount(chineseAdmin, "医联体管理员二", "zh-CN"), password)).Succeeded);
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(chineseAdmin))!, Roles.ConsortiumAdmin)).Succeeded);
        }

        // The security administrator makes the account a paramedic.
        var security = await app.NewPageAsync(phone: true);
        await security.SignInAsync("security.qian@demo.test", PageExtensions.DemoPassword);
        await Expect(security.Heading("Staff accounts")).ToBeVisibleAsync();
        var card = security.GetByRole(AriaRole.Region, new() { Name = name });
        await card.GetByLabel("Role").SelectOptionAsync("Paramedic");
        await card.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        // Saved: the account's only role is now the one selected, so there is nothing left to change.
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Change role" })).ToBeDisabledAsync();
        await Expect(card.Locator(".mantine-Badge-label", new() { HasText = "Ambulance crew (paramedic)" })).ToBeVisibleAsync();

        // The consortium's administrator puts it on the city's crew.
        var admin = await app.NewPageAsync(phone: true);
        await admin.SignInAsync("admin.zhou@demo.test", PageExtensions.DemoPassword);
        await Expect(admin.Heading("Administration")).ToBeVisibleAsync();
        await admin.NavigateAsync("Emergency set-up");
        await Expect(admin.Heading("Emergency set-up")).ToBeVisibleAsync();
        var service = admin.GetByRole(AriaRole.Article, new() { Name = "City Emergency Medical Centre" });
        await Expect(service).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync();
        await service.GetByRole(AriaRole.Combobox, new() { Name = "Add a paramedic to City Emergency Medical Centre" }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = $"{name} ({email})" }).ClickAsync();
        await service.GetByRole(AriaRole.Button, new() { Name = "Add a paramedic" }).ClickAsync();
        await Expect(admin.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(service.GetByRole(AriaRole.Button, new() { Name = $"Remove {name} from the crew" })).ToBeVisibleAsync();
        Assert.True(await FitsTheScreenAsync(admin));

        // The same page in Chinese on a phone.
        var chinese = await app.NewPageAsync(locale: "zh-CN", phone: true);
        await chinese.GotoAsync("/login");
        await chinese.GetByLabel("电子邮箱").FillAsync(chineseAdmin);
        await chinese.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await chinese.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await chinese.WaitForURLAsync("**/admin**");
        await chinese.GotoAsync("/admin/emergency");
        await Expect(chinese.Heading("急救组织")).ToBeVisibleAsync();
        await Expect(chinese.GetByRole(AriaRole.Article, new() { Name = "市急救中心" }).GetByText(name)).ToBeVisibleAsync();
        await chinese.AssertAccessibleAsync();
        Assert.True(await FitsTheScreenAsync(chinese));

        // The new paramedic signs in and lands in the crew app.
        var crew = await app.NewPageAsync(phone: true);
        await crew.SignInAsync(email, password);
        await Expect(crew.Heading("Ambulance cases")).ToBeVisibleAsync();
    }

    private static Account NewAccount(string email, string fullName, string? language) => new()
    {
        Id = Domain.Common.NewId.Next(),
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        FullName = fullName,
        PhoneNumber = "13800007777",
        PreferredLanguage = language,
        CreatedAt = DateTimeOffset.UtcNow,
        LockoutEnabled = true,
    };

    /// <summary>Nothing sticks out sideways at 375 px (the page does not scroll horizontally).</summary>
    private static Task<bool> FitsTheScreenAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
