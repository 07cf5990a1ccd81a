using InternetHospital.Application;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure;
using InternetHospital.Infrastructure.His.Delivery;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.His;

/// <summary>
/// One database (migrated once) and one HIS simulator per provider, shared by the delivery tests. Each test builds
/// small hosts on them (the real Application + Infrastructure, no web server) with a clock it controls, and drives
/// the dispatcher directly or lets its hosted service run. Tests create their own patients and look only at their
/// own messages.
/// </summary>
public abstract class HisDeliveryFixture : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ih-his-" + Guid.NewGuid().ToString("N"));

    public HisSimulator.HisSimulator Simulator { get; private set; } = null!;

    public abstract string ProviderName { get; }

    public abstract string ConnectionString { get; }

    public virtual async Task InitializeAsync()
    {
        Simulator = await HisSimulator.HisSimulator.StartAsync();
        await using var host = CreateHost(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A host speaking HL7 v2 to the simulator unless <paramref name="settings"/> says otherwise.</summary>
    public DispatcherHost CreateHost(FakeTimeProvider clock, IDictionary<string, string?>? settings = null, bool background = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = ProviderName,
            ["Database:ConnectionString"] = ConnectionString,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Auth:AllowInsecureHttp"] = "true",
            ["Auth:SpaOrigins:0"] = "http://localhost",
            ["His:Writer"] = "Hl7v2",
            ["His:Mllp:Host"] = "127.0.0.1",
            ["His:Mllp:Port"] = Simulator.MllpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["His:Mllp:AckTimeout"] = "00:00:10",
            ["His:FhirReader:BaseUrl"] = Simulator.FhirBaseUrl.ToString(),
            ["His:FhirWriter:BaseUrl"] = Simulator.FhirBaseUrl.ToString(),
            ["His:Outbox:DispatcherEnabled"] = background ? "true" : "false",
            ["His:Outbox:ImmediateRetries"] = "0",
            ["His:Outbox:MaxAttempts"] = "3",
            ["His:Outbox:RetryBaseDelay"] = "00:00:10",
            ["His:Outbox:RetryMaxDelay"] = "00:01:00",
            ["His:Outbox:LeaseDuration"] = "00:02:00",
            ["His:Outbox:CircuitBreakAfter"] = "5",
            ["His:Outbox:CircuitBreakDuration"] = "00:00:30",
            ["His:Outbox:PollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:InternetHospital.Infrastructure.His"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddApplication().AddInfrastructure(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddScoped<ICurrentUser, SystemUser>();
        builder.Services.AddSingleton<ILiveUpdates>(LivePushes);
        return new DispatcherHost(builder.Build());
    }

    /// <summary>What the hosts pushed live (the web host sends these over SignalR).</summary>
    public RecordingLiveUpdates LivePushes { get; } = new();

    public sealed class RecordingLiveUpdates : ILiveUpdates
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(Guid AccountId, string EventName, object Payload)> sent = new();

        public IReadOnlyList<(Guid AccountId, string EventName, object Payload)> Sent => [.. sent];

        public Task SendToAccountAsync(Guid accountId, string eventName, object payload, CancellationToken cancellationToken)
        {
            sent.Enqueue((accountId, eventName, payload));
            return Task.CompletedTask;
        }
    }

    private sealed class SystemUser : ICurrentUser
    {
        public Guid? AccountId => null;
        public IReadOnlyList<string> Roles => [];
        public string? IpAddress => null;
        public bool IsInRole(string role) => false;
    }
}

public sealed class DispatcherHost(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    internal HisOutboxDispatcher Dispatcher => host.Services.GetRequiredService<HisOutboxDispatcher>();

    public Task StartAsync() => host.StartAsync();

    public Task<int> DispatchAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);

    /// <summary>A patient in the portal (as registration would create them).</summary>
    public async Task<Guid> AddPatientAsync(string name = "张伟", DateOnly? dateOfBirth = null, Sex sex = Sex.Male, string? residentId = null, string? hisPatientId = null)
    {
        var born = dateOfBirth ?? TestData.RandomDateOfBirth();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var identifiers = scope.ServiceProvider.GetRequiredService<IIdentifierProtector>();
        var id = residentId ?? TestData.ResidentId(born, sex);
        var patient = Patient.Register(name, IdDocumentType.ResidentId, identifiers.Protect(IdDocumentType.ResidentId, id), born, sex, "13900000000", DateTimeOffset.UtcNow);
        if (hisPatientId is not null)
        {
            patient.LinkToHis(hisPatientId);
        }

        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }

    /// <summary>Messages enqueued through the port, saved in one unit of work, in the order given.</summary>
    public async Task<IReadOnlyList<Guid>> EnqueueAsync(params (Guid PatientId, HisMessage Message)[] messages)
    {
        await using var scope = Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IHisOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (patientId, message) in messages)
        {
            outbox.Enqueue(patientId, message);
        }

        var added = db.ChangeTracker.Entries<HisOutboxMessage>().Select(e => e.Entity.Id).ToList();
        await db.SaveChangesAsync();
        return added;
    }

    public async Task<List<HisOutboxMessage>> MessagesAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.HisOutbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Sequence).ToListAsync();
    }

    /// <summary>An account with a role, as staff provisioning would create it.</summary>
    public async Task<Guid> AddAccountAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(role))
        {
            // Note: these hosts only migrate; the web host seeds the roles at start.
            await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
        }

        var id = Guid.NewGuid();
        var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new NewAccount(id, $"{role.ToLowerInvariant()}-{id:N}@example.test", "值班管理员", "13900000000", "zh-CN"), TestData.StrongPassword, role, CancellationToken.None);
        Xunit.Assert.True(created.Succeeded, string.Join("; ", created.PasswordErrors));
        return id;
    }

    public async Task<List<(string Kind, string Parameters, string? Link)>> NotificationsAsync(Guid accountId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId).Select(n => new { n.Kind, n.ParametersJson, n.Link }).ToListAsync())
            .Select(n => (n.Kind, n.ParametersJson, n.Link)).ToList();
    }

    public async Task<List<HisDeliveryAttempt>> AttemptsAsync(Guid messageId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.HisDeliveryAttempts.AsNoTracking().Where(a => a.MessageId == messageId).OrderBy(a => a.Number).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

public sealed class SqliteHisDeliveryFixture : HisDeliveryFixture
{
    private readonly string file = TestDatabases.NewSqliteFile("ih-his");

    public override string ProviderName => "Sqlite";

    public override string ConnectionString => $"Data Source={file}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteSqlite(file);
    }
}

public sealed class PostgresHisDeliveryFixture : HisDeliveryFixture
{
    private readonly string database = $"ih_his_{Guid.NewGuid():N}";

    public override string ProviderName => "PostgreSQL";

    public override string ConnectionString => TestDatabases.Postgres(database);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropPostgresAsync(database);
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteHisCollection : ICollectionFixture<SqliteHisDeliveryFixture>
{
    public const string Name = "HIS delivery on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresHisCollection : ICollectionFixture<PostgresHisDeliveryFixture>
{
    public const string Name = "HIS delivery on PostgreSQL";
}
