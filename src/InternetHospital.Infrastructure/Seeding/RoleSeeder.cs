using InternetHospital.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Infrastructure.Seeding;

internal sealed class RoleSeeder(RoleManager<IdentityRole<Guid>> roles) : IDataSeeder
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Domain.Common.NewId.Next() });
            }
        }
    }
}
