using InternetHospital.Domain.Accounts;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Institutions;

/// <summary>
/// Institutions as first-class (issue 17): a new community nurse has no institution, so she could not scan health
/// codes; the consortium's administrator, on a phone, finds her and gives her the Donghu centre.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StaffInstitutionJourneyTests(AppFixture app)
{
    [Fact]
    public async Task The_consortium_administrator_gives_a_new_nurse_an_institution_on_a_phone()
    {
        var email = $"nurse.{Guid.NewGuid():N}@example.test";
        Guid nurseId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var nurse = new Account
            {
                Id = Domain.Common.NewId.Next(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = "新来的护士",
                PhoneNumber = "13800006666",
                CreatedAt = DateTimeOffset.UtcNow,
                LockoutEnabled = true,
            };
            Assert.True((await users.CreateAsync(nurse, PageExtensions.DemoPassword + "-n")).Succeeded);
            Assert.True((await users.AddToRoleAsync(nurse, Roles.Nurse)).Succeeded);
            nurseId = nurse.Id;
        }

        var admin = await app.NewPageAsync(phone: true);
        await admin.SignInAsync("admin.zhou@demo.test", PageExtensions.DemoPassword);
        await Expect(admin.Heading("Administration")).ToBeVisibleAsync();
        await admin.NavigateAsync("Staff institutions");
        await Expect(admin.Heading("Staff institutions")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Searchbox, new() { Name = "Find staff by name or e-mail" }).FillAsync(email);

        var card = admin.GetByRole(AriaRole.Article, new() { Name = "新来的护士" });
        await Expect(card.GetByText("Not yet at any institution", new() { Exact = false })).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync();
        await card.GetByRole(AriaRole.Checkbox, new() { Name = "Donghu Community Health Centre" }).CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Save institutions of 新来的护士" }).ClickAsync();
        await Expect(admin.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(card.GetByText("Not yet at any institution", new() { Exact = false })).ToBeHiddenAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var where = await (from m in db.StaffMemberships
                               join f in db.Facilities on m.FacilityId equals f.Id
                               where m.AccountId == nurseId
                               select f.Code).ToListAsync();
            Assert.Equal(["DHCHC"], where);
        }
    }
}
