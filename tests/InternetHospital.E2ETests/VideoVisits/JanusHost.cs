using System.Net;
using InternetHospital.E2ETests.Infrastructure;

namespace InternetHospital.E2ETests.VideoVisits;

/// <summary>
/// A second app whose calls go through Janus (<c>Video:Media = Janus</c>), on the throwaway Janus that test.sh starts
/// (<c>scripts/lib.sh janus_start</c>, handed over as IH_TEST_JANUS_*). Kept apart from the shared host, whose journeys
/// run the browser mesh; it has its own database (its demo doctors' sessions and visits are its own), reuses the built
/// SPA, and uses the browser of <see cref="AppFixture"/>.
/// </summary>
public sealed class JanusHost : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ih-e2e-janus-" + Guid.NewGuid().ToString("N"));
    private AppFixture.AppFactory? app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where browsers reach Janus (its WebSocket transport).</summary>
    public string JanusWebSocket { get; } = Required("IH_TEST_JANUS_WS");

    public IServiceProvider Services => app!.Services;

    public Task InitializeAsync()
    {
        var port = AppFixture.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string>
        {
            ["Video:Media"] = "Janus",
            ["Video:Janus:ApiUrl"] = Required("IH_TEST_JANUS_API"),
            ["Video:Janus:AdminUrl"] = Required("IH_TEST_JANUS_ADMIN"),
            ["Video:Janus:AdminSecret"] = Required("IH_TEST_JANUS_ADMIN_SECRET"),
            ["Video:Janus:BrowserUrl"] = JanusWebSocket,
            ["Video:Janus:RecordingDirectory"] = Required("IH_TEST_JANUS_REC_DIR"),

            // Note: the recording journey waits for post-processing; in production it runs every 30 s, 10 s after the visit.
            ["Video:RecordingProcessingInterval"] = "00:00:02",
            ["Video:RecordingSettleTime"] = "00:00:02",
        };
        app = new AppFixture.AppFactory(port, dataDirectory, BaseUrl, hisMllpPort: null, settings);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // Note: no Janus, no test: test.sh always starts one; a missing value is a broken setup, said as such (not skipped).
    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: start Janus with scripts/lib.sh janus_start (test.sh does) and export IH_TEST_JANUS_*.");
}
