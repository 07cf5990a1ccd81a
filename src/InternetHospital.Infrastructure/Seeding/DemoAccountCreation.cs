using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>How every demo seeder creates a demo account: confirmed e-mail, the shared demo password, one role.</summary>
internal static class DemoAccountCreation
{
    /// <param name="phoneNumberConfirmed">True where the account signs in with SMS codes from App_Data/sms.</param>
    public static async Task<Account> CreateDemoAccountAsync(
        this UserManager<Account> users, DemoAccount demo, string mobile, DateTimeOffset now, bool phoneNumberConfirmed)
    {
        var account = new Account
        {
            Id = Domain.Common.NewId.Next(),
            UserName = demo.Email,
            Email = demo.Email,
            EmailConfirmed = true,
            FullName = demo.FullName,
            PhoneNumber = mobile,
            PhoneNumberConfirmed = phoneNumberConfirmed,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(account, DemoAccounts.Password));
        Check(await users.AddToRoleAsync(account, demo.Role));
        return account;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding a demo account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
