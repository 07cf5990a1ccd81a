using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace InternetHospital.IntegrationTests.Notifications;

public abstract class NotificationTests(ApiFactory factory)
{
    [Fact]
    public async Task A_new_patient_gets_a_welcome_email_and_an_unread_notification()
    {
        var email = TestData.Email();
        var registered = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, fullName: "周小燕"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var mail = await Mailbox.WaitForAsync(email, "欢迎使用");
        Assert.Contains("周小燕", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/my-health", mail.TextBody, StringComparison.Ordinal);

        var patient = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        var page = await (await patient.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Equal(1, page.GetProperty("unreadCount").GetInt32());
        var notification = Assert.Single(page.GetProperty("notifications").GetProperty("items").EnumerateArray());
        Assert.Equal("account.registered", notification.GetProperty("kind").GetString());
        Assert.Equal("/my-health", notification.GetProperty("link").GetString());
    }

    [Fact]
    public async Task Marking_a_notification_read_clears_the_unread_count_but_someone_elses_is_404()
    {
        var email = await RegisterAsync();
        var patient = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        var page = await (await patient.GetAsync("/api/notifications?unreadOnly=true")).ReadJsonAsync();
        var id = page.GetProperty("notifications").GetProperty("items")[0].GetProperty("id").GetGuid();

        var stranger = await factory.CreateClientAsAsync(await RegisterAsync(), TestData.StrongPassword);
        await (await stranger.PostAsync($"/api/notifications/{id}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await patient.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        var after = await (await patient.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Equal(0, after.GetProperty("unreadCount").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("notifications").GetProperty("items")[0].GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task A_notification_reaches_an_open_browser_live_over_signalr()
    {
        var email = await RegisterAsync();
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, TestData.StrongPassword);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = HubConnection(tokens.AccessToken);
        connection.On<JsonElement>("notification", n => received.TrySetResult(n));
        await connection.StartAsync();

        var api = factory.CreateBrowserClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var setup = await (await api.GetAsync("/api/account/two-factor")).ReadJsonAsync();
        var code = Totp(setup.GetProperty("sharedKey").GetString()!);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/account/two-factor/enable", new { code })).StatusCode);

        var live = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("account.two_factor_enabled", live.GetProperty("kind").GetString());
        await Mailbox.WaitForAsync(email, "两步验证");
    }

    [Fact]
    public async Task The_notification_hub_refuses_anonymous_connections()
    {
        await using var connection = HubConnection(accessToken: null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notification_hub_refuses_pages_from_another_origin()
    {
        var client = factory.CreateBrowserClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/notifications/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private HubConnection HubConnection(string? accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/notifications"), options =>
        {
            options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult(accessToken);
        })
        .Build();

    private async Task<string> RegisterAsync()
    {
        var email = TestData.Email();
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).StatusCode);
        return email;
    }

    /// <summary>The current RFC 6238 code (30-second steps, 6 digits, HMAC-SHA1) for a base32 key, as an authenticator app shows it.</summary>
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in input.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationTestsOnSqlite(SqliteApiFactory factory) : NotificationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class NotificationTestsOnPostgres(PostgresApiFactory factory) : NotificationTests(factory);
