using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static InternetHospital.IntegrationTests.Renewals.RenewalTestKit;

namespace InternetHospital.IntegrationTests.Renewals;

/// <summary>
/// Every renewal endpoint (from the live route table) called by every role with another patient's ids: 403 or 404,
/// and never a byte of that patient's data. Pharmacists are entitled to the pharmacy endpoints by role (the review
/// queue) and are left out there; everywhere else they are strangers too.
/// </summary>
public abstract partial class RenewalAuthorizationTests(ApiFactory factory)
{
    private readonly RenewalTestKit kit = new(factory);

    [Fact]
    public async Task Every_role_gets_403_or_404_and_no_data_for_another_patients_renewal()
    {
        // The victim: a patient with a signed prescription waiting for the pharmacist.
        var victim = await kit.PatientAsync(fullName: "欧阳秘密");
        var renewal = await SubmitAsync(victim, codes: Amlodipine);
        var renewalId = renewal.GetProperty("id").GetGuid();
        var drugId = await victim.DrugIdAsync(Amlodipine);
        await StatusIsAsync(await (await kit.DoctorAsync()).PostAsJsonAsync($"/api/doctor/renewals/{renewalId}/approve", new { }), "DoctorApproved");

        var stranger = await kit.PatientAsync(fullName: "路人甲");
        var callers = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            ["another patient"] = stranger.Client,
            ["an unrelated doctor"] = await kit.DoctorAsync("dr.zhao@demo.test"),
            ["a pharmacist"] = await kit.PharmacistOnDutyAsync(),
            ["an admin"] = await kit.AdminAsync(),
        };

        var endpoints = RenewalEndpoints().ToList();
        Assert.True(endpoints.Count >= 20, $"Expected every renewal endpoint, found {endpoints.Count}.");
        var failures = new List<string>();
        var secrets = new[] { "欧阳秘密", victim.PatientId.ToString(), renewalId.ToString(), renewal.GetProperty("reference").GetString()! };
        foreach (var (method, pattern) in endpoints)
        {
            foreach (var (who, client) in callers)
            {
                if (who == "a pharmacist" && pattern.StartsWith("/api/pharmacy", StringComparison.Ordinal))
                {
                    continue;
                }

                // The stranger also tries their own patient id with the victim's renewal id.
                var patientIds = who == "another patient" ? new[] { victim.PatientId, stranger.PatientId } : [victim.PatientId];
                foreach (var patientId in patientIds)
                {
                    var url = pattern.Replace("{patientId:guid}", patientId.ToString(), StringComparison.Ordinal)
                        .Replace("{renewalId:guid}", renewalId.ToString(), StringComparison.Ordinal)
                        .Replace("{drugId:guid}", drugId.ToString(), StringComparison.Ordinal);
                    if (url.Contains('{', StringComparison.Ordinal))
                    {
                        failures.Add($"{method} {pattern}: unknown route parameter");
                        continue;
                    }

                    if (!url.Contains(victim.PatientId.ToString(), StringComparison.Ordinal) && !url.Contains(renewalId.ToString(), StringComparison.Ordinal))
                    {
                        // One's own lists and records (the stranger's medicines, the doctor's queue): checked for leaks only.
                        var list = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(method, pattern) });
                        var listBody = await list.Content.ReadAsStringAsync();
                        if (secrets.Any(s => listBody.Contains(s, StringComparison.Ordinal)))
                        {
                            failures.Add($"{who}: {method} {pattern} leaked the other patient's data");
                        }

                        continue;
                    }

                    var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(method, pattern) });
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    {
                        failures.Add($"{who}: {method} {url} answered {(int)response.StatusCode}");
                    }

                    // Note: the problem document echoes the caller's own URL (instance); anything else of the victim is a leak.
                    var leaked = secrets.Where(s => !url.Contains(s, StringComparison.Ordinal)).Any(s => body.Contains(s, StringComparison.Ordinal));
                    if (leaked)
                    {
                        failures.Add($"{who}: {method} {url} leaked data");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Nothing changed: the request still waits for the pharmacist.
        Assert.Equal("DoctorApproved", (await victim.RenewalAsync(renewalId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pharmacists_see_new_prescriptions_live_and_doctors_see_new_requests_live()
    {
        var pharmacistToken = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "pharmacist.sun@demo.test", TestData.DemoPassword)).AccessToken;
        var doctorToken = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "dr.li@demo.test", TestData.DemoPassword)).AccessToken;
        var pharmacyEvents = new List<JsonElement>();
        var doctorEvents = new List<JsonElement>();
        var pharmacistSaw = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var doctorSaw = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var pharmacistHub = Hub(pharmacistToken);
        await using var doctorHub = Hub(doctorToken);
        Guid? expected = null;
        pharmacistHub.On<JsonElement>("renewals.changed", e =>
        {
            lock (pharmacyEvents)
            {
                pharmacyEvents.Add(e);
                if (expected is { } id && e.GetProperty("id").GetGuid() == id && e.GetProperty("status").GetString() == "DoctorApproved")
                {
                    pharmacistSaw.TrySetResult();
                }
            }
        });
        doctorHub.On<JsonElement>("renewals.changed", e =>
        {
            lock (doctorEvents)
            {
                doctorEvents.Add(e);
                if (e.GetProperty("status").GetString() == "Submitted")
                {
                    doctorSaw.TrySetResult();
                }
            }
        });
        await pharmacistHub.StartAsync();
        await doctorHub.StartAsync();

        var patient = await kit.PatientAsync();
        var id = (await SubmitAsync(patient, codes: Atorvastatin)).GetProperty("id").GetGuid();
        lock (pharmacyEvents)
        {
            expected = id;
        }

        await doctorSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await StatusIsAsync(await (await kit.DoctorAsync()).PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
        await pharmacistSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_request_leaves_the_doctors_queue_live_when_the_patient_cancels_it_or_a_doctor_decides_it()
    {
        var doctorToken = (await OidcFlow.SignInAsync(factory.CreateBrowserClient(), "dr.li@demo.test", TestData.DemoPassword)).AccessToken;
        var seen = System.Threading.Channels.Channel.CreateUnbounded<(Guid Id, string Status)>();
        await using var doctorHub = Hub(doctorToken);
        doctorHub.On<JsonElement>("renewals.changed", e => seen.Writer.TryWrite((e.GetProperty("id").GetGuid(), e.GetProperty("status").GetString()!)));
        await doctorHub.StartAsync();

        async Task SeesAsync(Guid id, string status)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (await seen.Reader.ReadAsync(timeout.Token) != (id, status))
            {
            }
        }

        var patient = await kit.PatientAsync();
        var cancelled = (await SubmitAsync(patient, codes: Atorvastatin)).GetProperty("id").GetGuid();
        await SeesAsync(cancelled, "Submitted");
        await StatusIsAsync(await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/renewals/{cancelled}/cancel", null), "Cancelled");
        await SeesAsync(cancelled, "Cancelled");

        var rejected = (await SubmitAsync(patient, codes: Atorvastatin)).GetProperty("id").GetGuid();
        await SeesAsync(rejected, "Submitted");
        await StatusIsAsync(await (await kit.DoctorAsync()).PostAsJsonAsync($"/api/doctor/renewals/{rejected}/reject", new { reason = "Please see your GP first." }), "DoctorRejected");
        await SeesAsync(rejected, "DoctorRejected");
    }

    private HubConnection Hub(string accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/notifications"), options =>
        {
            options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
        })
        .Build();

    /// <summary>Valid bodies, so that validation (400) cannot answer before the access check.</summary>
    private static JsonContent? Body(string method, string pattern)
    {
        if (method is not ("POST" or "PUT"))
        {
            return null;
        }

        object body = pattern switch
        {
            _ when pattern.EndsWith("/reject", StringComparison.Ordinal) || pattern.EndsWith("/request-visit", StringComparison.Ordinal) => new { reason = "A reason that is long enough." },
            _ when pattern.EndsWith("/picked-up", StringComparison.Ordinal) => new { pickupCode = "12345678" },
            _ when pattern.EndsWith("/delivery", StringComparison.Ordinal) => new { status = "InTransit" },
            _ when pattern.EndsWith("/dispense", StringComparison.Ordinal) => new { carrier = "SF", trackingNumber = "SF1" },
            _ when pattern.EndsWith("/duty", StringComparison.Ordinal) => new { onDuty = true },
            _ when pattern.EndsWith("/renewal-settings", StringComparison.Ordinal) => new { fee = 0 },
            _ when pattern.EndsWith("/renewals", StringComparison.Ordinal) => new
            {
                items = new[] { new { drugId = Guid.NewGuid(), daysSupply = 28 } },
                fulfilment = "Pickup", newSymptoms = false, sideEffects = false, hospitalStay = false, pregnancy = false,
            },
            _ => new { justification = "Reviewed and acceptable for this patient." },
        };
        return JsonContent.Create(body);
    }

    private IEnumerable<(string Method, string Pattern)> RenewalEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && RenewalRoute().IsMatch(raw))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))));

    [GeneratedRegex(@"^/?api/(patients/\{patientId:guid\}/(medications|renewal|renewals)|doctor/renewals|pharmacy|admin/renewal-settings)")]
    private static partial Regex RenewalRoute();
}

[Collection(SqliteCollection.Name)]
public sealed class RenewalAuthorizationTestsOnSqlite(SqliteApiFactory factory) : RenewalAuthorizationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class RenewalAuthorizationTestsOnPostgres(PostgresApiFactory factory) : RenewalAuthorizationTests(factory);
