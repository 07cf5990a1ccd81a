using System.Net;
using System.Net.Http.Json;
using InternetHospital.Application.Accounts;
using InternetHospital.Application.Notifications;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InternetHospital.IntegrationTests.Accounts;

/// <summary>
/// Registration is one unit of work: the account, the patient record, the grant and the welcome notice commit together.
/// When the last step (the welcome notice) fails, nothing of the registration is left behind, and the same person can
/// register again (Identity saves the account early, inside the transaction the unit of work commits or rolls back).
/// Own host: the test makes the notice fail.
/// </summary>
public abstract class RegistrationCommitTests
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task A_registration_whose_welcome_notice_fails_leaves_no_account_and_no_patient()
    {
        var notices = new FailingWelcome();
        await using var host = await OwnApiHost.StartAsync(Provider, builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<INotifier>();
            services.AddSingleton(notices);
            services.AddScoped<INotifier>(sp => sp.GetRequiredService<FailingWelcome>());
        }));
        var email = TestData.Email("commit");
        var registration = TestData.Registration(email);
        var patientsBefore = await PatientCountAsync(host);

        var failed = await host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", registration);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        using (var scope = host.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email));
        }

        Assert.Equal(patientsBefore, await PatientCountAsync(host));

        notices.Fail = false;
        var retried = await host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", registration);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    private static async Task<int> PatientCountAsync(OwnApiHost host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Patients.CountAsync();
    }

    /// <summary>Fails the welcome notice (the last step of registration) while <see cref="Fail"/> is set.</summary>
    private sealed class FailingWelcome : INotifier
    {
        public bool Fail { get; set; } = true;

        public Task NotifyAsync(Notice notice, CancellationToken cancellationToken) =>
            Fail && notice.Kind == AccountNotifications.Registered
                ? throw new InvalidOperationException("The notification store is unavailable.")
                : Task.CompletedTask;

        public Task NotifyPatientAsync(PatientNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class RegistrationCommitTestsOnSqlite : RegistrationCommitTests
{
    protected override string Provider => "Sqlite";
}

public sealed class RegistrationCommitTestsOnPostgres : RegistrationCommitTests
{
    protected override string Provider => "PostgreSQL";
}
