using System.Text.Json.Nodes;

namespace InternetHospital.HisSimulator;

/// <summary>An HL7 v2 message as it arrived: its control id (MSH-10), type (MSH-9) and text.</summary>
public sealed record ReceivedHl7(string ControlId, string MessageType, string Text, DateTimeOffset ReceivedAt, bool Duplicate, string Acknowledgement);

/// <summary>A FHIR write as it arrived.</summary>
public sealed record ReceivedFhirWrite(string ResourceType, string Id, string Identifier, string? RequestId, bool Created, string Json, DateTimeOffset ReceivedAt);

/// <summary>What the simulated HIS holds (FHIR resources as JSON) and everything it has received.</summary>
public sealed class SimulatorStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, Dictionary<string, JsonObject>> resources = new(StringComparer.Ordinal);
    private readonly List<ReceivedHl7> hl7 = [];
    private readonly Dictionary<string, ReceivedHl7> applied = new(StringComparer.Ordinal);
    private readonly List<ReceivedFhirWrite> fhirWrites = [];
    private int nextId = 1000;

    /// <summary>Every HL7 message received, duplicates and refused ones included.</summary>
    public IReadOnlyList<ReceivedHl7> Hl7Received
    {
        get
        {
            lock (gate)
            {
                return hl7.ToList();
            }
        }
    }

    /// <summary>HL7 messages processed (accepted once each: a redelivery with the same control id is not processed again).</summary>
    public IReadOnlyList<ReceivedHl7> Hl7Applied
    {
        get
        {
            lock (gate)
            {
                return applied.Values.ToList();
            }
        }
    }

    public IReadOnlyList<ReceivedFhirWrite> FhirWrites
    {
        get
        {
            lock (gate)
            {
                return fhirWrites.ToList();
            }
        }
    }

    /// <summary>Records an HL7 message; returns false when its control id was already processed (a duplicate).</summary>
    public bool RecordHl7(string controlId, string messageType, string text, bool accepted, string ack, DateTimeOffset now)
    {
        lock (gate)
        {
            var duplicate = applied.ContainsKey(controlId);
            var record = new ReceivedHl7(controlId, messageType, text, now, duplicate, ack);
            hl7.Add(record);
            if (!duplicate && accepted)
            {
                applied[controlId] = record;
            }

            return !duplicate;
        }
    }

    public bool AlreadyApplied(string controlId)
    {
        lock (gate)
        {
            return applied.ContainsKey(controlId);
        }
    }

    public string NewId()
    {
        lock (gate)
        {
            return "sim-" + nextId++;
        }
    }

    public void Put(JsonObject resource)
    {
        var type = resource["resourceType"]!.GetValue<string>();
        var id = resource["id"]!.GetValue<string>();
        lock (gate)
        {
            if (!resources.TryGetValue(type, out var byId))
            {
                resources[type] = byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            }

            byId[id] = resource;
        }
    }

    public IReadOnlyList<JsonObject> All(string type)
    {
        lock (gate)
        {
            return resources.TryGetValue(type, out var byId) ? byId.Values.Select(r => (JsonObject)r.DeepClone()).ToList() : [];
        }
    }

    public JsonObject? Get(string type, string id)
    {
        lock (gate)
        {
            return resources.TryGetValue(type, out var byId) && byId.TryGetValue(id, out var r) ? (JsonObject)r.DeepClone() : null;
        }
    }

    /// <summary>Conditional update on an identifier: creates, replaces the one match, or refuses several (412).</summary>
    public (int Status, JsonObject? Resource) ConditionalUpdate(string type, string system, string value, JsonObject resource, string? requestId, DateTimeOffset now)
    {
        lock (gate)
        {
            var matches = All(type).Where(r => HasIdentifier(r, system, value)).ToList();
            if (matches.Count > 1)
            {
                return (412, null);
            }

            var created = matches.Count == 0;
            resource["id"] = created ? NewId() : matches[0]["id"]!.GetValue<string>();
            var version = created ? 1 : int.Parse(matches[0]["meta"]?["versionId"]?.GetValue<string>() ?? "1", System.Globalization.CultureInfo.InvariantCulture) + 1;
            resource["meta"] = new JsonObject { ["versionId"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["lastUpdated"] = now.ToString("o") };
            Put(resource);
            fhirWrites.Add(new ReceivedFhirWrite(type, resource["id"]!.GetValue<string>(), $"{system}|{value}", requestId, created, resource.ToJsonString(), now));
            return (created ? 201 : 200, (JsonObject)resource.DeepClone());
        }
    }

    public static bool HasIdentifier(JsonObject resource, string? system, string value)
    {
        var identifiers = resource["identifier"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject single => [single],
            _ => [],
        };
        return identifiers.Any(i => i["value"]?.GetValue<string>() == value && (system is null || i["system"]?.GetValue<string>() == system));
    }
}
