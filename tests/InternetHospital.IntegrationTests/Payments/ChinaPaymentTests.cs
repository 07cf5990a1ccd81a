using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Infrastructure.Payments;
using InternetHospital.IntegrationTests.Appointments;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.PaymentFakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Payments;

/// <summary>
/// WeChat Pay and Alipay against their local fakes (which check our signatures and sign their own answers and
/// callbacks with keys made per test): paying, a callback delivered twice, refunds, forged/stale/tampered callbacks,
/// an amount that differs from the order, a provider that is down, and a lost callback found by reconciliation.
/// </summary>
public abstract class ChinaPaymentTests(ApiFactory factory) : IAsyncLifetime
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly BookingKit kit = new(factory);
    private readonly FakeWeChatPay wechat = new();
    private readonly FakeAlipay alipay = new();
    private WebApplicationFactory<Program> host = null!;

    public async Task InitializeAsync()
    {
        await wechat.StartAsync();
        await alipay.StartAsync();
        host = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Payments:Providers:0", "WeChatPay");
            builder.UseSetting("Payments:Providers:1", "Alipay");
            builder.UseSetting("Payments:Reconciliation:Enabled", "false");
            builder.UseSetting("Payments:Reconciliation:RunAfter", "00:00");
            foreach (var (key, value) in wechat.Settings.Concat(alipay.Settings))
            {
                builder.UseSetting(key, value);
            }
        });
        wechat.Deliver = alipay.Deliver = request =>
        {
            var client = host.CreateClient();
            request.RequestUri = new Uri(client.BaseAddress!, request.RequestUri!.PathAndQuery);
            return client.SendAsync(request);
        };
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await wechat.DisposeAsync();
        await alipay.DisposeAsync();
    }

    [Fact]
    public async Task WeChat_Pay_native_books_once_for_a_callback_sent_twice_and_refunds_through_WeChat_Pay()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();
        var methods = await (await patient.Client.GetAsync("/api/payments/methods")).ReadJsonAsync();
        Assert.Equal(["WeChatPay", "Alipay"], methods.EnumerateArray().Select(m => m.GetProperty("provider").GetString()));
        Assert.Equal(["native", "h5", "jsapi"], methods[0].GetProperty("channels").EnumerateArray().Select(c => c.GetString()));

        var checkout = await CheckoutAsync(patient, paymentId, "WeChatPay", "native");
        Assert.Equal("qr", checkout.GetProperty("kind").GetString());
        Assert.StartsWith("weixin://wxpay/bizpayurl", checkout.GetProperty("url").GetString(), StringComparison.Ordinal);
        var order = Assert.Single(wechat.Requests, r => r.Path == "/v3/pay/transactions/native");
        Assert.True(order.SignatureValid);
        var placed = JsonNode.Parse(order.Body)!;
        Assert.Equal(paymentId.ToString("N"), placed["out_trade_no"]!.GetValue<string>());
        Assert.Equal(5000, placed["amount"]!["total"]!.GetValue<long>());
        Assert.EndsWith("/api/payments/wechatpay/notify", placed["notify_url"]!.GetValue<string>(), StringComparison.Ordinal);

        wechat.CallbackCopies = 2;
        await wechat.PayAsync(paymentId.ToString("N"));
        Assert.Equal([204, 204], wechat.CallbackAnswers.Select(a => a.Status));
        Assert.Equal("Booked", await StatusAsync(patient, appointmentId));
        var paid = await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Equal("WeChatPay", paid.GetProperty("provider").GetString());
        Assert.Single(paid.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "succeeded");

        // Cancelling asks WeChat Pay for the refund (PROCESSING); REFUND.SUCCESS, also sent twice, completes it once.
        await (await patient.Client.PostAsync($"/api/appointments/{appointmentId}/cancel", null)).ReadJsonAsync();
        var refund = Assert.Single(wechat.Requests, r => r.Path == "/v3/refund/domestic/refunds");
        Assert.True(refund.SignatureValid);
        Assert.Equal("R" + paymentId.ToString("N"), JsonNode.Parse(refund.Body)!["out_refund_no"]!.GetValue<string>());
        Assert.Equal("Succeeded", (await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync()).GetProperty("status").GetString());
        await wechat.CompleteRefundAsync(paymentId.ToString("N"));
        var refunded = await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Equal("Refunded", refunded.GetProperty("status").GetString());
        Assert.Equal(50m, refunded.GetProperty("refundedAmount").GetDecimal());
        Assert.Single(refunded.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "refunded");
    }

    [Fact]
    public async Task Forged_stale_or_tampered_WeChat_Pay_callbacks_get_400_and_change_nothing()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();
        await CheckoutAsync(patient, paymentId, "WeChatPay", "h5");
        var outTradeNo = paymentId.ToString("N");
        var resource = new JsonObject
        {
            ["mchid"] = FakeWeChatPay.MchId,
            ["out_trade_no"] = outTradeNo,
            ["transaction_id"] = "4200000000000000000000000001",
            ["trade_state"] = "SUCCESS",
            ["amount"] = new JsonObject { ["total"] = 5000, ["currency"] = "CNY" },
        };
        using var otherKey = RSA.Create(2048);
        var genuine = wechat.Callback("TRANSACTION.SUCCESS", "transaction", resource);
        var body = JsonNode.Parse(genuine.Body)!;
        var ciphertext = Convert.FromBase64String(body["resource"]!["ciphertext"]!.GetValue<string>());
        ciphertext[3] ^= 0x01;
        body["resource"]!["ciphertext"] = Convert.ToBase64String(ciphertext);

        var refused = new[]
        {
            wechat.Callback("TRANSACTION.SUCCESS", "transaction", resource, signWith: otherKey),
            wechat.Callback("TRANSACTION.SUCCESS", "transaction", resource, serial: "PUB_KEY_ID_0000000000000000000000000000"),
            wechat.Callback("TRANSACTION.SUCCESS", "transaction", resource, at: DateTimeOffset.UtcNow.AddMinutes(-10)),
            wechat.Callback("TRANSACTION.SUCCESS", "transaction", resource, apiV3Key: new string('k', 32)),
            wechat.SignedCallback(body.ToJsonString()),
            genuine with { Body = genuine.Body.Replace("TRANSACTION.SUCCESS", "REFUND.SUCCESS", StringComparison.Ordinal) },
            genuine with { Headers = genuine.Headers.Where(h => h.Key != "Wechatpay-Signature").ToDictionary() },
        };
        foreach (var callback in refused)
        {
            var answer = await host.CreateClient().SendAsync(callback.ToRequest("/api/payments/wechatpay/notify"));
            Assert.Equal("invalid_signature", (await answer.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        }

        Assert.Equal("PendingPayment", await StatusAsync(patient, appointmentId));
        var history = await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.DoesNotContain(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "succeeded");

        // The genuine one still works afterwards.
        Assert.Equal(HttpStatusCode.NoContent, (await host.CreateClient().SendAsync(genuine.ToRequest("/api/payments/wechatpay/notify"))).StatusCode);
        Assert.Equal("Booked", await StatusAsync(patient, appointmentId));
    }

    [Fact]
    public async Task A_callback_for_another_amount_is_refused_and_listed_for_staff()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();
        await CheckoutAsync(patient, paymentId, "WeChatPay", "native");

        wechat.CallbackCopies = 2;
        await wechat.PayAsync(paymentId.ToString("N"), reportedTotal: 1);

        Assert.All(wechat.CallbackAnswers, a => Assert.Equal(400, a.Status));
        Assert.Contains("payment_amount_mismatch", wechat.CallbackAnswers.First().Body, StringComparison.Ordinal);
        Assert.Equal("PendingPayment", await StatusAsync(patient, appointmentId));
        var admin = await AdminAsync();
        var overview = await (await admin.GetAsync("/api/admin/payments/reconciliation")).ReadJsonAsync();
        var flagged = Assert.Single(overview.GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("paymentId").GetString() == paymentId.ToString());
        Assert.Equal("AmountMismatch", flagged.GetProperty("kind").GetString());
        Assert.Equal(50m, flagged.GetProperty("portalAmount").GetDecimal());
        Assert.Equal(0.01m, flagged.GetProperty("providerAmount").GetDecimal());
    }

    [Fact]
    public async Task A_lost_WeChat_Pay_callback_is_found_by_reconciliation_and_books_the_visit_once()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();
        await CheckoutAsync(patient, paymentId, "WeChatPay", "native");
        var yesterday = Yesterday();

        wechat.CallbackCopies = 0;
        await wechat.PayAsync(paymentId.ToString("N"), paidAt: ChinaNoon(yesterday));
        Assert.Equal("PendingPayment", await StatusAsync(patient, appointmentId));

        var admin = await AdminAsync();
        var run = await (await admin.PostAsJsonAsync("/api/admin/payments/reconciliation", new { provider = "WeChatPay", date = yesterday })).ReadJsonAsync();
        Assert.Null(run.GetProperty("error").GetString());
        Assert.True(run.GetProperty("billLines").GetInt32() >= 1);
        Assert.Contains(wechat.Requests, r => r.Path.StartsWith("/v3/billdownload/file", StringComparison.Ordinal) && r.SignatureValid);
        Assert.Contains(wechat.Requests, r => r.Path.StartsWith($"/v3/pay/transactions/out-trade-no/{paymentId:N}", StringComparison.Ordinal));
        Assert.Equal("Booked", await StatusAsync(patient, appointmentId));

        // Run again: nothing new, still paid once.
        await (await admin.PostAsJsonAsync("/api/admin/payments/reconciliation", new { provider = "WeChatPay", date = yesterday })).ReadJsonAsync();
        var overview = await (await admin.GetAsync("/api/admin/payments/reconciliation")).ReadJsonAsync();
        var found = Assert.Single(overview.GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("paymentId").GetString() == paymentId.ToString());
        Assert.Equal("LostCallback", found.GetProperty("kind").GetString());
        var history = await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Single(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "succeeded");
    }

    [Fact]
    public async Task Alipay_wap_pays_through_the_cashier_applies_a_notification_once_refuses_forged_ones_and_refunds_at_once()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();
        var checkout = await CheckoutAsync(patient, paymentId, "Alipay", "wap");
        Assert.Equal("redirect", checkout.GetProperty("kind").GetString());
        using (var browser = new HttpClient())
        {
            // The signed redirect opens Alipay's cashier (the fake checks the RSA2 signature of the query).
            var cashier = await browser.GetAsync(new Uri(checkout.GetProperty("url").GetString()!));
            Assert.Equal(HttpStatusCode.OK, cashier.StatusCode);
        }

        var opened = Assert.Single(alipay.Requests, r => r.Path == "alipay.trade.wap.pay");
        Assert.True(opened.SignatureValid);
        Assert.Equal("50.00", JsonNode.Parse(opened.Body)!["total_amount"]!.GetValue<string>());

        using var otherKey = RSA.Create(2048);
        var order = alipay.Orders[paymentId.ToString("N")] with { TradeNo = "2026000000000000000000000001" };
        var forged = alipay.Notification(order, new Dictionary<string, string> { ["trade_status"] = "TRADE_SUCCESS", ["total_amount"] = "50.00" }, otherKey);
        var answer = await host.CreateClient().SendAsync(FakeAlipay.ToRequest("/api/payments/alipay/notify", forged));
        Assert.Equal("invalid_signature", (await answer.AssertProblemAsync(HttpStatusCode.BadRequest)).Code());
        var tampered = alipay.Notification(order, new Dictionary<string, string> { ["trade_status"] = "TRADE_SUCCESS", ["total_amount"] = "50.00" });
        tampered["total_amount"] = "0.01";
        await (await host.CreateClient().SendAsync(FakeAlipay.ToRequest("/api/payments/alipay/notify", tampered))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("PendingPayment", await StatusAsync(patient, appointmentId));

        alipay.CallbackCopies = 2;
        await alipay.PayAsync(paymentId.ToString("N"));
        Assert.Equal(["success", "success"], alipay.CallbackAnswers.Select(a => a.Body));
        Assert.Equal("Booked", await StatusAsync(patient, appointmentId));

        await (await patient.Client.PostAsync($"/api/appointments/{appointmentId}/cancel", null)).ReadJsonAsync();
        var refund = Assert.Single(alipay.Requests, r => r.Path == "alipay.trade.refund");
        Assert.True(refund.SignatureValid);
        var refunded = await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Equal("Refunded", refunded.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_lost_Alipay_notification_is_found_in_the_bill()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();
        var checkout = await CheckoutAsync(patient, paymentId, "Alipay", "page");
        using (var browser = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(checkout.GetProperty("url").GetString()!))).StatusCode);
        }

        alipay.CallbackCopies = 0;
        await alipay.PayAsync(paymentId.ToString("N"), paidAt: ChinaNoon(Yesterday()));
        Assert.Equal("PendingPayment", await StatusAsync(patient, appointmentId));

        var run = await (await (await AdminAsync()).PostAsJsonAsync("/api/admin/payments/reconciliation", new { provider = "Alipay", date = Yesterday() })).ReadJsonAsync();
        Assert.Null(run.GetProperty("error").GetString());
        Assert.Contains(alipay.Requests, r => r.Path == "alipay.data.dataservice.bill.downloadurl.query" && r.SignatureValid);
        Assert.Equal("Booked", await StatusAsync(patient, appointmentId));
    }

    [Fact]
    public async Task A_provider_that_is_down_answers_503_and_the_payer_can_try_again_or_not_switch_after_an_order()
    {
        var (patient, _, paymentId) = await HeldAppointmentAsync();
        wechat.FailNext(1);
        var down = await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "WeChatPay", channel = "native" });
        Assert.Equal("payment_provider_unavailable", (await down.AssertProblemAsync(HttpStatusCode.ServiceUnavailable)).Code());

        // Nothing was placed, so the payer may still pick Alipay; once it has an order there, the provider is fixed.
        await CheckoutAsync(patient, paymentId, "Alipay", "page");
        var locked = await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "WeChatPay", channel = "native" });
        Assert.Equal("payment_method_locked", (await locked.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        var unknown = await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "Alipay", channel = "native" });
        Assert.Equal("payment_method_unavailable", (await unknown.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        // JSAPI without a code from WeChat's authorization must say what to hand back (state), or it is a bad request.
        var noState = await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "WeChatPay", channel = "jsapi" });
        await noState.AssertProblemAsync(HttpStatusCode.BadRequest);

        // Someone else's payment does not exist for them.
        var other = Through(await kit.PatientAsync());
        var foreign = await other.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "Alipay", channel = "page" });
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Switching_from_the_WeChat_Pay_QR_code_to_H5_closes_the_first_order_and_places_a_new_one_under_a_new_number()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();
        await CheckoutAsync(patient, paymentId, "WeChatPay", "native");
        await CheckoutAsync(patient, paymentId, "WeChatPay", "native");
        Assert.Equal("NOTPAY", wechat.Orders[paymentId.ToString("N")].State);

        // WeChat Pay refuses an order number again with another trade type: the QR code's order is closed (it can no
        // longer be paid) and the H5 order goes under a new number, which the callback then names.
        var h5 = await CheckoutAsync(patient, paymentId, "WeChatPay", "h5");
        Assert.Equal("redirect", h5.GetProperty("kind").GetString());
        Assert.Equal("CLOSED", wechat.Orders[paymentId.ToString("N")].State);
        var placed = wechat.Orders.Values.Single(o => o.TradeType == "h5");
        Assert.NotEqual(paymentId.ToString("N"), placed.OutTradeNo);
        Assert.InRange(placed.OutTradeNo.Length, 6, 32);
        Assert.Matches("^[0-9A-Za-z_|*-]+$", placed.OutTradeNo);

        // Asking again for the same channel places the same order (a retry), not a third one.
        await CheckoutAsync(patient, paymentId, "WeChatPay", "h5");
        Assert.Equal(2, wechat.Orders.Count);

        await wechat.PayAsync(placed.OutTradeNo);
        Assert.Equal([204], wechat.CallbackAnswers.Select(a => a.Status));
        Assert.Equal("Booked", await StatusAsync(patient, appointmentId));
        var history = (await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync()).GetProperty("history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("type").GetString() == "order_replaced");

        // Paid: no channel can be switched to any more.
        var late = await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "WeChatPay", channel = "native" });
        Assert.Equal("payment_not_pending", (await late.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task Inside_WeChat_JSAPI_asks_WeChat_for_the_payers_openid_then_places_the_order_with_signed_chooseWXPay_parameters()
    {
        var (patient, appointmentId, paymentId) = await HeldAppointmentAsync();

        // Step 1: no order yet, the way to WeChat's web authorization (silent snsapi_base), back to the SPA's /pay/wechat.
        var authorize = await CheckoutAsync(patient, paymentId, "WeChatPay", "jsapi", oAuthState: "st8Yq2xZ0a");
        Assert.Equal("oauth", authorize.GetProperty("kind").GetString());
        var url = new Uri(authorize.GetProperty("url").GetString()!);
        Assert.StartsWith(wechat.BaseUrl + "/connect/oauth2/authorize?", url.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(FakeWeChatPay.AppId, query["appid"]);
        Assert.Equal("snsapi_base", query["scope"]);
        Assert.Equal("st8Yq2xZ0a", query["state"]);
        Assert.EndsWith("/pay/wechat", query["redirect_uri"], StringComparison.Ordinal);
        Assert.Equal("#wechat_redirect", url.Fragment);
        Assert.Empty(wechat.Orders);
        Assert.DoesNotContain((await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync()).GetProperty("history").EnumerateArray(),
            h => h.GetProperty("type").GetString() == "checkout");

        // WeChat sends the browser back with a code and the same state.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var returned = System.Web.HttpUtility.ParseQueryString(back.Headers.Location!.Query);
        Assert.Equal("st8Yq2xZ0a", returned["state"]);

        // Step 2: the server exchanges the code for the openid (with the official account's secret) and places the order.
        var pay = await CheckoutAsync(patient, paymentId, "WeChatPay", "jsapi", oAuthCode: returned["code"]);
        Assert.Equal("jsapi", pay.GetProperty("kind").GetString());
        var parameters = pay.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(FakeWeChatPay.AppId, parameters["appId"]);
        Assert.StartsWith("prepay_id=", parameters["package"], StringComparison.Ordinal);
        Assert.True(wechat.VerifyJsApiParameters(parameters), "paySign must be the merchant's SHA256-RSA over appId, timeStamp, nonceStr and package.");
        var exchange = Assert.Single(wechat.Requests, r => r.Path == "/sns/oauth2/access_token");
        Assert.True(exchange.SignatureValid);
        var placed = JsonNode.Parse(Assert.Single(wechat.Requests, r => r.Path == "/v3/pay/transactions/jsapi").Body)!;
        Assert.Equal(wechat.PayerOpenId, placed["payer"]!["openid"]!.GetValue<string>());
        Assert.DoesNotContain(wechat.PayerOpenId, (await (await patient.Client.GetAsync($"/api/payments/{paymentId}")).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A code is good once: a replayed one is refused with a problem the payer can act on, and changes nothing.
        var replayed = await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "WeChatPay", channel = "jsapi", oAuthCode = returned["code"] });
        Assert.Equal("wechat_authorization_failed", (await replayed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        var badState = await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider = "WeChatPay", channel = "jsapi", oAuthState = "<script>" });
        await badState.AssertProblemAsync(HttpStatusCode.BadRequest);

        await wechat.PayAsync(paymentId.ToString("N"));
        Assert.Equal("Booked", await StatusAsync(patient, appointmentId));
    }

    [Fact]
    public async Task The_daily_job_compares_each_bill_once()
    {
        var job = host.Services.GetRequiredService<PaymentReconciliationJob>();

        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);

        Assert.True(wechat.Requests.Count(r => r.Path.StartsWith("/v3/bill/tradebill", StringComparison.Ordinal)) <= 1);
        Assert.True(alipay.Requests.Count(r => r.Path == "alipay.data.dataservice.bill.downloadurl.query") <= 1);
        var overview = await (await (await AdminAsync()).GetAsync("/api/admin/payments/reconciliation")).ReadJsonAsync();
        Assert.Contains(overview.GetProperty("runs").EnumerateArray(), r => r.GetProperty("provider").GetString() == "WeChatPay" && r.GetProperty("date").GetString() == Yesterday().ToString("yyyy-MM-dd"));
    }

    private async Task<(TestPatient Patient, Guid AppointmentId, Guid PaymentId)> HeldAppointmentAsync()
    {
        var doctor = await kit.DoctorAsync();
        var patient = Through(await kit.PatientAsync());
        var slotId = (await BookingKit.LaterSlotsAsync(patient.Client, doctor.Id))[0];
        var appointmentId = (await (await BookingKit.BookAsync(patient, slotId)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var payment = await (await patient.Client.PostAsync($"/api/appointments/{appointmentId}/payment", null)).ReadJsonAsync();
        Assert.False(payment.GetProperty("simulated").GetBoolean());
        return (patient, appointmentId, payment.GetProperty("paymentId").GetGuid());
    }

    private static async Task<JsonElement> CheckoutAsync(TestPatient patient, Guid paymentId, string provider, string channel, string? oAuthState = null, string? oAuthCode = null) =>
        await (await patient.Client.PostAsJsonAsync($"/api/payments/{paymentId}/checkout", new { provider, channel, oAuthState, oAuthCode })).ReadJsonAsync();

    private static async Task<string?> StatusAsync(TestPatient patient, Guid appointmentId) =>
        (await (await patient.Client.GetAsync($"/api/appointments/{appointmentId}")).ReadJsonAsync()).GetProperty("status").GetString();

    private async Task<HttpClient> AdminAsync()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = (await kit.AdminAsync()).DefaultRequestHeaders.Authorization;
        return client;
    }

    private TestPatient Through(TestPatient patient)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = patient.Client.DefaultRequestHeaders.Authorization;
        return patient with { Client = client };
    }

    private static DateOnly Yesterday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ChinaTime).Date).AddDays(-1);

    private static DateTimeOffset ChinaNoon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
}

[Collection(SqliteCollection.Name)]
public sealed class ChinaPaymentTestsOnSqlite(SqliteApiFactory factory) : ChinaPaymentTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ChinaPaymentTestsOnPostgres(PostgresApiFactory factory) : ChinaPaymentTests(factory);
