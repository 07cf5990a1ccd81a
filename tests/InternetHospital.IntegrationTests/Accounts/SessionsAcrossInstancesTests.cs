using System.Diagnostics;
using System.Net;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;

namespace InternetHospital.IntegrationTests.Accounts;

/// <summary>
/// Two instances sharing PostgreSQL and Redis: a session ended through instance A is refused by instance B within a
/// second, although B had just cached it as live (the cache would otherwise trust it for 30 s).
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SessionsAcrossInstancesTests(TwoInstances instances)
{
    [Fact]
    public async Task A_session_ended_on_one_instance_is_refused_by_the_other_within_a_second()
    {
        var onA = await instances.A.NewPatientAsync();
        using var onB = new HttpClient { BaseAddress = instances.B.BaseAddress };
        // Note: behind one address in production; here the Host header stands in for it (the issuer is the same).
        onB.DefaultRequestHeaders.Host = instances.A.BaseAddress.Authority;
        onB.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", onA.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);

        var session = (await (await onA.Api.GetAsync("/api/account/sessions")).ReadJsonAsync()).EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await onA.Api.DeleteAsync($"/api/account/sessions/{session}")).StatusCode);

        var clock = Stopwatch.StartNew();
        var status = HttpStatusCode.OK;
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            status = (await onB.GetAsync("/api/me")).StatusCode;
            if (status == HttpStatusCode.Unauthorized)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
