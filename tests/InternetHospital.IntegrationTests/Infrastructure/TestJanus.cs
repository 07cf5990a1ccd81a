using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// The real Janus of the test run (VideoRoom plugin, stored-token authentication) that ./test.sh starts with
/// scripts/lib.sh's janus_start, named by IH_TEST_JANUS_API / _ADMIN / _ADMIN_SECRET / _WS / _REC_DIR. Hosts run in
/// Janus mode only when a test asks (<see cref="Configure"/>): the shared hosts keep the mesh. The raw client here is
/// what a browser does over HTTP instead of WebSocket (same Janus API): a session with a token, the VideoRoom handle, a
/// join, and the events that answer it.
/// </summary>
public static class TestJanus
{
    public static string Api => Required("IH_TEST_JANUS_API");

    public static string Admin => Required("IH_TEST_JANUS_ADMIN");

    public static string AdminSecret => Required("IH_TEST_JANUS_ADMIN_SECRET");

    public static string WebSocket => Required("IH_TEST_JANUS_WS");

    /// <summary>Settings of a host whose calls go through the test Janus.</summary>
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Video:Media", "Janus");
        builder.UseSetting("Video:Janus:ApiUrl", Api);
        builder.UseSetting("Video:Janus:AdminUrl", Admin);
        builder.UseSetting("Video:Janus:AdminSecret", AdminSecret);
        builder.UseSetting("Video:Janus:BrowserUrl", WebSocket);
        builder.UseSetting("Video:Janus:RecordingDirectory", Environment.GetEnvironmentVariable("IH_TEST_JANUS_REC_DIR"));
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The Janus tests need a Janus server: run ./test.sh (it starts one), or start one with scripts/lib.sh's janus_start and set {variable} (and the other IH_TEST_JANUS_* variables).");

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A VideoRoom request through the admin API (as an operator would ask Janus): the plugin's response.</summary>
    public static async Task<JsonNode> RoomAsync(JsonObject request)
    {
        var answer = await PostAsync(Admin, new JsonObject
        {
            ["janus"] = "message_plugin",
            ["plugin"] = "janus.plugin.videoroom",
            ["admin_secret"] = AdminSecret,
            ["request"] = request,
        });
        return answer["response"] ?? throw new InvalidOperationException($"Janus answered without a response: {answer.ToJsonString()}");
    }

    public static async Task<bool> RoomExistsAsync(long room) =>
        (await RoomAsync(new JsonObject { ["request"] = "exists", ["room"] = room }))["exists"]!.GetValue<bool>();

    /// <summary>The publisher ids in a room right now.</summary>
    public static async Task<IReadOnlyList<long>> PublishersAsync(long room)
    {
        var response = await RoomAsync(new JsonObject { ["request"] = "listparticipants", ["room"] = room });
        return response["participants"]?.AsArray().Select(p => p!["id"]!.GetValue<long>()).ToList() ?? [];
    }

    public static async Task<JsonNode> PostAsync(string url, JsonObject body)
    {
        body["transaction"] = Guid.NewGuid().ToString("N");
        using var response = await Http.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>
    /// Creates a Janus session with <paramref name="token"/>: the session, or the Janus error code when it is refused
    /// (403 for a token Janus does not hold).
    /// </summary>
    public static async Task<(JanusSession? Session, int Error)> SessionAsync(string token)
    {
        var answer = await PostAsync(Api, new JsonObject { ["janus"] = "create", ["token"] = token });
        if (answer["janus"]!.GetValue<string>() == "error")
        {
            return (null, answer["error"]!["code"]!.GetValue<int>());
        }

        var session = new JanusSession($"{Api}/{answer["data"]!["id"]!.GetValue<long>()}", token);
        var handle = await PostAsync(session.Url, new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.videoroom", ["token"] = token });
        session.Handle = $"{session.Url}/{handle["data"]!["id"]!.GetValue<long>()}";
        return (session, 0);
    }
}

public sealed class JanusSession(string url, string token)
{
    private static readonly HttpClient Poll = new() { Timeout = TimeSpan.FromSeconds(40) };

    public string Url { get; } = url;

    public string Handle { get; set; } = string.Empty;

    /// <summary>
    /// Joins a room as publisher (as the browser does, with the room's token) and returns the VideoRoom event that answers
    /// it: <c>joined</c>, or an event with an <c>error_code</c> (433: not in the room's allowed list).
    /// </summary>
    public async Task<JsonNode> JoinAsPublisherAsync(long room, long feedId, string display, string roomToken)
    {
        var ack = await TestJanus.PostAsync(Handle, new JsonObject
        {
            ["janus"] = "message",
            ["token"] = token,
            ["body"] = new JsonObject { ["request"] = "join", ["ptype"] = "publisher", ["room"] = room, ["id"] = feedId, ["display"] = display, ["token"] = roomToken },
        });
        var transaction = ack["transaction"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            // Note: Janus's HTTP long poll answers the events waiting now (an array with maxev), or a keepalive after 30 s.
            var got = await Poll.GetFromJsonAsync<JsonNode>($"{Url}?token={Uri.EscapeDataString(token)}&maxev=10");
            foreach (var item in got is JsonArray array ? array.ToList() : [got])
            {
                if (item?["transaction"]?.GetValue<string>() == transaction && item["plugindata"]?["data"] is { } data)
                {
                    return data;
                }
            }
        }

        throw new TimeoutException("Janus did not answer the join.");
    }
}
