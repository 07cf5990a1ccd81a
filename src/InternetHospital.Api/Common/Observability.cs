using System.Net;
using System.Security.Cryptography;
using System.Text;
using InternetHospital.Application.Common.Telemetry;
using InternetHospital.Infrastructure.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InternetHospital.Api.Common;

/// <summary>Settings under <c>OpenTelemetry</c>.</summary>
internal sealed class ObservabilityOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>OTLP collector (gRPC, e.g. http://otel-collector:4317); the standard OTEL_EXPORTER_OTLP_ENDPOINT works too.</summary>
    public string? OtlpEndpoint { get; set; }

    public string ServiceName { get; set; } = "internet-hospital-api";

    public PrometheusScrapeOptions Prometheus { get; set; } = new();
}

internal sealed class PrometheusScrapeOptions
{
    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8 or 127.0.0.1/32) whose callers may scrape without a token.</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>A caller sending <c>Authorization: Bearer</c> with this value may scrape from anywhere.</summary>
    public string? BearerToken { get; set; }
}

/// <summary>
/// OpenTelemetry: traces (ASP.NET Core, HttpClient, Npgsql, the use cases and outbox deliveries of
/// <see cref="AppTelemetry.Source"/>), metrics (ASP.NET Core's http.server.* and Kestrel/SignalR meters, the
/// portal's <see cref="AppMetrics"/>) and logs (with the trace and span id of the request they were written in).
/// Nothing starts unless there is somewhere to send it: an OTLP endpoint, or the Prometheus scrape endpoint.
/// </summary>
internal static class Observability
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var otlp = options.OtlpEndpoint is { Length: > 0 } ? options.OtlpEndpoint : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        services.AddSingleton(options);
        if (string.IsNullOrWhiteSpace(otlp) && !options.Prometheus.Enabled)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(AppTelemetry.Name)
                // Note: the framework's spans for hub method calls (method and hub names only, never the arguments).
                .AddSource("Microsoft.AspNetCore.SignalR.Server")
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    // Note: scrapes and probes every few seconds would drown the traces that matter.
                    aspnet.Filter = context => !context.Request.Path.StartsWithSegments(options.Prometheus.Path) && !context.Request.Path.StartsWithSegments("/health");
                    // Note: the query string may carry names (patient search); the path's ids are opaque GUIDs.
                    aspnet.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, _) => activity.SetTag("url.query", null))
                // Note: Npgsql records the statement text with its $1 placeholders, never the parameter values.
                .AddNpgsql()
                // Note: SQLite has no tracing of its own, so EF Core's command events stand in for it (PostgreSQL is
                // left to Npgsql, or every statement would show twice). The instrumentation replaces literals in the
                // statement text with '?' and records no parameter values (SetDbQueryParameters stays false).
                .AddEntityFrameworkCoreInstrumentation(ef => ef.Filter = (provider, _) => provider == SqliteProvider))
            .WithMetrics(metrics => metrics
                .AddMeter(AppTelemetry.Name)
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "System.Net.Http"))
            .WithLogging();

        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(otlp));
        }

        if (options.Prometheus.Enabled)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        services.AddTelemetrySampler();
        return services;
    }

    /// <summary>
    /// The Prometheus scrape endpoint, when enabled. It is not public: a caller from an allowed network or with the
    /// configured bearer token gets the metrics, anyone else a 404 as if it did not exist. Forwarded-for addresses
    /// count only from known proxies (see ApiServices.ConfigureForwardedHeaders), so a caller cannot claim one.
    /// </summary>
    public static void MapMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ObservabilityOptions>().Prometheus;
        if (!options.Enabled)
        {
            return;
        }

        var networks = options.AllowedNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.Parse(n.Trim())).ToArray();
        var token = string.IsNullOrEmpty(options.BearerToken) ? null : Encoding.UTF8.GetBytes("Bearer " + options.BearerToken);
        app.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (MayScrape(context, networks, token))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }), optionsName: null)
            .AllowAnonymous()
            .DisableRateLimiting();
    }

    internal static bool MayScrape(HttpContext context, IReadOnlyList<IPNetwork> networks, byte[]? token)
    {
        if (token is not null && context.Request.Headers.Authorization is [{ } presented]
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), token))
        {
            return true;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return networks.Any(network => network.Contains(remote));
    }
}
