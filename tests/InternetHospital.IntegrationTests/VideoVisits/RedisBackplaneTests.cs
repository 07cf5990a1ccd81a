using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Two API instances on loopback (real Kestrel) sharing one PostgreSQL database and one Redis: the patient uses only
/// instance A, the doctor only instance B, and the room still works, because SignalR's Redis backplane carries group
/// and connection messages between instances and the room's membership lives in the database.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisBackplaneTests(TwoInstances instances)
{
    [Fact]
    public async Task A_patient_on_instance_A_and_a_doctor_on_instance_B_exchange_signalling_and_chat()
    {
        var patient = await instances.A.NewPatientAsync();
        var booked = await VisitScenario.BookAsync(instances.A.Services, () => Task.FromResult(patient));
        var id = booked.AppointmentId;
        await (await patient.Api.PostAsync($"/api/video-visits/{id}/check-in", null)).ReadJsonAsync();

        var doctor = await instances.B.SignInAsync(VisitScenario.Cardiologist, TestData.DemoPassword);
        await (await doctor.Api.PostAsJsonAsync("/api/video-visits/consulting-session", new { password = TestData.DemoPassword })).ReadJsonAsync();

        await using var patientHub = instances.A.Hub(patient.AccessToken);
        var patientUpdates = patientHub.Listen("visitUpdated");
        var patientSignals = patientHub.Listen("signal");
        var patientJoins = patientHub.Listen("peerJoined");
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);

        await using var doctorHub = instances.B.Hub(doctor.AccessToken);
        var doctorSignals = doctorHub.Listen("signal");
        var doctorChat = doctorHub.Listen("chat");
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);

        // Admitted on B; the waiting patient's connection on A hears it through Redis.
        await (await doctor.Api.PostAsync($"/api/video-visits/{id}/admit", null)).ReadJsonAsync();
        Assert.Equal("InProgress", (await patientUpdates.NextAsync()).GetProperty("status").GetString());

        await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-on-a");
        var call = await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-on-b");
        Assert.Equal("patient-on-a", Assert.Single(call.GetProperty("peers").EnumerateArray()).GetProperty("peerId").GetString());
        Assert.Equal("doctor-on-b", (await patientJoins.NextAsync()).GetProperty("peer").GetProperty("peerId").GetString());

        // Signalling both ways across the instances.
        await doctorHub.InvokeAsync("Signal", id, "patient-on-a", JsonDocument.Parse("""{"kind":"description","description":{"type":"offer","sdp":"v=0"}}""").RootElement);
        var offer = await patientSignals.NextAsync();
        Assert.Equal("doctor-on-b", offer.GetProperty("fromPeerId").GetString());
        Assert.Equal("offer", offer.GetProperty("data").GetProperty("description").GetProperty("type").GetString());
        await patientHub.InvokeAsync("Signal", id, "doctor-on-b", JsonDocument.Parse("""{"kind":"description","description":{"type":"answer","sdp":"v=0"}}""").RootElement);
        Assert.Equal("patient-on-a", (await doctorSignals.NextAsync()).GetProperty("fromPeerId").GetString());

        // Chat written through A reaches the doctor on B.
        await (await patient.Api.PostAsJsonAsync($"/api/video-visits/{id}/messages", new { text = "Can you hear me?" })).ReadJsonAsync();
        Assert.Equal("Can you hear me?", (await doctorChat.NextAsync()).GetProperty("text").GetString());
    }
}

/// <summary>Instance A and instance B of the API (see <see cref="RedisBackplaneTests"/>).</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string RedisVariable = "IH_TEST_REDIS";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ih-redis-" + Guid.NewGuid().ToString("N"));
    private readonly string database = $"ih_redis_{Guid.NewGuid():N}";

    public ApiInstance A { get; private set; } = null!;

    public ApiInstance B { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The Redis backplane test needs a Redis server: run ./test.sh (it starts one), or set {RedisVariable}=host:port.");
        var postgres = new NpgsqlConnectionStringBuilder(PostgresApiFactory.ServerConnectionString) { Database = database }.ConnectionString;

        // Note: one after the other, so the second instance finds the database migrated and seeded.
        A = ApiInstance.Start(postgres, redis, dataDirectory);
        B = ApiInstance.Start(postgres, redis, dataDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresApiFactory.ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One real Kestrel instance on a free loopback port.</summary>
public sealed class ApiInstance : WebApplicationFactory<Program>
{
    private readonly string postgres;
    private readonly string redis;
    private readonly string dataDirectory;
    private readonly int port;

    private ApiInstance(string postgres, string redis, string dataDirectory, int port)
    {
        this.postgres = postgres;
        this.redis = redis;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{port}");

    /// <summary>Every warning or error this instance logged (category: message).</summary>
    public ConcurrentQueue<string> Warnings { get; } = new();

    public static ApiInstance Start(string postgres, string redis, string dataDirectory)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var instance = new ApiInstance(postgres, redis, dataDirectory, port);
        instance.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        instance.StartServer();
        return instance;
    }

    /// <summary>A browser-like client of this instance (its own cookies; signed in through this instance's OIDC endpoints).</summary>
    public async Task<User> SignInAsync(string email, string password)
    {
        var tokens = await OidcFlow.SignInAsync(Browser(), email, password);
        var api = Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var me = await (await api.GetAsync("/api/me")).ReadJsonAsync();
        var patients = me.GetProperty("patients").EnumerateArray().ToList();
        return new User(api, tokens.AccessToken, me.GetProperty("id").GetGuid(), patients.Count > 0 ? patients[0].GetProperty("id").GetGuid() : Guid.Empty);
    }

    public async Task<User> NewPatientAsync()
    {
        var email = TestData.Email("redis");
        Assert.Equal(HttpStatusCode.Created, (await Browser().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).StatusCode);
        return await SignInAsync(email, TestData.StrongPassword);
    }

    public HubConnection Hub(string accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(BaseAddress, "/hubs/visits"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
        .Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "PostgreSQL");
        builder.UseSetting("Database:ConnectionString", postgres);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Redis:ConnectionString", redis);
        builder.UseSetting("Auth:SpaOrigins:0", "http://localhost");
        builder.UseSetting("Auth:AllowInsecureHttp", "true");
        // Note: as behind a load balancer on loopback: a test names its client address in X-Forwarded-For, so limits
        // per address it uses up do not touch the other tests' (all of which come from 127.0.0.1).
        builder.UseSetting("ReverseProxy:KnownProxies:0", "127.0.0.1");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("urls", BaseAddress.ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new WarningCapture(Warnings)).UseFastPasswordHashing());
    }

    private sealed class WarningCapture(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }

    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<TwoInstances>
{
    public const string Name = "Redis";
}
