using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// Traces, logs and metrics as an operator's collector would receive them (in-memory exporters on a host of its
/// own): the use cases are there by name, personal data is not, and /metrics answers only the allowed scrapers.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class ObservabilityTests
{
    private const string ScrapeToken = "a-scrape-token-for-tests";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task A_traced_booking_and_visit_message_carry_the_use_case_names_but_not_the_patients_name_ID_number_or_text(string provider)
    {
        var spans = new List<Activity>();
        var logs = new ConcurrentQueue<string>();
        await using var host = await StartAsync(provider, spans, logs);

        var fullName = "司马青" + (char)('甲' + Random.Shared.Next(10));
        var email = TestData.Email("otel");
        var dateOfBirth = "1980-05-17";
        var idNumber = TestData.ResidentId(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), Domain.Patients.Sex.Male);
        var registered = await host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, dateOfBirth, "Male", fullName: fullName));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var patient = await VisitScenario.SignInAsync(host, email, TestData.StrongPassword);

        var slotId = await VisitScenario.FreeSlotAsync(host.Services, TimeSpan.FromDays(3), VisitScenario.Dermatologist);
        await (await patient.Api.PostAsJsonAsync("/api/appointments", new { patientId = patient.PatientId, slotId, visitType = "InPerson" })).ReadJsonAsync(HttpStatusCode.Created);

        const string text = "My left knee has hurt since the fall on Tuesday.";
        var visit = await VisitScenario.BookAsync(host.Services, () => Task.FromResult(patient));
        await (await patient.Api.PostAsync($"/api/video-visits/{visit.AppointmentId}/check-in", null)).ReadJsonAsync();
        var doctor = await VisitScenario.SignInAsync(host, VisitScenario.Cardiologist);
        await VisitScenario.StartConsultingSessionAsync(doctor);
        await (await doctor.Api.PostAsync($"/api/video-visits/{visit.AppointmentId}/admit", null)).ReadJsonAsync();
        await (await patient.Api.PostAsJsonAsync($"/api/video-visits/{visit.AppointmentId}/messages", new { text })).ReadJsonAsync();

        Activity[] exported;
        lock (spans)
        {
            exported = [.. spans];
        }

        var names = exported.Select(s => s.DisplayName).ToHashSet();
        Assert.Contains("BookAppointment", names);
        Assert.Contains("SendVisitMessage", names);
        var booking = exported.Single(s => s.DisplayName == "BookAppointment");
        Assert.Equal(AppTelemetryName, booking.Source.Name);
        // Note: the use case runs inside the request's span, so the collector shows them as one trace.
        Assert.Contains(exported, s => s.Kind == ActivityKind.Server && s.TraceId == booking.TraceId && s.DisplayName.StartsWith("POST", StringComparison.Ordinal));
        if (provider == "PostgreSQL")
        {
            Assert.Contains(exported, s => s.Source.Name == "Npgsql" && s.TraceId == booking.TraceId);
        }
        else
        {
            // SQLite's commands through EF Core's instrumentation: the statement with placeholders, literals replaced.
            var commands = exported.Where(s => s.Source.Name == EfCoreSource && s.TraceId == booking.TraceId).ToArray();
            Assert.NotEmpty(commands);
            Assert.All(commands, command =>
            {
                Assert.DoesNotContain(command.TagObjects, tag => tag.Key.StartsWith("db.query.parameter", StringComparison.Ordinal));
                Assert.Equal("sqlite", command.GetTagItem("db.system.name") ?? command.GetTagItem("db.system"));
                // Note: db.statement until OTEL_SEMCONV_STABILITY_OPT_IN=database switches to the stable db.query.text.
                var statement = Convert.ToString(command.GetTagItem("db.query.text") ?? command.GetTagItem("db.statement"), CultureInfo.InvariantCulture);
                Assert.False(string.IsNullOrEmpty(statement));
                Assert.DoesNotMatch("'[^']*'", statement);
            });
        }

        var everything = new StringBuilder();
        foreach (var span in exported)
        {
            everything.AppendLine(span.DisplayName).AppendLine(span.StatusDescription);
            foreach (var tag in span.TagObjects)
            {
                everything.Append(tag.Key).Append('=').AppendLine(Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
            }

            foreach (var @event in span.Events)
            {
                everything.AppendLine(@event.Name);
                foreach (var tag in @event.Tags)
                {
                    everything.Append(tag.Key).Append('=').AppendLine(Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
                }
            }
        }

        Assert.NotEmpty(logs);
        foreach (var line in logs)
        {
            everything.AppendLine(line);
        }

        // Note: the logs written while a use case ran carry its trace id (logs and traces join up in the collector).
        Assert.Contains(logs, line => line.Contains("trace=" + booking.TraceId.ToHexString(), StringComparison.Ordinal));

        var all = everything.ToString();
        Assert.DoesNotContain(fullName, all, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(text, all, StringComparison.Ordinal);
        Assert.DoesNotContain("knee", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_scraped_only_with_the_token_or_from_an_allowed_network_and_count_bookings()
    {
        await using var host = await StartAsync("Sqlite", [], new ConcurrentQueue<string>());

        var outsider = host.CreateBrowserClient("203.0.113.7");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/metrics")).StatusCode);
        outsider.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/metrics")).StatusCode);
        // Note: claiming to come through a proxy does not help: no proxy is configured, so the header is ignored.
        var spoofing = host.CreateBrowserClient("203.0.113.8");
        spoofing.DefaultRequestHeaders.Add("X-Forwarded-For", "10.99.1.2");
        Assert.Equal(HttpStatusCode.NotFound, (await spoofing.GetAsync("/metrics")).StatusCode);

        var inside = host.CreateBrowserClient("10.99.1.2");
        var scrape = await inside.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        // Note: the gauges report from the start, under the names the dashboard queries (AppTelemetry.PrometheusSeries).
        var exposition = await scrape.Content.ReadAsStringAsync();
        foreach (var gauge in new[] { "ih_outbox_pending", "ih_outbox_oldest_age_seconds", "ih_outbox_dead_letters", "ih_video_active_rooms", "ih_his_circuit_state" })
        {
            Assert.Contains(gauge, Application.Common.Telemetry.AppTelemetry.PrometheusSeries);
            Assert.Matches(new Regex("^" + gauge + "[{ ]", RegexOptions.Multiline), exposition);
        }

        var scraper = host.CreateBrowserClient("203.0.113.9");
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        var before = BookingsCounted(await scraper.GetStringAsync("/metrics"));

        var patient = await VisitScenario.NewPatientAsync(host);
        var slotId = await VisitScenario.FreeSlotAsync(host.Services, TimeSpan.FromDays(3), VisitScenario.Dermatologist);
        await (await patient.Api.PostAsJsonAsync("/api/appointments", new { patientId = patient.PatientId, slotId, visitType = "InPerson" })).ReadJsonAsync(HttpStatusCode.Created);
        // A booking refused (the slot is now taken) is not counted.
        var other = await VisitScenario.NewPatientAsync(host);
        await (await other.Api.PostAsJsonAsync("/api/appointments", new { patientId = other.PatientId, slotId, visitType = "InPerson" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var after = await scraper.GetStringAsync("/metrics");
        Assert.Equal(before + 1, BookingsCounted(after));
        // The framework's request duration per route is there for the dashboard's request panels. ASP.NET Core records it
        // when the request ends on the server, which can be just after the client has the answer: wait for it (bounded).
        var perRoute = new Regex("^http_server_request_duration_seconds_bucket\\{.*http_route=\"/api/appointments/\"", RegexOptions.Multiline);
        for (var attempt = 0; attempt < 50 && !perRoute.IsMatch(after); attempt++)
        {
            await Task.Delay(100);
            after = await scraper.GetStringAsync("/metrics");
        }

        Assert.Matches(perRoute, after);
    }

    private const string AppTelemetryName = "InternetHospital";

    private const string EfCoreSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    private static double BookingsCounted(string exposition)
    {
        var match = CounterLine().Match(exposition);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^ih_bookings_created_total(?:\{[^}]*\})? (\S+)", RegexOptions.Multiline)]
    private static partial Regex CounterLine();

    private static Task<OwnApiHost> StartAsync(string provider, List<Activity> spans, ConcurrentQueue<string> logs) =>
        OwnApiHost.StartAsync(provider, builder =>
        {
            builder.UseSetting("OpenTelemetry:Prometheus:Enabled", "true");
            builder.UseSetting("OpenTelemetry:Prometheus:BearerToken", ScrapeToken);
            builder.UseSetting("OpenTelemetry:Prometheus:AllowedNetworks:0", "10.99.0.0/16");
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:InternetHospital", "Debug");
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.Configure<OpenTelemetryLoggerOptions>(options =>
                {
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = true;
                    options.AddProcessor(new LogCapture(logs));
                });
                // Note: a fresh scrape every time (the exporter otherwise answers from a cache for 300 ms).
                services.Configure<PrometheusAspNetCoreOptions>(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
            });
        }, reuseSeed: true);

    /// <summary>Copies each exported log record to text at once (the SDK reuses the records).</summary>
    private sealed class LogCapture(ConcurrentQueue<string> lines) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            var line = new StringBuilder($"trace={data.TraceId.ToHexString()} {data.CategoryName} {data.FormattedMessage} {data.Body}");
            foreach (var attribute in data.Attributes ?? [])
            {
                line.Append(' ').Append(attribute.Key).Append('=').Append(Convert.ToString(attribute.Value, CultureInfo.InvariantCulture));
            }

            data.ForEachScope((scope, state) =>
            {
                foreach (var item in scope)
                {
                    state.Append(' ').Append(item.Key).Append('=').Append(Convert.ToString(item.Value, CultureInfo.InvariantCulture));
                }
            }, line);
            lines.Enqueue(line.ToString());
        }
    }
}
