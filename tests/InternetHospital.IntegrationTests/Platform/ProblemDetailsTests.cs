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

    [Fact]
    public async Task A_validation_problem_has_a_code_and_field_codes_and_speaks_the_requested_language()
    {
        var chinese = factory.CreateBrowserClient();
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.8");
        var english = factory.CreateBrowserClient();
        var body = TestData.Registration(password: "short", idType: "Passport", idNumber: "!!", fullName: "");

        var zh = await (await chinese.PostAsJsonAsync("/api/account/register", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var en = await (await english.PostAsJsonAsync("/api/account/register", body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("validation_failed", zh.Code());
        Assert.Equal(["invalid_passport"], FieldCodes(zh, "idNumber"));
        Assert.Equal(["not_empty"], FieldCodes(zh, "fullName"));
        Assert.Equal(["minimum_length"], FieldCodes(zh, "password"));
        Assert.Equal(["护照号码应为 5 至 20 位字母或数字。"], zh.FieldErrors("idNumber"));
        Assert.Equal(["A passport number has 5 to 20 letters and digits."], en.FieldErrors("idNumber"));
        Assert.Contains("不能为空", Assert.Single(zh.FieldErrors("fullName")), StringComparison.Ordinal); // FluentValidation's own, in Chinese
        Assert.Contains("must not be empty", Assert.Single(en.FieldErrors("fullName")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_names_its_field_code_in_the_requested_language()
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await (await client.PostAsync("/api/account/register", new StringContent("{\"dateOfBirth\": 12}", Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("validation_failed", problem.Code());
        Assert.Equal(["invalid_value"], FieldCodes(problem, "dateOfBirth"));
        Assert.Equal(["该值缺失或格式不正确。"], problem.FieldErrors("dateOfBirth"));
    }

    [Fact]
    public async Task A_password_identity_refuses_is_worded_in_the_requested_language_with_its_field_code()
    {
        var chinese = factory.CreateBrowserClient();
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var zh = await (await chinese.PostAsJsonAsync("/api/account/register", TestData.Registration(password: "password123"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var en = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(password: "password123"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("validation_failed", zh.Code());
        Assert.Equal(["common_password"], FieldCodes(zh, "password"));
        Assert.Equal(["这个密码太常见，容易被猜到。请换一个更长、不易猜到的密码，例如几个不相关的词。"], zh.FieldErrors("password"));
        Assert.Contains("too common", Assert.Single(en.FieldErrors("password")), StringComparison.Ordinal);

        // Changing the password goes through Identity's own rules (the length), worded the same way.
        var email = TestData.Email();
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).StatusCode);
        var patient = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        patient.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var change = await (await patient.PostAsJsonAsync("/api/account/password", new { currentPassword = TestData.StrongPassword, newPassword = "short" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", change.Code());
        Assert.Equal(["password_too_short"], FieldCodes(change, "newPassword"));
        Assert.Equal(["密码至少需要 8 个字符。"], change.FieldErrors("newPassword"));

        var empty = await (await patient.PostAsJsonAsync("/api/account/password", new { currentPassword = "", newPassword = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", empty.Code());
        Assert.Equal(["new_password_required"], FieldCodes(empty, "newPassword"));
        Assert.Equal(["请输入当前密码。"], empty.FieldErrors("currentPassword"));
    }

    [Fact]
    public async Task Problems_without_a_reason_of_their_own_carry_the_generic_code_of_their_status()
    {
        var anonymous = await factory.CreateBrowserClient().GetAsync("/api/me");
        var patient = await (await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword)).GetAsync("/api/doctors/me");
        var signIn = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/login", new { email = "", password = "" });

        Assert.Equal("unauthorized", (await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized)).Code());
        Assert.Equal("forbidden", (await patient.AssertProblemAsync(HttpStatusCode.Forbidden)).Code());
        var login = await signIn.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", login.Code());
        Assert.Equal(["email_required"], FieldCodes(login, "email"));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_problem_responses_of_each_group()
    {
        var document = await (await factory.CreateBrowserClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var booking = document.GetProperty("paths").GetProperty("/api/appointments").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "404", "409", "422" })
        {
            Assert.True(booking.TryGetProperty(status, out var response), $"POST /api/appointments has no {status} response");
            Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not a problem");
        }

        var undeclared = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Value.ValueKind == System.Text.Json.JsonValueKind.Object && op.Value.TryGetProperty("responses", out _))
                .Where(op => !op.Value.GetProperty("responses").TryGetProperty("400", out _))
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
        Assert.True(undeclared.Count == 0, $"Operations without their problem responses: {string.Join(", ", undeclared)}");
    }

    private static string[] FieldCodes(System.Text.Json.JsonElement problem, string field) =>
        [.. problem.GetProperty("fieldCodes").GetProperty(field).EnumerateArray().Select(c => c.GetString()!)];
}

[Collection(SqliteCollection.Name)]
public sealed class ProblemDetailsTestsOnSqlite(SqliteApiFactory factory) : ProblemDetailsTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ProblemDetailsTestsOnPostgres(PostgresApiFactory factory) : ProblemDetailsTests(factory);
