using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// A real collector process on loopback, started and killed by the test that uses it, its output kept in a log file
/// that a failure message quotes.
/// </summary>
public abstract class LocalCollector : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly StringBuilder output = new();

    protected LocalCollector(string directory, ProcessStartInfo start)
    {
        Directory = directory;
        LogFile = Path.Combine(directory, "process.log");
        log = new StreamWriter(LogFile) { AutoFlush = true };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    protected string Directory { get; }

    public string LogFile { get; }

    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Output()
    {
        lock (log)
        {
            return output.ToString();
        }
    }

    /// <summary>Waits (bounded) until <paramref name="ready"/> answers true, or fails with the process's output.</summary>
    protected async Task WaitUntilReadyAsync(Func<Task<bool>> ready, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited ({process.ExitCode}): {Output()}");
            }

            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{what} did not become ready in 60 s: {Output()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Http.Dispose();
        lock (log)
        {
            log.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }

        GC.SuppressFinalize(this);
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            output.AppendLine(line);
            log.WriteLine(line);
        }
    }

    protected static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    protected static string NewDirectory(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>
/// The .NET Aspire Dashboard as an OTLP collector: it receives traces, logs and metrics over OTLP/gRPC (with an API key,
/// as a collector on a network would require) and answers what it holds through its HTTP telemetry API (OTLP JSON).
/// The executable comes from the NuGet package Aspire.Dashboard.Sdk.linux-x64 that the test project's restore downloads.
/// </summary>
public sealed class AspireDashboard : LocalCollector
{
    private readonly string apiKey;

    private AspireDashboard(string directory, ProcessStartInfo start, Uri frontend, Uri otlpGrpc, string otlpApiKey, string apiKey)
        : base(directory, start)
    {
        Frontend = frontend;
        OtlpGrpc = otlpGrpc;
        OtlpApiKey = otlpApiKey;
        this.apiKey = apiKey;
    }

    public Uri Frontend { get; }

    public Uri OtlpGrpc { get; }

    /// <summary>Senders present it as the <c>x-otlp-api-key</c> header (OTEL_EXPORTER_OTLP_HEADERS).</summary>
    public string OtlpApiKey { get; }

    public static async Task<AspireDashboard> StartAsync()
    {
        var executable = typeof(AspireDashboard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AspireDashboard").Value!;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"The Aspire Dashboard is not at {executable}: restore the integration test project (dotnet restore).");
        }

        var directory = NewDirectory("ih-aspire-dashboard");
        var frontend = new Uri($"http://127.0.0.1:{FreePort()}");
        var otlpGrpc = new Uri($"http://127.0.0.1:{FreePort()}");
        var otlpHttp = new Uri($"http://127.0.0.1:{FreePort()}");
        var otlpKey = NewSecret();
        var apiKey = NewSecret();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = directory };
        start.Environment["ASPNETCORE_URLS"] = frontend.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlpGrpc.ToString();
        start.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = otlpHttp.ToString();
        // Note: the browser frontend is not used (loopback only); the OTLP receiver and the telemetry API want keys.
        start.Environment["Dashboard__Frontend__AuthMode"] = "Unsecured";
        start.Environment["Dashboard__Otlp__AuthMode"] = "ApiKey";
        start.Environment["Dashboard__Otlp__PrimaryApiKey"] = otlpKey;
        start.Environment["Dashboard__Api__Enabled"] = "true";
        start.Environment["Dashboard__Api__AuthMode"] = "ApiKey";
        start.Environment["Dashboard__Api__PrimaryApiKey"] = apiKey;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var dashboard = new AspireDashboard(directory, start, frontend, otlpGrpc, otlpKey, apiKey);
        try
        {
            await dashboard.WaitUntilReadyAsync(async () => (await dashboard.GetAsync("/api/telemetry/resources")).IsSuccessStatusCode, "The Aspire Dashboard");
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }

        return dashboard;
    }

    /// <summary>Everything the dashboard holds of <paramref name="signal"/> (<c>traces</c> or <c>logs</c>), as OTLP JSON.</summary>
    public async Task<JsonDocument> TelemetryAsync(string signal)
    {
        using var response = await GetAsync($"/api/telemetry/{signal}?limit=100000");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/telemetry/{signal}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }

    private Task<HttpResponseMessage> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Frontend, path));
        request.Headers.Add("x-api-key", apiKey);
        return Http.SendAsync(request);
    }
}

/// <summary>
/// Prometheus (Debian's package) scraping one target every second with a bearer token read from a file, as the
/// deployment's scrape configuration does; queried through its HTTP API.
/// </summary>
public sealed class PrometheusServer : LocalCollector
{
    public const string Executable = "/usr/bin/prometheus";

    public const string Job = "internet-hospital-api";

    private PrometheusServer(string directory, ProcessStartInfo start, Uri address)
        : base(directory, start) => Address = address;

    public Uri Address { get; }

    public static async Task<PrometheusServer> StartAsync(Uri target, string metricsPath, string bearerToken)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"Prometheus is not installed ({Executable}): apt-get install prometheus (./test.sh does).");
        }

        var directory = NewDirectory("ih-prometheus");
        var tokenFile = Path.Combine(directory, "scrape-token");
        await File.WriteAllTextAsync(tokenFile, bearerToken);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {Job}
                metrics_path: {metricsPath}
                authorization:
                  type: Bearer
                  credentials_file: {tokenFile}
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Executable) { WorkingDirectory = directory };
        foreach (var argument in new[]
                 {
                     "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(directory, "data"),
                     "--web.listen-address=" + address.Authority, "--log.level=warn",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var prometheus = new PrometheusServer(directory, start, address);
        try
        {
            await prometheus.WaitUntilReadyAsync(async () => (await prometheus.Http.GetAsync(new Uri(address, "/-/ready"))).IsSuccessStatusCode, "Prometheus");
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }

        return prometheus;
    }

    /// <summary>An instant PromQL query: the <c>data.result</c> array.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        var body = await Http.GetStringAsync(new Uri(Address, "/api/v1/query?query=" + Uri.EscapeDataString(promql)));
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    /// <summary>Every series Prometheus holds from the API (names and labels), one per line.</summary>
    public async Task<string> SeriesAsync()
    {
        var body = await Http.GetStringAsync(new Uri(Address, "/api/v1/series?match[]=" + Uri.EscapeDataString($"{{job=\"{Job}\"}}")));
        using var document = JsonDocument.Parse(body);
        var lines = new StringBuilder();
        foreach (var series in document.RootElement.GetProperty("data").EnumerateArray())
        {
            foreach (var label in series.EnumerateObject())
            {
                lines.Append(label.Name).Append('=').Append(label.Value.GetString()).Append(' ');
            }

            lines.AppendLine();
        }

        return lines.ToString();
    }

    /// <summary>Health of the scrape target as Prometheus sees it (<c>up</c>, last error).</summary>
    public Task<string> TargetsAsync() => Http.GetStringAsync(new Uri(Address, "/api/v1/targets"));
}
