using System.Net;
using System.Net.Http.Json;
using System.Text;
using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Platform;

public abstract class ProblemDetailsTests(ApiFactory factory)
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/api/account/register", new StringContent("{\"fullName\": \"张三\",", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_a_400_problem()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/api/account/register", new StringContent("[1,2,3]", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/api/no/such/thing");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("no_such_endpoint", problem.Code());
    }

    [Fact]
    public async Task A_wrong_method_on_a_known_route_is_a_405_problem()
    {
        var response = await factory.CreateBrowserClient().DeleteAsync("/api/account/register");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Calling_the_api_without_a_token_is_a_401_problem()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/api/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_a_401_problem()
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        await (await client.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_patient_calling_a_doctor_only_endpoint_is_a_403_problem()
    {
        var patient = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword);

        var response = await patient.GetAsync("/api/doctors/me");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_doctor_gets_their_own_profile()
    {
        var doctor = await factory.CreateClientAsAsync("dr.chen@demo.test", TestData.DemoPassword);

        var profile = await (await doctor.GetAsync("/api/doctors/me")).ReadJsonAsync();

        Assert.Equal("陈静", profile.GetProperty("name").GetString());
        Assert.True(profile.GetProperty("isFamilyDoctor").GetBoolean());
        Assert.Equal("General Practice", profile.GetProperty("department").GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        var big = new string('x', 1024 * 1024 + 10);
        var response = await factory.CreateBrowserClient().PostAsync("/api/account/register", new StringContent($"{{\"fullName\":\"{big}\"}}", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("payload_too_large", problem.Code());
    }

    [Fact]
    public async Task Validation_problems_name_the_fields_in_camel_case()
    {
        var response = await (await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword))
            .PutAsJsonAsync("/api/me/preferences", new { language = "fr" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("language"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProblemDetailsTestsOnSqlite(SqliteApiFactory factory) : ProblemDetailsTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ProblemDetailsTestsOnPostgres(PostgresApiFactory factory) : ProblemDetailsTests(factory);
