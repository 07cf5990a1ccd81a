using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Media;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Media;

/// <summary>
/// The API's one way to Janus: its admin API over HTTP (<c>Video:Janus:AdminUrl</c>), every request carrying the admin
/// secret, plugin requests as synchronous <c>message_plugin</c>s, so no Janus session is kept alive. It also derives what
/// the API never stores (secrets, PINs, tokens and 53-bit ids) from the admin secret, so every instance derives the same.
/// Used by the call rooms (<see cref="JanusMediaServer"/>) and the teaching broadcasts (<see cref="JanusBroadcastServer"/>).
/// </summary>
internal sealed class JanusAdminClient(HttpClient http, IOptions<VideoOptions> options)
{
    // Janus core: removing a token that is not there.
    public const int TokenNotFound = 490;

    public JanusOptions Settings => options.Value.Janus;

    /// <summary>
    /// A plugin request answered synchronously; the plugin's <c>response</c>, or null when the plugin answered one of the
    /// <paramref name="done"/> error codes (those that mean "already so").
    /// </summary>
    public async Task<JsonNode?> PluginAsync(string plugin, JsonObject request, int[] done, CancellationToken cancellationToken)
    {
        var answer = await AdminAsync(new JsonObject { ["janus"] = "message_plugin", ["plugin"] = plugin, ["request"] = request }, [], cancellationToken);
        var response = answer?["response"];
        if (response?["error_code"] is { } code)
        {
            var number = code.GetValue<int>();
            if (done.Contains(number))
            {
                return null;
            }

            throw new MediaServerUnavailableException(string.Create(
                CultureInfo.InvariantCulture,
                $"Janus {plugin} refused '{request["request"]}': {number} {response["error"]?.GetValue<string>()}"));
        }

        return response;
    }

    /// <summary>One admin API request (with the admin secret); Janus's answer, or null when it was one of the <paramref name="done"/> errors.</summary>
    public async Task<JsonNode?> AdminAsync(JsonObject body, int[] done, CancellationToken cancellationToken)
    {
        body["transaction"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        body["admin_secret"] = Settings.AdminSecret;
        JsonNode? answer;
        try
        {
            using var response = await http.PostAsJsonAsync(Settings.AdminUrl, body, cancellationToken);
            response.EnsureSuccessStatusCode();
            answer = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MediaServerUnavailableException("Janus's admin API cannot be reached.", exception);
        }

        if (answer?["janus"]?.GetValue<string>() == "error")
        {
            var code = answer["error"]?["code"]?.GetValue<int>() ?? 0;
            if (done.Contains(code))
            {
                return null;
            }

            throw new MediaServerUnavailableException(string.Create(
                CultureInfo.InvariantCulture,
                $"Janus refused '{body["janus"]}': {code} {answer["error"]?["reason"]?.GetValue<string>()}"));
        }

        return answer;
    }

    /// <summary>Lets a token create sessions and attach the given plugins only.</summary>
    public Task AddTokenAsync(string token, string plugin, CancellationToken cancellationToken) =>
        AdminAsync(new JsonObject { ["janus"] = "add_token", ["token"] = token, ["plugins"] = new JsonArray(plugin) }, [], cancellationToken);

    /// <summary>Takes a token back (one that is gone already is fine).</summary>
    public Task RemoveTokenAsync(string token, CancellationToken cancellationToken) =>
        AdminAsync(new JsonObject { ["janus"] = "remove_token", ["token"] = token }, [TokenNotFound], cancellationToken);

    /// <summary>The secret of a visit's VideoRoom (the rooms and the broadcasts' forwarders both need it).</summary>
    public string RoomSecret(Guid visitId) => Derive($"room-secret:{visitId:N}");

    /// <summary>A secret for <paramref name="purpose"/>: HMAC-SHA256 with the admin secret, base64url.</summary>
    public string Derive(string purpose) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Settings.AdminSecret!), Encoding.UTF8.GetBytes(purpose)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A positive id that a JavaScript number holds exactly (53 bits) from the SHA-256 of <paramref name="text"/>.</summary>
    public static long SafeId(string text) => SafeId(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static long SafeId(ReadOnlySpan<byte> hash)
    {
        var value = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & ((1UL << 53) - 1));
        return value == 0 ? 1 : value;
    }
}
