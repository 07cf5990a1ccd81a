using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// The telemetry as an operator sees it in real collectors, not in-memory exporters: the API (on PostgreSQL, the
/// production shape, listening on a real port) exports traces and logs over OTLP/gRPC to the Aspire Dashboard, and a
/// Prometheus scrapes its /metrics with the bearer token. After a patient books and writes in a video visit, the
/// collectors hold the booking's trace (request, use case, SQL), logs joined to it, the booking counter and the
/// per-route latency, and nowhere the patient's name, ID number or message.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class CollectorTests
{
    private const string MetricsPath = "/metrics";

    [Fact]
    public async Task A_booking_and_a_visit_message_reach_the_OTLP_collector_and_Prometheus_without_the_patients_name_ID_number_or_text()
    {
        var serviceName = $"ih-collector-test-{Guid.NewGuid():N}"[..28];
        var scrapeToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await using var dashboard = await AspireDashboard.StartAsync();
        await using var host = await OwnApiHost.StartAsync("PostgreSQL", builder =>
        {
            builder.UseSetting("OpenTelemetry:OtlpEndpoint", dashboard.OtlpGrpc.ToString());
            // The standard variable for the collector's credentials, read from configuration like the others.
            builder.UseSetting("OTEL_EXPORTER_OTLP_HEADERS", "x-otlp-api-key=" + dashboard.OtlpApiKey);
            // Note: batches every half second instead of five, so the test does not wait for them.
            builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "500");
            builder.UseSetting("OTEL_BLRP_SCHEDULE_DELAY", "500");
            builder.UseSetting("OpenTelemetry:ServiceName", serviceName);
            builder.UseSetting("OpenTelemetry:Prometheus:Enabled", "true");
            builder.UseSetting("OpenTelemetry:Prometheus:Path", MetricsPath);
            builder.UseSetting("OpenTelemetry:Prometheus:BearerToken", scrapeToken);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:InternetHospital", "Debug");
        }, kestrel: true, reuseSeed: true);
        await using var prometheus = await PrometheusServer.StartAsync(host.ServerAddress, MetricsPath, scrapeToken);

        // A patient registers, signs in, books, and writes in a video visit the doctor has admitted them to.
        var fullName = "欧阳青" + (char)('甲' + Random.Shared.Next(10));
        var email = TestData.Email("collector");
        var dateOfBirth = "1979-03-11";
        var idNumber = TestData.ResidentId(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), Domain.Patients.Sex.Female);
        var registered = await host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, idNumber, dateOfBirth, "Female", fullName: fullName));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var patient = await VisitScenario.SignInAsync(host, email, TestData.StrongPassword);
        var slotId = await VisitScenario.FreeSlotAsync(host.Services, TimeSpan.FromDays(4), VisitScenario.Dermatologist);
        await (await patient.Api.PostAsJsonAsync("/api/appointments", new { patientId = patient.PatientId, slotId, visitType = "InPerson" })).ReadJsonAsync(HttpStatusCode.Created);

        const string text = "The rash on my wrist spread after the new soap.";
        var visit = await VisitScenario.BookAsync(host.Services, () => Task.FromResult(patient));
        await (await patient.Api.PostAsync($"/api/video-visits/{visit.AppointmentId}/check-in", null)).ReadJsonAsync();
        var doctor = await VisitScenario.SignInAsync(host, VisitScenario.Cardiologist);
        await VisitScenario.StartConsultingSessionAsync(doctor);
        await (await doctor.Api.PostAsync($"/api/video-visits/{visit.AppointmentId}/admit", null)).ReadJsonAsync();
        await (await patient.Api.PostAsJsonAsync($"/api/video-visits/{visit.AppointmentId}/messages", new { text })).ReadJsonAsync();

        // Prometheus scraped the booking counter and the request duration of the booking route.
        var counted = await EventuallyAsync(() => prometheus.QueryAsync("sum(ih_bookings_created_total)"), r => Value(r) >= 1, "ih_bookings_created_total in Prometheus", prometheus);
        Assert.True(Value(counted) >= 1);
        await EventuallyAsync(
            () => prometheus.QueryAsync("sum by (http_route) (http_server_request_duration_seconds_count{http_route=\"/api/appointments/\",http_request_method=\"POST\"})"),
            r => Value(r) >= 1, "the POST /api/appointments/ duration in Prometheus", prometheus);
        // The HIS and outbox gauges the dashboard draws are scraped too (the HIS circuit starts closed: 0).
        var circuit = await EventuallyAsync(() => prometheus.QueryAsync("max(ih_his_circuit_state)"), r => r.GetArrayLength() > 0, "ih_his_circuit_state in Prometheus", prometheus);
        Assert.Equal(0, Value(circuit));
        await EventuallyAsync(() => prometheus.QueryAsync("ih_outbox_pending"), r => r.GetArrayLength() > 0, "ih_outbox_pending in Prometheus", prometheus);
        // The booking went to the HIS through the outbox (the development HIS here): the call's latency is scraped.
        await EventuallyAsync(() => prometheus.QueryAsync("sum(ih_his_call_duration_seconds_count)"), r => Value(r) >= 1, "ih_his_call_duration_seconds in Prometheus", prometheus);

        // The collector holds the booking's trace: the POST's server span, the use case and the SQL it ran.
        var trace = await EventuallyAsync(async () => Spans(await dashboard.TelemetryAsync("traces"), serviceName), spans => spans.Any(s => s.Name == "BookAppointment") && spans.Any(s => s.Name == "SendVisitMessage"), "the use-case spans in the collector", dashboard);
        // Note: the visit for the message is booked too (through the use case, not HTTP): the patient's POST is the one traced end to end.
        Assert.All(trace.Where(s => s.Name == "BookAppointment"), each => Assert.Equal("InternetHospital", each.Scope));
        var booking = trace.Single(b => b.Name == "BookAppointment" && trace.Any(s => s.TraceId == b.TraceId && s.Server && s.Name.StartsWith("POST", StringComparison.Ordinal)));
        Assert.Contains(trace, s => s.TraceId == booking.TraceId && s.Scope == "Npgsql");

        // Logs written while the booking ran carry its trace id.
        var logs = await EventuallyAsync(async () => LogRecords(await dashboard.TelemetryAsync("logs"), serviceName), records => records.Any(r => r.TraceId == booking.TraceId), "a log with the booking's trace id in the collector", dashboard);

        // Nothing the collectors hold names the patient, their ID number or what they wrote.
        var everything = new StringBuilder();
        foreach (var span in trace)
        {
            everything.AppendLine(span.Text);
        }

        foreach (var record in logs)
        {
            everything.AppendLine(record.Text);
        }

        everything.AppendLine(await prometheus.SeriesAsync());
        var all = everything.ToString();
        Assert.Contains("BookAppointment", all, StringComparison.Ordinal);
        Assert.DoesNotContain(fullName, all, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(text, all, StringComparison.Ordinal);
        Assert.DoesNotContain("wrist", all, StringComparison.Ordinal);
    }

    private sealed record Span(string TraceId, string Name, string Scope, bool Server, string Text);

    private sealed record LogRecord(string TraceId, string Text);

    /// <summary>The spans of <paramref name="serviceName"/> in an OTLP JSON trace export; Text has every value in it.</summary>
    private static List<Span> Spans(JsonDocument export, string serviceName)
    {
        using (export)
        {
            var spans = new List<Span>();
            foreach (var (scope, item) in Items(export, serviceName, "resourceSpans", "scopeSpans", "spans"))
            {
                var kind = item.TryGetProperty("kind", out var k) ? k.ToString() : "";
                spans.Add(new Span(Id(item, "traceId"), item.GetProperty("name").GetString() ?? "", scope,
                    kind is "2" or "SPAN_KIND_SERVER", AllStrings(item)));
            }

            return spans;
        }
    }

    private static List<LogRecord> LogRecords(JsonDocument export, string serviceName)
    {
        using (export)
        {
            return [.. Items(export, serviceName, "resourceLogs", "scopeLogs", "logRecords").Select(x => new LogRecord(Id(x.Item, "traceId"), AllStrings(x.Item)))];
        }
    }

    private static IEnumerable<(string Scope, JsonElement Item)> Items(JsonDocument export, string serviceName, string resources, string scopes, string items)
    {
        var root = export.RootElement.TryGetProperty("data", out var data) ? data : export.RootElement;
        if (!root.TryGetProperty(resources, out var all))
        {
            yield break;
        }

        foreach (var resource in all.EnumerateArray())
        {
            if (!AllStrings(resource.GetProperty("resource")).Contains(serviceName, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var scope in resource.GetProperty(scopes).EnumerateArray())
            {
                var scopeName = scope.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                foreach (var item in scope.GetProperty(items).EnumerateArray())
                {
                    yield return (scopeName, item.Clone());
                }
            }
        }
    }

    private static string Id(JsonElement item, string name) =>
        item.TryGetProperty(name, out var id) ? (id.GetString() ?? "").ToLowerInvariant() : "";

    /// <summary>Every string and number in an element, decoded (JSON escapes non-ASCII text such as a Chinese name).</summary>
    private static string AllStrings(JsonElement element)
    {
        var text = new StringBuilder();
        Walk(element);
        return text.ToString();

        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        text.Append(property.Name).Append('=');
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.String:
                    text.Append(e.GetString()).Append('\n');
                    break;
                default:
                    text.Append(e.GetRawText()).Append('\n');
                    break;
            }
        }
    }

    private static double Value(JsonElement result) =>
        result.GetArrayLength() == 0 ? double.NaN : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Polls (bounded: scrapes every second, OTLP batches every half second) until the collector has it.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, LocalCollector collector)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        var value = await read();
        while (!done(value))
        {
            if (DateTime.UtcNow > deadline)
            {
                var extra = collector is PrometheusServer prometheus ? await prometheus.TargetsAsync() : "";
                Assert.Fail($"{what}: not there after 45 s. {extra}\n{collector.Output()}");
            }

            await Task.Delay(500);
            value = await read();
        }

        return value;
    }
}

/// <summary>
/// The telemetry tests run one after the other, and after every other test class, alone: each host's meter provider
/// listens to every "InternetHospital" (and ASP.NET Core) meter in the process, so two hosts booking at once would count
/// each other's bookings; and another test's host disposing its meter of the same name stops the stream in this one
/// (open-telemetry/opentelemetry-dotnet#6412): under load the scraped counter stayed 0 and the HIS histogram never
/// reached Prometheus. Tracing is the same: the activity sources are static, so a span list would hold other hosts' spans.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
