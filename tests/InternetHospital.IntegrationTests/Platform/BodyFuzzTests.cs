using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternetHospital.Domain.Accounts;
using InternetHospital.Infrastructure.Seeding;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>A host of its own for the body fuzzer: the payloads may change demo data other tests rely on.</summary>
public sealed class FuzzApiFactory : ApiFactory
{
    private readonly string file = TestDatabases.NewSqliteFile("ih-fuzz");

    public override string ProviderName => "Sqlite";

    protected override bool ReusesSeededTemplate => true;

    protected override string ConnectionString => $"Data Source={file}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteSqlite(file);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Note: a 429 would stop the payloads from reaching the validators and handlers this test is about.
        builder.UseSetting("RateLimits:Messaging:PermitLimit", "100000");
    }
}

/// <summary>
/// No request a user can send produces a 500. Walks the app's own OpenAPI document and sends every operation that takes
/// a JSON body, as an identity allowed to call it, bodies derived from its schema: an empty object, null for each
/// property, [null] in each list, a wrong type for each property and oversized strings, on top of an otherwise
/// plausible body. Fails listing every operation and payload answered with a 5xx.
/// </summary>
public sealed partial class BodyFuzzTests(FuzzApiFactory factory) : IClassFixture<FuzzApiFactory>
{
    private const int OversizedLength = 20_000;

    [Fact]
    public async Task No_json_body_makes_any_operation_answer_5xx()
    {
        var anonymous = factory.CreateBrowserClient();
        var callers = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            [Roles.Patient] = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword),
            [Roles.Doctor] = await factory.CreateClientAsAsync("dr.chen@demo.test", TestData.DemoPassword),
            [Roles.Pharmacist] = await factory.CreateClientAsAsync("pharmacist.sun@demo.test", TestData.DemoPassword),
            [Roles.Registrar] = await factory.CreateClientAsAsync("registrar@demo.test", TestData.DemoPassword),
            [Roles.Nurse] = await factory.CreateClientAsAsync("nurse@demo.test", TestData.DemoPassword),
            [Roles.Paramedic] = await factory.CreateClientAsAsync(DemoAccounts.Crew.Email, TestData.DemoPassword),
            [Roles.EmergencyStaff] = await factory.CreateClientAsAsync(DemoAccounts.EmergencyDoctor.Email, TestData.DemoPassword),
            [Roles.SystemAdmin] = await factory.CreateClientAsAsync(DemoAccounts.SystemAdmin.Email, TestData.DemoPassword),
            [Roles.SecurityAdmin] = await factory.CreateClientAsAsync(DemoAccounts.SecurityAdmin.Email, TestData.DemoPassword),
            [Roles.AuditAdmin] = await factory.CreateClientAsAsync(DemoAccounts.AuditAdmin.Email, TestData.DemoPassword),
        };
        var document = JsonNode.Parse(await (await anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var roles = EndpointRoles();
        var ids = new IdFinder(callers);

        var operations = new List<(string Method, string Path, JsonNode Schema)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    operations.Add((method.ToUpperInvariant(), path, schema));
                }
            }
        }

        var failures = new ConcurrentBag<string>();
        var sent = 0;
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, ct) =>
        {
            var key = $"{operation.Method} {NormalisePath(operation.Path)}";
            var allowed = roles.TryGetValue(key, out var r) ? r : null;
            var client = allowed switch
            {
                null => anonymous,
                { Count: 0 } => callers[Roles.Patient],
                _ => callers[allowed.Contains(Roles.Patient) ? Roles.Patient : allowed.First()],
            };
            var url = await ids.ConcreteAsync(operation.Path, client);
            foreach (var (description, payload) in Payloads(operation.Schema, schemas))
            {
                Interlocked.Increment(ref sent);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url)
                {
                    Content = new StringContent(payload, Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(request, ct);
                if ((int)response.StatusCode >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync(ct);
                    failures.Add($"{operation.Method} {operation.Path} {description}: {(int)response.StatusCode} {Truncate(body, 300)}");
                }
            }
        });

        Assert.True(operations.Count > 20, $"Only {operations.Count} operations with a JSON body were found.");
        Assert.True(sent > operations.Count * 3);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>Every payload for one schema, with a short description of what it breaks.</summary>
    private static IEnumerable<(string Description, string Payload)> Payloads(JsonNode schema, JsonObject schemas)
    {
        yield return ("body {}", "{}");
        yield return ("body null", "null");
        yield return ("body []", "[]");
        yield return ("body \"x\"", "\"x\"");

        var resolved = Resolve(schema, schemas);
        var valid = Plausible(resolved, schemas, depth: 0);
        yield return ("plausible body", valid.ToJsonString());
        if (valid is not JsonObject)
        {
            yield break;
        }

        var allNull = new JsonObject();
        foreach (var (name, _) in Properties(resolved, schemas))
        {
            allNull[name] = null;
        }

        yield return ("every property null", allNull.ToJsonString());

        foreach (var (path, propertySchema) in Leaves(resolved, schemas, [], depth: 0))
        {
            var label = string.Join('.', path);
            foreach (var (what, value) in Mutations(propertySchema, schemas))
            {
                var body = valid.DeepClone();
                Set(body, path, value);
                yield return ($"{label} = {what}", body.ToJsonString());
            }
        }
    }

    /// <summary>The replacements tried for one property.</summary>
    private static IEnumerable<(string What, JsonNode? Value)> Mutations(JsonNode schema, JsonObject schemas)
    {
        var resolved = Resolve(schema, schemas);
        var type = TypeOf(resolved);
        yield return ("null", null);
        switch (type)
        {
            case "string":
                yield return ("oversized string", JsonValue.Create(new string('长', OversizedLength)));
                yield return ("object instead of string", new JsonObject { ["a"] = 1 });
                yield return ("number instead of string", JsonValue.Create(12345));
                yield return ("unknown text", JsonValue.Create("\u202e-not-a-valid-value-\u0000"));
                break;
            case "integer" or "number":
                yield return ("string instead of number", JsonValue.Create("not-a-number"));
                yield return ("huge number", JsonValue.Create(1e300));
                yield return ("negative number", JsonValue.Create(-2147483648L));
                break;
            case "boolean":
                yield return ("string instead of boolean", JsonValue.Create("yes"));
                break;
            case "array":
                var item = resolved["items"] is { } items ? Resolve(items, schemas) : new JsonObject();
                yield return ("[null]", new JsonArray((JsonNode?)null));
                yield return ("string instead of array", JsonValue.Create("x"));
                yield return ("[wrong type]", new JsonArray(TypeOf(item) == "string" ? new JsonObject { ["a"] = 1 } : JsonValue.Create("x")));
                if (TypeOf(item) == "string")
                {
                    yield return ("[oversized string]", new JsonArray(JsonValue.Create(new string('长', OversizedLength))));
                    yield return ("[\"\"]", new JsonArray(JsonValue.Create(string.Empty)));
                }

                yield return ("2,000 items", new JsonArray([.. Enumerable.Range(0, 2_000).Select(_ => Plausible(item, schemas, 3))]));
                break;
            case "object":
                yield return ("string instead of object", JsonValue.Create("x"));
                yield return ("[] instead of object", new JsonArray());
                yield return ("{}", new JsonObject());
                break;
        }
    }

    /// <summary>Every property to mutate, one level into nested objects and list items.</summary>
    private static IEnumerable<(List<object> Path, JsonNode Schema)> Leaves(JsonNode schema, JsonObject schemas, List<object> prefix, int depth)
    {
        foreach (var (name, property) in Properties(schema, schemas))
        {
            var path = new List<object>(prefix) { name };
            yield return (path, property);
            if (depth >= 1)
            {
                continue;
            }

            var resolved = Resolve(property, schemas);
            if (TypeOf(resolved) == "object")
            {
                foreach (var leaf in Leaves(resolved, schemas, path, depth + 1))
                {
                    yield return leaf;
                }
            }
            else if (TypeOf(resolved) == "array" && resolved["items"] is { } items && TypeOf(Resolve(items, schemas)) == "object")
            {
                foreach (var leaf in Leaves(Resolve(items, schemas), schemas, [.. path, 0], depth + 1))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static void Set(JsonNode body, List<object> path, JsonNode? value)
    {
        var node = body;
        for (var i = 0; i < path.Count - 1; i++)
        {
            node = path[i] is int index ? node[index]! : node[(string)path[i]]!;
        }

        if (path[^1] is int last)
        {
            node[last] = value;
        }
        else
        {
            node[(string)path[^1]] = value;
        }
    }

    /// <summary>A body that looks valid: the deeper payloads change one thing in it.</summary>
    private static JsonNode Plausible(JsonNode schema, JsonObject schemas, int depth)
    {
        var resolved = Resolve(schema, schemas);
        if (resolved["enum"] is JsonArray { Count: > 0 } values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        switch (TypeOf(resolved))
        {
            case "object":
                var result = new JsonObject();
                if (depth < 4)
                {
                    foreach (var (name, property) in Properties(resolved, schemas))
                    {
                        result[name] = Plausible(property, schemas, depth + 1);
                    }
                }

                return result;
            case "array":
                return depth < 4 && resolved["items"] is { } items ? new JsonArray(Plausible(items, schemas, depth + 1)) : new JsonArray();
            case "integer":
            case "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(true);
            default:
                return (string?)resolved["format"] switch
                {
                    "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                    "date" => JsonValue.Create(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    "date-time" => JsonValue.Create(DateTimeOffset.UtcNow.AddDays(3).ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
                    "time" => JsonValue.Create("09:00:00"),
                    "email" => JsonValue.Create("someone@example.test"),
                    _ => JsonValue.Create("plausible text"),
                };
        }
    }

    private static IEnumerable<(string Name, JsonNode Schema)> Properties(JsonNode schema, JsonObject schemas) =>
        Resolve(schema, schemas)["properties"] is JsonObject properties
            ? properties.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!))
            : [];

    /// <summary>Follows $ref and unwraps nullable wrappers (oneOf/anyOf with a null member).</summary>
    private static JsonNode Resolve(JsonNode schema, JsonObject schemas)
    {
        for (var i = 0; i < 10; i++)
        {
            if ((string?)schema["$ref"] is { } reference)
            {
                schema = schemas[reference.Split('/')[^1]] ?? new JsonObject();
                continue;
            }

            var members = (schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) as JsonArray;
            if (members?.FirstOrDefault(m => m is not null && TypeOf(m) != "null") is { } member)
            {
                schema = member;
                continue;
            }

            break;
        }

        return schema;
    }

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonValue value => (string?)value,
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => schema["properties"] is not null ? "object" : schema["$ref"] is not null ? "object" : null,
    };

    /// <summary>The roles each endpoint admits ("METHOD /path" with route constraints removed); empty = any signed-in caller; absent = anonymous.</summary>
    private Dictionary<string, HashSet<string>> EndpointRoles()
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText is not { } raw || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var allowed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                if (data.Policy is { } policy)
                {
                    allowed.UnionWith(policy == "Staff" ? Roles.Staff : policy == "HealthCodeScanners" ? Roles.HealthCodeScanners : Roles.All.Contains(policy) ? [policy] : []);
                }

                if (data.Roles is { } list)
                {
                    allowed.UnionWith(list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                }
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                result[$"{method} {NormalisePath(raw)}"] = allowed;
            }
        }

        return result;
    }

    private static string NormalisePath(string path) => "/" + Constraint().Replace(path.TrimStart('/').TrimEnd('/'), "}");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex Parameter();

    /// <summary>
    /// Path parameters: the caller's own patient id for {patientId}; for "…/things/{id}" the first id the caller sees in
    /// GET "…/things" (so handlers are reached with something that exists); a random GUID otherwise.
    /// </summary>
    private sealed class IdFinder(Dictionary<string, HttpClient> callers)
    {
        private readonly ConcurrentDictionary<string, Task<string?>> lists = new(StringComparer.Ordinal);

        public async Task<string> ConcreteAsync(string path, HttpClient client)
        {
            var result = new StringBuilder();
            var last = 0;
            foreach (Match match in Parameter().Matches(path))
            {
                result.Append(path, last, match.Index - last);
                var name = match.Groups[1].Value;
                var value = name == "patientId"
                    ? await FirstIdAsync("/api/me", client, "id", node => node?["patients"])
                    : await FirstIdAsync(result.ToString().TrimEnd('/'), client, "id");
                result.Append(value ?? Guid.NewGuid().ToString());
                last = match.Index + match.Length;
            }

            result.Append(path, last, path.Length - last);
            return result.ToString();
        }

        private Task<string?> FirstIdAsync(string listPath, HttpClient client, string property, Func<JsonNode?, JsonNode?>? select = null)
        {
            var role = callers.FirstOrDefault(c => c.Value == client).Key ?? "anonymous";
            return lists.GetOrAdd($"{role} {listPath} {property}", async _ =>
            {
                try
                {
                    using var response = await client.GetAsync(listPath);
                    if (!response.IsSuccessStatusCode)
                    {
                        return null;
                    }

                    var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                    return Find(select is null ? json : select(json), property, depth: 0);
                }
                catch (JsonException)
                {
                    return null;
                }
            });
        }

        private static string? Find(JsonNode? node, string property, int depth)
        {
            switch (node)
            {
                case JsonObject o when o[property] is JsonValue value && Guid.TryParse(value.ToString(), out _):
                    return value.ToString();
                case JsonObject o when depth < 3:
                    return o.Select(p => Find(p.Value, property, depth + 1)).FirstOrDefault(v => v is not null);
                case JsonArray a when depth < 3:
                    return a.Select(item => Find(item, property, depth + 1)).FirstOrDefault(v => v is not null);
                default:
                    return null;
            }
        }
    }
}
