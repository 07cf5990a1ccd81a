using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InternetHospital.IntegrationTests.Appointments;

/// <summary>
/// The Stripe adapter against a small local fake of the two Stripe endpoints it calls (PaymentIntents, Refunds), and
/// the webhook with real signatures made with a test secret: replays change nothing, forged or stale ones get 400.
/// </summary>
public abstract class StripePaymentTests(ApiFactory factory) : IAsyncLifetime
{
    private const string WebhookSecret = "whsec_test_internethospital_0123456789";
    private readonly BookingKit kit = new(factory);
    private readonly FakeStripe stripe = new();
    private WebApplicationFactory<Program> stripeHost = null!;

    public async Task InitializeAsync()
    {
        await stripe.StartAsync();
        stripeHost = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Payments:Gateway", "Stripe");
            builder.UseSetting("Payments:Stripe:SecretKey", "sk_test_fake_key");
            builder.UseSetting("Payments:Stripe:WebhookSecret", WebhookSecret);
            builder.UseSetting("Payments:Stripe:ApiBase", stripe.BaseUrl);
        });
    }

    public async Task DisposeAsync()
    {
        await stripeHost.DisposeAsync();
        await stripe.DisposeAsync();
    }

    [Fact]
    public async Task A_paid_booking_is_confirmed_by_the_webhook_once_and_refunded_through_stripe()
    {
        var doctor = await kit.DoctorAsync();
        var patient = Through(await kit.PatientAsync());
        var slotId = (await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id))[0];
        var appointmentId = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var payment = await (await patient.Client.PostAsync($"/api/appointments/{appointmentId}/payment", null)).ReadJsonAsync();
        Assert.False(payment.GetProperty("simulated").GetBoolean());
        var paymentId = payment.GetProperty("paymentId").GetGuid();
        var created = Assert.Single(stripe.Requests, r => r.Path == "/v1/payment_intents");
        Assert.Equal($"payment-{paymentId:N}", created.IdempotencyKey);
        Assert.Equal("5000", created.Form["amount"]);
        Assert.Equal("cny", created.Form["currency"]);
        var intentId = stripe.IntentIds.Single();

        // The simulated pay step does not exist for Stripe payments.
        await (await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var succeeded = EventJson("evt_" + Guid.NewGuid().ToString("N"), "payment_intent.succeeded", new { id = intentId, @object = "payment_intent", amount = 5000, currency = "cny", status = "succeeded" });
        Assert.Equal("applied", await DeliverAsync(succeeded));
        Assert.Equal("duplicate", await DeliverAsync(succeeded));
        var booked = await (await patient.Client.GetAsync($"/api/appointments/{appointmentId}")).ReadJsonAsync();
        Assert.Equal("Booked", booked.GetProperty("status").GetString());
        var history = await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Single(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "succeeded");

        // Cancelling asks Stripe for the refund; charge.refunded confirms it.
        await (await patient.Client.PostAsync($"/api/appointments/{appointmentId}/cancel", null)).ReadJsonAsync();
        var refund = Assert.Single(stripe.Requests, r => r.Path == "/v1/refunds");
        Assert.Equal($"refund-{paymentId:N}", refund.IdempotencyKey);
        Assert.Equal(intentId, refund.Form["payment_intent"]);
        var refunded = EventJson("evt_" + Guid.NewGuid().ToString("N"), "charge.refunded", new { id = "ch_" + Guid.NewGuid().ToString("N"), @object = "charge", payment_intent = intentId, amount = 5000, amount_refunded = 5000, currency = "cny", refunded = true });
        Assert.Equal("applied", await DeliverAsync(refunded));
        Assert.Equal("duplicate", await DeliverAsync(refunded));
        var after = await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Equal("Refunded", after.GetProperty("status").GetString());
        Assert.Equal(50m, after.GetProperty("refundedAmount").GetDecimal());
    }

    [Fact]
    public async Task Forged_stale_or_unsigned_webhooks_get_400_and_change_nothing()
    {
        var doctor = await kit.DoctorAsync();
        var patient = Through(await kit.PatientAsync());
        var slotId = (await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id))[0];
        var appointmentId = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await patient.Client.PostAsync($"/api/appointments/{appointmentId}/payment", null)).ReadJsonAsync();
        var intentId = stripe.IntentIds.Single();
        var body = EventJson("evt_" + Guid.NewGuid().ToString("N"), "payment_intent.succeeded", new { id = intentId, @object = "payment_intent", amount = 5000, currency = "cny", status = "succeeded" });
        var anonymous = stripeHost.CreateClient();

        var forged = await PostWebhookAsync(anonymous, body, Signature(body, DateTimeOffset.UtcNow, "whsec_not_the_secret"));
        Assert.Equal("invalid_signature", (await forged.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        var stale = await PostWebhookAsync(anonymous, body, Signature(body, DateTimeOffset.UtcNow.AddMinutes(-10), WebhookSecret));
        await stale.AssertProblemAsync(HttpStatusCode.BadRequest);
        var tampered = await PostWebhookAsync(anonymous, body.Replace("5000", "1", StringComparison.Ordinal), Signature(body, DateTimeOffset.UtcNow, WebhookSecret));
        await tampered.AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await PostWebhookAsync(anonymous, body, null)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("PendingPayment", (await (await patient.Client.GetAsync($"/api/appointments/{appointmentId}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"id\":5,\"type\":{},\"data\":\"x\"}")]
    [InlineData("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"object\":\"payment_intent\",\"amount\":\"lots\"}}}")]
    public async Task A_validly_signed_malformed_webhook_body_gets_400(string body)
    {
        var response = await PostWebhookAsync(stripeHost.CreateClient(), body, Signature(body, DateTimeOffset.UtcNow, WebhookSecret));

        Assert.Equal("invalid_webhook_body", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
    }

    private TestPatient Through(TestPatient patient)
    {
        var client = stripeHost.CreateClient();
        client.DefaultRequestHeaders.Authorization = patient.Client.DefaultRequestHeaders.Authorization;
        return patient with { Client = client };
    }

    private async Task<string> DeliverAsync(string body)
    {
        var response = await PostWebhookAsync(stripeHost.CreateClient(), body, Signature(body, DateTimeOffset.UtcNow, WebhookSecret));
        return (await response.ReadJsonAsync()).GetProperty("outcome").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    private static string EventJson(string id, string type, object dataObject) => JsonSerializer.Serialize(new
    {
        id,
        @object = "event",
        api_version = Stripe.StripeConfiguration.ApiVersion,
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        livemode = false,
        pending_webhooks = 1,
        type,
        data = new { @object = dataObject },
    });

    /// <summary>Stripe's scheme: HMAC-SHA256 of "{timestamp}.{body}" with the endpoint secret, sent as t=...,v1=...</summary>
    private static string Signature(string body, DateTimeOffset at, string secret)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hash)}";
    }

    /// <summary>The two Stripe endpoints the adapter calls, on a free loopback port, recording what it was sent.</summary>
    private sealed class FakeStripe : IAsyncDisposable
    {
        private WebApplication? app;

        public ConcurrentQueue<RecordedStripeRequest> Requests { get; } = new();

        public ConcurrentQueue<string> IntentIds { get; } = new();

        public string BaseUrl { get; private set; } = string.Empty;

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            app = builder.Build();
            app.MapPost("/v1/payment_intents", async (HttpRequest request) =>
            {
                var form = await Record(request);
                var id = "pi_" + Guid.NewGuid().ToString("N");
                IntentIds.Enqueue(id);
                return Results.Json(new { id, @object = "payment_intent", amount = long.Parse(form["amount"]!), currency = form["currency"], client_secret = id + "_secret_test", status = "requires_payment_method" });
            });
            app.MapPost("/v1/refunds", async (HttpRequest request) =>
            {
                var form = await Record(request);
                return Results.Json(new { id = "re_" + Guid.NewGuid().ToString("N"), @object = "refund", amount = long.Parse(form["amount"]!), payment_intent = form["payment_intent"], status = "pending", currency = "cny" });
            });
            await app.StartAsync();
            BaseUrl = app.Urls.First();
        }

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        private async Task<Dictionary<string, string?>> Record(HttpRequest request)
        {
            var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
            Requests.Enqueue(new RecordedStripeRequest(request.Path, request.Headers["Idempotency-Key"].ToString(), form, request.Headers.Authorization.ToString()));
            return form;
        }
    }

    private sealed record RecordedStripeRequest(string Path, string IdempotencyKey, Dictionary<string, string?> Form, string Authorization);
}

[Collection(SqliteCollection.Name)]
public sealed class StripePaymentTestsOnSqlite(SqliteApiFactory factory) : StripePaymentTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class StripePaymentTestsOnPostgres(PostgresApiFactory factory) : StripePaymentTests(factory);
