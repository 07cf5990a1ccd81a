using System.Net;
using System.Net.Http.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// Two instances sharing Redis (see <see cref="TwoInstances"/>): the limits per address and the unknown-address lockout
/// are counted once for all instances, so a client alternating between them gets no more than from one.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class LimitsAcrossInstancesTests(TwoInstances instances)
{
    [Fact]
    public async Task The_21st_sign_in_from_one_address_is_refused_whichever_instance_gets_it()
    {
        var address = $"198.51.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
        var clients = new[] { Client(instances.A, address), Client(instances.B, address) };
        for (var i = 0; i < 20; i++)
        {
            var attempt = await clients[i % 2].PostAsJsonAsync("/api/account/login", new { email = TestData.Email(), password = "wrong-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        foreach (var client in clients)
        {
            var refused = await client.PostAsJsonAsync("/api/account/login", new { email = TestData.Email(), password = "wrong" });
            Assert.Equal("rate_limited", (await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Code());
            Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        }

        // Another address still signs in on both.
        var other = $"198.51.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
        foreach (var instance in new[] { instances.A, instances.B })
        {
            var attempt = await Client(instance, other).PostAsJsonAsync("/api/account/login", new { email = TestData.Email(), password = "wrong" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_address_is_locked_after_five_failures_spread_over_both_instances()
    {
        var email = TestData.Email("nobody");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var instance = attempt % 2 == 0 ? instances.B : instances.A;
            var wrong = await Client(instance, NewAddress()).PostAsJsonAsync("/api/account/login", new { email, password = "wrong-" + attempt });
            Assert.Equal("invalid_credentials", (await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized)).Code());
        }

        var fifth = await Client(instances.B, NewAddress()).PostAsJsonAsync("/api/account/login", new { email, password = "wrong-5" });
        var locked = await fifth.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("locked_out", locked.Code());
        Assert.InRange(locked.GetProperty("lockoutEnd").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));

        // The other instance knows it too.
        var onA = await Client(instances.A, NewAddress()).PostAsJsonAsync("/api/account/login", new { email, password = "wrong-6" });
        Assert.Equal("locked_out", (await onA.AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
    }

    [Fact]
    public async Task A_limit_per_account_holds_across_instances()
    {
        var patient = await instances.A.NewPatientAsync();
        var id = (await VisitScenario.BookAsync(instances.A.Services, () => Task.FromResult(patient))).AppointmentId;
        await (await patient.Api.PostAsync($"/api/video-visits/{id}/check-in", null)).ReadJsonAsync();
        var doctor = await instances.B.SignInAsync(VisitScenario.Cardiologist, TestData.DemoPassword);
        await (await doctor.Api.PostAsJsonAsync("/api/video-visits/consulting-session", new { password = TestData.DemoPassword })).ReadJsonAsync();
        await (await doctor.Api.PostAsync($"/api/video-visits/{id}/admit", null)).ReadJsonAsync();

        // The patient's token on both instances (one issuer: the Host header stands in for the balancer's address).
        using var onB = new HttpClient { BaseAddress = instances.B.BaseAddress };
        onB.DefaultRequestHeaders.Host = instances.A.BaseAddress.Authority;
        onB.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", patient.AccessToken);
        var clients = new[] { patient.Api, onB };
        for (var i = 0; i < 30; i++)
        {
            var sent = await clients[i % 2].PostAsJsonAsync($"/api/video-visits/{id}/messages", new { text = $"message {i}" });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        foreach (var client in clients)
        {
            var refused = await client.PostAsJsonAsync($"/api/video-visits/{id}/messages", new { text = "one too many" });
            Assert.Equal("rate_limited", (await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Code());
        }
    }

    private static string NewAddress() => $"198.18.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private static HttpClient Client(ApiInstance instance, string address)
    {
        var client = new HttpClient { BaseAddress = instance.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
