using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.Hospital;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Emergency;

/// <summary>Emergency data the demo seed does not hold, shared by the emergency test classes.</summary>
internal static class EmergencyTestData
{
    /// <summary>
    /// A crew member of a second ambulance service and staff of a second receiving hospital: the people who must not see
    /// or join another service's case. Their e-mails; the password is <c>TestData.StrongPassword</c>.
    /// </summary>
    public static async Task<(string CrewEmail, string DepartmentEmail)> OtherServiceAndHospitalAsync(ApiFactory factory)
    {
        var crewEmail = TestData.Email("crew");
        var edEmail = TestData.Email("ed");
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var service = AmbulanceService.Create("EMS-" + suffix, "县急救站", "County EMS");
        var hospital = Facility.Create("H-" + suffix, "县人民医院", "County People's Hospital", FacilityKind.Hospital);
        db.AmbulanceServices.Add(service);
        db.Facilities.Add(hospital);
        db.ReceivingHospitals.Add(ReceivingHospital.Create(hospital.Id, 30.0, 114.0));
        db.CrewMemberships.Add(CrewMembership.Create(await NewAccountAsync(users, crewEmail, Roles.Paramedic), service.Id));
        db.StaffMemberships.Add(StaffMembership.Create(await NewAccountAsync(users, edEmail, Roles.EmergencyStaff), hospital.Id));
        await db.SaveChangesAsync();
        return (crewEmail, edEmail);
    }

    private static async Task<Guid> NewAccountAsync(UserManager<Account> users, string email, string role)
    {
        var account = new Account
        {
            Id = Domain.Common.NewId.Next(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "测试急救",
            PhoneNumber = "13800009998",
            CreatedAt = DateTimeOffset.UtcNow,
            LockoutEnabled = true,
        };
        Assert.True((await users.CreateAsync(account, TestData.StrongPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        return account.Id;
    }
}
