using System.Net;
using System.Net.Http.Json;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// Hosts that start from the run's seeded template: each gets a database of its own that works with its copied keys
/// (demo ID numbers are found, demo accounts sign in), and a host whose seed inputs differ cannot share it silently.
/// </summary>
public abstract class SeededTemplateTests
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task Each_copy_of_the_seed_is_a_database_of_its_own_whose_encrypted_demo_data_reads()
    {
        await using var first = await OwnApiHost.StartAsync(Provider, reuseSeed: true);
        await using var second = await OwnApiHost.StartAsync(Provider, reuseSeed: true);
        var registration = TestData.Registration();

        (await first.CreateBrowserClient().PostAsJsonAsync("/api/account/register", registration)).EnsureSuccessStatusCode();

        // The same person and e-mail are new to the other copy (and to the template it came from).
        (await second.CreateBrowserClient().PostAsJsonAsync("/api/account/register", registration)).EnsureSuccessStatusCode();
        var repeated = await first.CreateBrowserClient().PostAsJsonAsync("/api/account/register", registration);
        Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);

        // The demo ID numbers were hashed under the template's identifier key: the copy has that key, so it finds them.
        var admin = await second.CreateClientAsAsync(DemoAccounts.AuditAdmin.Email, TestData.DemoPassword);
        var found = await (await admin.PostAsJsonAsync("/api/admin/patients/search", new { idNumber = DemoPatients.ZhangWei.ResidentId })).ReadJsonAsync();
        Assert.Equal(DemoPatients.ZhangWei.Account.FullName, Assert.Single(found.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_host_with_other_seed_inputs_that_asks_for_the_seed_refuses_to_start()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(40));

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => OwnApiHost.StartAsync(
            Provider, builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)), reuseSeed: true));
        Assert.Contains("seed inputs differ", error.Message, StringComparison.Ordinal);

        var otherZone = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => OwnApiHost.StartAsync(
            Provider, builder => builder.UseSetting("Hospital:TimeZone", "Asia/Urumqi"), reuseSeed: true));
        Assert.Contains("Hospital:TimeZone=Asia/Urumqi", otherZone.Message, StringComparison.Ordinal);
    }
}

public sealed class SeededTemplateTestsOnSqlite : SeededTemplateTests
{
    protected override string Provider => "Sqlite";
}

public sealed class SeededTemplateTestsOnPostgres : SeededTemplateTests
{
    protected override string Provider => "PostgreSQL";
}
