using System.Net;
using System.Net.Http.Headers;
using InternetHospital.Infrastructure.Family;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.Accounts;

/// <summary>
/// Sign-in sessions do not pile up: the hourly access job deletes a session once it is signed out and once it has
/// outlived Auth:SessionLifetime, and leaves the live ones (still usable) alone. Own host: the test moves the clock.
/// </summary>
public abstract class SessionCleanupTests
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task Ended_and_expired_sessions_are_deleted_and_live_ones_kept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await OwnApiHost.StartAsync(Provider, builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var phone = await SignInAsync(host, "zhangwei@demo.test");
        var laptop = await SignInAsync(host, "zhangwei@demo.test");
        var phoneSession = await CurrentSessionAsync(phone);
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync($"/api/account/sessions/{phoneSession}")).StatusCode);
        var laptopSession = await CurrentSessionAsync(laptop);
        var job = ActivatorUtilities.CreateInstance<GuardianAccessJob>(host.Services);

        await job.RunOnceAsync(CancellationToken.None);

        Assert.Equal([laptopSession], await SessionIdsAsync(host, [phoneSession, laptopSession]));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/me")).StatusCode);

        // A minute before the end of its lifetime the laptop's session stays; a minute after, it goes.
        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal([laptopSession], await SessionIdsAsync(host, [laptopSession]));
        clock.Advance(TimeSpan.FromMinutes(2));
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await SessionIdsAsync(host, [laptopSession]));
    }

    private static async Task<HttpClient> SignInAsync(OwnApiHost host, string email)
    {
        var tokens = await OidcFlow.SignInAsync(host.CreateBrowserClient(), email, TestData.DemoPassword);
        var client = host.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    private static async Task<Guid> CurrentSessionAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/account/sessions")).ReadJsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();

    private static async Task<List<Guid>> SessionIdsAsync(OwnApiHost host, Guid[] ids)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<AccountSession>().AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync();
    }
}

public sealed class SessionCleanupTestsOnSqlite : SessionCleanupTests
{
    protected override string Provider => "Sqlite";
}

public sealed class SessionCleanupTestsOnPostgres : SessionCleanupTests
{
    protected override string Provider => "PostgreSQL";
}
