using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InternetHospital.HisSimulator;

/// <summary>
/// A small, controllable HIS for development and tests: FHIR R4 over HTTP (search by patient, identifier and category,
/// with the includes the portal asks for: Condition:encounter, DiagnosticReport:result; conditional update) from seeded
/// data, and HL7 v2 over MLLP with ACKs. It records everything it receives, processes each message id once, and can
/// be told to be down, slow, refuse (AE/AR) or drop connections. Both listen on loopback only.
/// </summary>
public sealed class HisSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly MllpListener mllp;

    private HisSimulator(WebApplication app, MllpListener mllp, SimulatorControl control, SimulatorStore store)
    {
        this.app = app;
        this.mllp = mllp;
        Control = control;
        Store = store;
    }

    public SimulatorControl Control { get; }

    public SimulatorStore Store { get; }

    public Uri FhirBaseUrl { get; private set; } = null!;

    public int MllpPort => mllp.Port;

    /// <summary>Starts the simulator; port 0 picks a free one.</summary>
    public static async Task<HisSimulator> StartAsync(int fhirPort = 0, int mllpPort = 0, bool seed = true)
    {
        var control = new SimulatorControl();
        var store = new SimulatorStore();
        if (seed)
        {
            SimulatorSeed.Apply(store, TimeProvider.System.GetUtcNow());
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, fhirPort));
        builder.Services.AddSingleton(control);
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        FhirApi.Map(app, control, store);
        await app.StartAsync();

        var mllp = new MllpListener(control, store, TimeProvider.System);
        mllp.Start(mllpPort);
        var simulator = new HisSimulator(app, mllp, control, store)
        {
            FhirBaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/fhir/"),
        };
        return simulator;
    }

    public async ValueTask DisposeAsync()
    {
        Control.ReleaseReplies();
        await mllp.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>The FHIR endpoints and the control endpoints.</summary>
internal static class FhirApi
{
    private const string FhirJson = "application/fhir+json";

    public static void Map(WebApplication app, SimulatorControl control, SimulatorStore store)
    {
        app.MapGet("/_control", () => Results.Json(control.State));
        app.MapPost("/_control", (ControlState state) =>
        {
            control.Apply(state);
            return Results.Json(control.State);
        });
        app.MapPost("/_control/reset", () =>
        {
            control.Reset();
            return Results.NoContent();
        });
        app.MapGet("/_control/received", () => Results.Json(new { hl7 = store.Hl7Received, fhir = store.FhirWrites }));

        var fhir = app.MapGroup("/fhir");
        fhir.AddEndpointFilter(async (context, next) =>
        {
            if (control.Down)
            {
                return Outcome(HttpStatusCode.ServiceUnavailable, "transient", "The HIS is down (simulated).");
            }

            if (control.DropConnections)
            {
                context.HttpContext.Abort();
                return Results.Empty;
            }

            var result = await next(context);
            await control.BeforeReplyAsync(context.HttpContext.RequestAborted);
            return result;
        });

        fhir.MapGet("/metadata", () => Results.Text("""{"resourceType":"CapabilityStatement","status":"active","date":"2026-01-01","kind":"instance","fhirVersion":"4.0.1","format":["json"]}""", FhirJson));
        fhir.MapGet("/{type}", (string type, HttpRequest request) => Search(store, type, request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v ?? string.Empty))).ToList(), request));
        fhir.MapPost("/{type}/_search", async (string type, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var parameters = form.SelectMany(f => f.Value.Select(v => (f.Key, v ?? string.Empty)))
                .Concat(request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v ?? string.Empty))))
                .ToList();
            return Search(store, type, parameters, request);
        });
        fhir.MapGet("/{type}/{id}", (string type, string id) =>
            store.Get(type, id) is { } resource ? Results.Text(resource.ToJsonString(), FhirJson) : Outcome(HttpStatusCode.NotFound, "not-found", $"{type}/{id} does not exist."));
        fhir.MapPut("/{type}", async (string type, HttpRequest request) =>
        {
            var identifier = request.Query["identifier"].ToString();
            var bar = identifier.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                return Outcome(HttpStatusCode.BadRequest, "required", "Conditional update needs identifier=system|value.");
            }

            if (!control.Accepting)
            {
                return Outcome(control.AckCode == "AR" ? HttpStatusCode.BadRequest : HttpStatusCode.UnprocessableEntity, "business-rule", control.AckText);
            }

            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            if (body?["resourceType"]?.GetValue<string>() != type)
            {
                return Outcome(HttpStatusCode.BadRequest, "invalid", "The body is not a " + type + ".");
            }

            var (status, saved) = store.ConditionalUpdate(type, identifier[..bar], identifier[(bar + 1)..], body, request.Headers["X-Request-Id"].ToString(), TimeProvider.System.GetUtcNow());
            if (saved is null)
            {
                return Outcome(HttpStatusCode.PreconditionFailed, "multiple-matches", "More than one resource has this identifier.");
            }

            return Results.Text(saved.ToJsonString(), FhirJson, statusCode: status);
        });
    }

    private static IResult Search(SimulatorStore store, string type, List<(string Key, string Value)> parameters, HttpRequest request)
    {
        var matches = store.All(type).AsEnumerable();
        foreach (var (key, value) in parameters)
        {
            matches = key switch
            {
                "identifier" when value.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 =>
                    matches.Where(r => SimulatorStore.HasIdentifier(r, bar == 0 ? null : value[..bar], value[(bar + 1)..])),
                "identifier" => matches.Where(r => SimulatorStore.HasIdentifier(r, null, value)),
                "patient" or "subject" => matches.Where(r => ReferenceOf(r, "subject") == "Patient/" + value || ReferenceOf(r, "patient") == "Patient/" + value),
                "category" => matches.Where(r => (r["category"] as JsonArray)?.Any(c => (c?["coding"] as JsonArray)?.Any(x => x?["code"]?.GetValue<string>() == value) == true) == true),
                _ => matches,
            };
        }

        var list = matches.ToList();
        if (parameters.Any(p => p.Key == "_sort" && p.Value == "-date"))
        {
            // Note: an encounter's date is its period, a report's its effective time (or when it was issued).
            list = list.OrderByDescending(r => (r["period"]?["start"] ?? r["effectiveDateTime"] ?? r["issued"])?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal).ToList();
        }

        if (parameters.FirstOrDefault(p => p.Key == "_count").Value is { Length: > 0 } count && int.TryParse(count, out var limit))
        {
            list = list.Take(limit).ToList();
        }

        var entries = new JsonArray();
        foreach (var resource in list)
        {
            entries.Add(Entry(request, resource, "match"));
        }

        foreach (var (key, value) in parameters)
        {
            if (key == "_include" && value == "Condition:encounter")
            {
                foreach (var reference in list.Select(r => ReferenceOf(r, "encounter")).OfType<string>().Distinct())
                {
                    if (store.Get("Encounter", reference["Encounter/".Length..]) is { } encounter)
                    {
                        entries.Add(Entry(request, encounter, "include"));
                    }
                }
            }

            if (key == "_include" && value == "DiagnosticReport:result")
            {
                var results = list.SelectMany(r => (r["result"] as JsonArray ?? []).Select(x => x?["reference"]?.GetValue<string>()))
                    .OfType<string>().Where(x => x.StartsWith("Observation/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
                foreach (var reference in results)
                {
                    if (store.Get("Observation", reference["Observation/".Length..]) is { } observation)
                    {
                        entries.Add(Entry(request, observation, "include"));
                    }
                }
            }

            if (key == "_revinclude" && value == "MedicationDispense:prescription")
            {
                var ids = list.Select(r => "MedicationRequest/" + r["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                foreach (var dispense in store.All("MedicationDispense").Where(d => (d["authorizingPrescription"] as JsonArray)?.Any(p => ids.Contains(p?["reference"]?.GetValue<string>() ?? string.Empty)) == true))
                {
                    entries.Add(Entry(request, dispense, "include"));
                }
            }
        }

        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = list.Count,
            ["entry"] = entries,
        };
        return Results.Text(bundle.ToJsonString(), FhirJson);
    }

    private static JsonObject Entry(HttpRequest request, JsonObject resource, string mode) => new()
    {
        ["fullUrl"] = $"{request.Scheme}://{request.Host}/fhir/{resource["resourceType"]}/{resource["id"]}",
        ["resource"] = resource,
        ["search"] = new JsonObject { ["mode"] = mode },
    };

    private static string? ReferenceOf(JsonObject resource, string property) => resource[property]?["reference"]?.GetValue<string>();

    private static IResult Outcome(HttpStatusCode status, string code, string text)
    {
        var outcome = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = code, ["diagnostics"] = text }),
        };
        return Results.Text(outcome.ToJsonString(), FhirJson, statusCode: (int)status);
    }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
