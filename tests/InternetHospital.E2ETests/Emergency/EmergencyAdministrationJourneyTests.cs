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
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                Id = Domain.Common.NewId.Next(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = name,
                PhoneNumber = "13800007777",
                CreatedAt = DateTimeOffset.UtcNow,
                LockoutEnabled = true,
            };
            Assert.True((await users.CreateAsync(account, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Roles.Nurse)).Succeeded);
        }

        // The security administrator makes the account a paramedic.
        var security = await app.NewPageAsync(phone: true);
        await security.SignInAsync("security.qian@demo.test", PageExtensions.DemoPassword);
        await Expect(security.Heading("Staff accounts")).ToBeVisibleAsync();
        var card = security.GetByRole(AriaRole.Region, new() { Name = name });
        await card.GetByLabel("Role").SelectOptionAsync("Paramedic");
        await card.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Expect(card.GetByText("Ambulance crew (paramedic)")).ToBeVisibleAsync();

        // The consortium's administrator puts it on the city's crew.
        var admin = await app.NewPageAsync(phone: true);
        await admin.SignInAsync("admin.zhou@demo.test", PageExtensions.DemoPassword);
        await Expect(admin.Heading("Administration")).ToBeVisibleAsync();
        await admin.NavigateAsync("Emergency set-up");
        await Expect(admin.Heading("Emergency set-up")).ToBeVisibleAsync();
        var service = admin.GetByRole(AriaRole.Article, new() { Name = "City Emergency Medical Centre" });
        await service.GetByRole(AriaRole.Combobox, new() { Name = "Add a paramedic to City Emergency Medical Centre" }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = $"{name} ({email})" }).ClickAsync();
        await service.GetByRole(AriaRole.Button, new() { Name = "Add a paramedic" }).ClickAsync();
        await Expect(admin.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(service.GetByRole(AriaRole.Button, new() { Name = $"Remove {name} from the crew" })).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync();

        // The new paramedic signs in and lands in the crew app.
        var crew = await app.NewPageAsync(phone: true);
        await crew.SignInAsync(email, password);
        await Expect(crew.Heading("Ambulance cases")).ToBeVisibleAsync();
    }
}
