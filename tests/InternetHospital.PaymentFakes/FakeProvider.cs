using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace InternetHospital.PaymentFakes;

/// <summary>What both fakes share: a loopback server, a record of requests, and the knobs tests turn.</summary>
public abstract class FakeProvider : IAsyncDisposable
{
    private WebApplication? app;
    private int failuresLeft;

    /// <summary>Every request received: path (with query), body, and whether its signature verified.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>How many copies of each callback to deliver when a payer pays or a refund completes (0: the callback is lost).</summary>
    public int CallbackCopies { get; set; } = 1;

    /// <summary>Waited before each callback is delivered.</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Waited before answering each API request (a slow provider).</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How callbacks reach the portal. By default a real HTTP post to the notify URL the order names; integration tests
    /// replace it with the in-memory test server's client.
    /// </summary>
    public Func<HttpRequestMessage, Task<HttpResponseMessage>> Deliver { get; set; }

    /// <summary>The portal's answers to callbacks, in order (status and body).</summary>
    public ConcurrentQueue<(int Status, string Body)> CallbackAnswers { get; } = new();

    protected FakeProvider()
    {
        var http = new HttpClient();
        Deliver = request => http.SendAsync(request);
    }

    /// <summary>The next <paramref name="count"/> API requests answer 500 (the provider is down).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay);
            }

            if (!context.Request.Path.StartsWithSegments("/fake") && Interlocked.Decrement(ref failuresLeft) >= 0)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("{\"code\":\"SYSTEM_ERROR\",\"message\":\"fake outage\"}");
                return;
            }

            await next(context);
        });
        Map(app);
        await app.StartAsync();
        BaseUrl = app.Urls.First();
    }

    protected abstract void Map(WebApplication app);

    /// <summary>Sends <paramref name="build"/>'s callback <see cref="CallbackCopies"/> times, after <see cref="CallbackDelay"/>.</summary>
    protected async Task DeliverCopiesAsync(Func<HttpRequestMessage> build)
    {
        for (var i = 0; i < CallbackCopies; i++)
        {
            if (CallbackDelay > TimeSpan.Zero)
            {
                await Task.Delay(CallbackDelay);
            }

            using var response = await Deliver(build());
            CallbackAnswers.Enqueue(((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
    }

    protected static string NewId(string prefix) => prefix + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + RandomNumberGenerator.GetHexString(10, lowercase: true);

    protected static async Task<string> BodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        request.Body.Position = 0;
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed record FakeRequest(string Method, string Path, string Body, bool SignatureValid);

/// <summary>The pay page's button: what the fake's hosted cashier shows (both fakes), so an E2E test can pay.</summary>
internal static class FakeCashier
{
    public static IResult Page(string title, string amount, string action) => Results.Content(
        $"""
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title></head>
        <body><h1>{title}</h1><p>¥{amount}</p><form method="post" action="{action}"><button type="submit">确认支付</button></form></body></html>
        """,
        "text/html; charset=utf-8");
}
