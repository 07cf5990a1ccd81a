using System.Net;
using System.Text.RegularExpressions;
using InternetHospital.Domain.Accounts;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// Built from the live route table, not a hand-picked list (domain rule 23): every API endpoint states who may
/// call it, refuses anonymous callers unless it is on the short public list, and refuses signed-in callers
/// without the role it names.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed partial class AuthorizationMatrixTests(SqliteApiFactory factory)
{
    /// <summary>The only API endpoints anyone may call without signing in. Adding one here is a security decision.</summary>
    private static readonly HashSet<string> PublicEndpoints = new(StringComparer.Ordinal)
    {
        "POST /api/account/register",
        "POST /api/account/login",
        "POST /api/account/login/two-factor",

        // SMS codes: the same answer whether or not the number has an account; limited per number and address in the database.
        "POST /api/account/login/mobile-code",
        "POST /api/account/login/mobile",
        "POST /api/account/register/mobile-code",
        "GET /api/account/session",

        // Only whether this is a staging site running development stand-ins (the SPA's banner, before sign-in too).
        "GET /api/site",
        // The SPA's settings (time zone, idle sign-out, password length, upload limit) are needed before sign-in.
        "GET /api/config",

        // Stripe has no user: the endpoint trusts nothing but the Stripe-Signature (forged or stale: 400).
        "POST /api/payments/stripe/webhook",

        // WeChat Pay and Alipay have no user either: only their signatures are trusted (forged, stale, tampered: 400).
        "POST /api/payments/wechatpay/notify",
        "POST /api/payments/alipay/notify",

        // A visit guest's link: the 256-bit token is the only key (bound to the first device, single visit, expiring).
        "POST /api/guest-links/redeem",
    };

    [Fact]
    public void Every_api_endpoint_declares_who_may_call_it()
    {
        var undeclared = ApiEndpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.Name)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Only_the_listed_endpoints_are_public()
    {
        var anonymous = ApiEndpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(PublicEndpoints.Order(), anonymous.Order());
    }

    [Fact]
    public async Task Every_protected_endpoint_refuses_anonymous_callers()
    {
        var client = factory.CreateBrowserClient();
        var failures = new List<string>();
        foreach (var (name, method, url, endpoint) in ApiEndpoints().Where(e => !PublicEndpoints.Contains(e.Name)))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(method, endpoint) });
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{name}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        Assert.True(ApiEndpoints().Count() > PublicEndpoints.Count);
    }

    [Fact]
    public async Task Every_role_restricted_endpoint_refuses_the_other_roles()
    {
        var callers = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            [Roles.Patient] = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword),
            [Roles.Doctor] = await factory.CreateClientAsAsync("dr.li@demo.test", TestData.DemoPassword),
            [Roles.Pharmacist] = await factory.CreateClientAsAsync("pharmacist.sun@demo.test", TestData.DemoPassword),
            [Roles.Registrar] = await factory.CreateClientAsAsync("registrar@demo.test", TestData.DemoPassword),
            [Roles.Nurse] = await factory.CreateClientAsAsync("nurse@demo.test", TestData.DemoPassword),
            [Roles.Paramedic] = await factory.CreateClientAsAsync("crew@demo.test", TestData.DemoPassword),
            [Roles.EmergencyStaff] = await factory.CreateClientAsAsync("ed@demo.test", TestData.DemoPassword),
            [Roles.SystemAdmin] = await factory.CreateClientAsAsync("admin.donghu@demo.test", TestData.DemoPassword),
            [Roles.ConsortiumAdmin] = await factory.CreateClientAsAsync("admin.zhou@demo.test", TestData.DemoPassword),
            [Roles.SecurityAdmin] = await factory.CreateClientAsAsync("security.qian@demo.test", TestData.DemoPassword),
            [Roles.AuditAdmin] = await factory.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword),
            [Roles.MedicalRecords] = await factory.CreateClientAsAsync("records@demo.test", TestData.DemoPassword),
        };
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (name, method, url, endpoint) in ApiEndpoints())
        {
            var allowed = AllowedRoles(endpoint);
            if (allowed is null)
            {
                continue;
            }

            foreach (var (role, client) in callers.Where(c => !allowed.Contains(c.Key)))
            {
                checkedCount++;
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(method, endpoint) });
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{name} as {role}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(checkedCount > 0);
    }

    /// <summary>A person manages their own sign-in security whatever their role; nobody does it without signing in.</summary>
    [Theory]
    [InlineData("GET /api/account/sessions")]
    [InlineData("DELETE /api/account/sessions/{id:guid}")]
    [InlineData("POST /api/account/password")]
    [InlineData("GET /api/account/two-factor")]
    [InlineData("POST /api/account/two-factor/enable")]
    [InlineData("POST /api/account/two-factor/disable")]
    public void Account_security_endpoints_are_for_every_signed_in_account(string name)
    {
        var endpoint = Assert.Single(ApiEndpoints(), e => e.Name == name).Endpoint;
        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
        Assert.Null(AllowedRoles(endpoint));
    }

    /// <summary>The roles an endpoint admits, or null when any signed-in caller may call it.</summary>
    private static HashSet<string>? AllowedRoles(Endpoint endpoint)
    {
        HashSet<string>? allowed = null;
        foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
        {
            var roles = new List<string>();
            if (data.Policy is { } policy)
            {
                // The system administrator's policy admits the consortium's administrator (a system administrator of every institution).
                roles.AddRange(policy switch
                {
                    "Staff" => Roles.Staff,
                    "HealthCodeScanners" => Roles.HealthCodeScanners,
                    Roles.SystemAdmin => Roles.SystemAdministrators,
                    _ => Roles.All.Contains(policy) ? [policy] : [],
                });
            }

            if (data.Roles is { } list)
            {
                roles.AddRange(list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            if (roles.Count > 0)
            {
                // Several authorization requirements must all pass: the allowed set is their intersection.
                allowed = allowed is null ? [.. roles] : [.. allowed.Intersect(roles)];
            }
        }

        return allowed;
    }

    private IEnumerable<(string Name, string Method, string Url, Endpoint Endpoint)> ApiEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => ($"{method} /{e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/')}", method, Concrete(e.RoutePattern.RawText!), (Endpoint)e)));

    /// <summary>A callable URL for a route pattern: every parameter gets a value that satisfies common constraints.</summary>
    private static string Concrete(string pattern) =>
        "/" + RouteParameter().Replace(pattern.TrimStart('/'), match => match.Value.Contains(":int", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString());

    /// <summary>
    /// A body of the kind the endpoint takes: routing answers 415 to the wrong content type before authorization runs,
    /// so an upload endpoint gets an (empty) multipart form and everything else an empty JSON object.
    /// </summary>
    private static HttpContent? Body(string method, Endpoint endpoint)
    {
        if (method is not ("POST" or "PUT" or "PATCH"))
        {
            return null;
        }

        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
        return accepts.Any(type => type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            ? new MultipartFormDataContent()
            : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
