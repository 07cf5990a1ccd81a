using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// Every instance seeds at start-up; several instances starting together (replicas, a rolling update) must not trip
/// over each other's seeding (the OIDC client's concurrency token once stopped all but the first).
/// </summary>
public sealed class SeedingTogetherTests
{
    [Fact]
    public async Task Instances_seeding_at_the_same_time_all_start()
    {
        await using var host = await OwnApiHost.StartAsync("PostgreSQL");
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().SeedAsync(CancellationToken.None);
            }));
        }

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM \"OpenIddictApplications\" WHERE \"ClientId\" = 'internet-hospital-spa'").SingleAsync());
    }
}
