using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Application.Common;
using InternetHospital.Application.Payments;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// WeChat Pay API v3. The order is placed at checkout (the channel decides Native, H5 or JSAPI) under our order
/// number <c>out_trade_no</c> = the payment id, so an order placed twice is the same order to WeChat Pay; refunds are
/// <c>out_refund_no</c> = <c>R</c> + the payment id for the same reason. Every request is signed with the merchant key and
/// every answer's signature is checked against WeChat Pay's public key before it is believed.
/// </summary>
internal sealed class WeChatPayGateway(
    IHttpClientFactory httpClients,
    IOptions<WeChatPayOptions> options,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock)
    : ChinaPaymentGateway(
        httpClients,
        ProviderName,
        () => WeChatPaySignatures.PrivateKey(options.Value.MerchantPrivateKey),
        () => WeChatPaySignatures.PublicKey(options.Value.PlatformPublicKey)),
    IPaymentGateway, ICheckoutGateway, IReconcilableGateway
{
    public const string ProviderName = "WeChatPay";
    public const string HttpClientName = "WeChatPay";

    /// <summary>JSAPI only with the official account's web authorization configured (it gives the payer's openid).</summary>
    public IReadOnlyList<string> Channels { get; } = options.Value.OAuth.Enabled
        ? [WeChatChannels.Native, WeChatChannels.H5, WeChatChannels.JsApi]
        : [WeChatChannels.Native, WeChatChannels.H5];

    public Task<GatewayIntent> CreateIntentAsync(GatewayIntentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayIntent(OrderNumber(request.PaymentId), ClientSecret: null));

    public async Task<CheckoutAction> CheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var order = new JsonObject
        {
            ["appid"] = o.AppId,
            ["mchid"] = o.MchId,
            ["description"] = Truncate(request.Description, 127),
            ["out_trade_no"] = request.ProviderReference,
            ["notify_url"] = NotifyUrl,
            ["amount"] = new JsonObject { ["total"] = StripePaymentGateway.MinorUnits(request.Amount), ["currency"] = request.Currency },
        };
        switch (request.Channel)
        {
            case WeChatChannels.Native:
                var native = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/native", order, cancellationToken);
                return new CheckoutAction("qr", Required(native, "code_url"), null);
            case WeChatChannels.H5:
                order["scene_info"] = new JsonObject
                {
                    ["payer_client_ip"] = string.IsNullOrEmpty(request.ClientIp) ? "127.0.0.1" : request.ClientIp,
                    ["h5_info"] = new JsonObject { ["type"] = "Wap" },
                };
                var h5 = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/h5", order, cancellationToken);

                // Note: WeChat Pay's page sends the payer back to redirect_url once they have paid (or given up).
                return new CheckoutAction("redirect", Required(h5, "h5_url") + "&redirect_url=" + Uri.EscapeDataString(request.ReturnUrl), null);
            default:
                if (string.IsNullOrEmpty(request.OpenId) && string.IsNullOrEmpty(request.OAuthCode))
                {
                    return new CheckoutAction("oauth", AuthorizeUrl(request.OAuthState!), null);
                }

                var openId = string.IsNullOrEmpty(request.OpenId) ? await OpenIdAsync(request.OAuthCode!, cancellationToken) : request.OpenId;
                order["appid"] = OAuthAppId;
                order["payer"] = new JsonObject { ["openid"] = openId };
                var jsapi = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", order, cancellationToken);
                return new CheckoutAction("jsapi", null, JsApiParameters(Required(jsapi, "prepay_id")));
        }
    }

    public async Task<string> ReplaceOrderAsync(Guid paymentId, string current, int attempt, CancellationToken cancellationToken)
    {
        // Note: an order paid meanwhile stays (its callback is on the way); otherwise it is closed, so the QR code or page
        // of the earlier channel can no longer be paid and the old number never reaches us again.
        if (await QueryAsync(current, cancellationToken) is { Paid: true })
        {
            throw new Domain.Common.DomainConflictException("payment_not_pending", "This payment was already paid with WeChat Pay.");
        }

        await SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(current)}/close", new JsonObject { ["mchid"] = options.Value.MchId }, cancellationToken, notFoundIsNull: true);
        return OrderNumber(paymentId, attempt);
    }

    public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        var total = StripePaymentGateway.MinorUnits(request.Amount);
        var refund = await SendAsync(
            HttpMethod.Post,
            "/v3/refund/domestic/refunds",
            new JsonObject
            {
                ["out_trade_no"] = request.ProviderReference,
                ["out_refund_no"] = "R" + OrderNumber(request.PaymentId),
                ["notify_url"] = NotifyUrl,
                ["amount"] = new JsonObject { ["refund"] = total, ["total"] = total, ["currency"] = request.Currency },
            },
            cancellationToken);

        // Note: WeChat Pay refunds are usually PROCESSING at first; REFUND.SUCCESS confirms them by callback.
        return new GatewayRefund(Required(refund, "refund_id"), string.Equals(refund?["status"]?.GetValue<string>(), "SUCCESS", StringComparison.Ordinal));
    }

    public async Task<ProviderOrder?> QueryAsync(string providerReference, CancellationToken cancellationToken)
    {
        var path = $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(providerReference)}?mchid={Uri.EscapeDataString(options.Value.MchId)}";
        var transaction = await SendAsync(HttpMethod.Get, path, null, cancellationToken, notFoundIsNull: true);
        if (transaction is null)
        {
            return null;
        }

        var total = transaction["amount"]?["total"]?.GetValue<long>() ?? 0;
        return new ProviderOrder(
            providerReference,
            transaction["transaction_id"]?.GetValue<string>() ?? string.Empty,
            string.Equals(transaction["trade_state"]?.GetValue<string>(), "SUCCESS", StringComparison.Ordinal),
            StripePaymentGateway.FromMinorUnits(total));
    }

    public async Task<IReadOnlyList<BillLine>> DownloadBillAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var bill = await SendAsync(HttpMethod.Get, $"/v3/bill/tradebill?bill_date={date:yyyy-MM-dd}&bill_type=ALL", null, cancellationToken, notFoundIsNull: true);
        if (bill is null)
        {
            // Note: no trade that day.
            return [];
        }

        var url = new Uri(Required(bill, "download_url"));
        var bytes = await DownloadAsync(url, cancellationToken);
        var expected = bill["hash_value"]?.GetValue<string>();
        if (expected is not null && !string.Equals(Convert.ToHexStringLower(SHA1.HashData(bytes)), expected.ToLowerInvariant(), StringComparison.Ordinal))
        {
            throw new PaymentProviderUnavailableException(ProviderName, "The downloaded bill does not match its hash.");
        }

        return WeChatPayBill.Parse(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>
    /// The number of a replacing order: the payment id in URL-safe Base64 (22 characters) and the attempt, within the 32
    /// WeChat Pay allows; the same attempt gives the same number, so a retry after a failure places the same order.
    /// </summary>
    internal static string OrderNumber(Guid paymentId, int attempt) =>
        Convert.ToBase64String(paymentId.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "_" + attempt.ToString(CultureInfo.InvariantCulture);

    private string OAuthAppId => string.IsNullOrWhiteSpace(options.Value.OAuth.AppId) ? options.Value.AppId : options.Value.OAuth.AppId;

    /// <summary>
    /// WeChat's web authorization, silent for <c>snsapi_base</c>: WeChat sends the payer back to the SPA's
    /// <c>/pay/wechat</c> (under the domain registered for web authorization) with a code and <paramref name="state"/>.
    /// </summary>
    private string AuthorizeUrl(string state)
    {
        var redirect = hospital.Value.PublicUrl.TrimEnd('/') + "/pay/wechat";
        return $"{options.Value.OAuth.AuthorizeUrl}?appid={Uri.EscapeDataString(OAuthAppId)}&redirect_uri={Uri.EscapeDataString(redirect)}"
            + $"&response_type=code&scope=snsapi_base&state={Uri.EscapeDataString(state)}#wechat_redirect";
    }

    /// <summary>
    /// The payer's openid for a web-authorization code (single use, valid 5 minutes), exchanged server-side with the
    /// official account's secret. It is used for this order only: it signs nobody in and is not stored.
    /// </summary>
    private async Task<string> OpenIdAsync(string code, CancellationToken cancellationToken)
    {
        var o = options.Value.OAuth;
        var http = CreateHttpClient();
        var uri = new Uri($"{o.ApiBase.TrimEnd('/')}/sns/oauth2/access_token?appid={Uri.EscapeDataString(OAuthAppId)}&secret={Uri.EscapeDataString(o.AppSecret ?? string.Empty)}"
            + $"&code={Uri.EscapeDataString(code)}&grant_type=authorization_code");
        JsonNode? answer;
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentProviderUnavailableException(ProviderName, $"WeChat's web authorization answered {(int)response.StatusCode}.");
            }

            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderUnavailableException(ProviderName, "WeChat's web authorization failed.", exception);
        }

        // Note: a wrong, used or expired code answers errcode 40029/40163 (the payer can simply authorize again).
        if (answer?["openid"]?.GetValue<string>() is { Length: > 0 } openId)
        {
            return openId;
        }

        throw new Domain.Common.DomainRuleException("wechat_authorization_failed", $"WeChat did not accept the authorization code (errcode {answer?["errcode"]}).");
    }

    private string NotifyUrl => options.Value.NotifyUrl ?? hospital.Value.PublicUrl.TrimEnd('/') + "/api/payments/wechatpay/notify";

    private Dictionary<string, string> JsApiParameters(string prepayId)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPaySignatures.Nonce();
        var package = "prepay_id=" + prepayId;
        var appId = options.Value.AppId;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appId"] = appId,
            ["timeStamp"] = timestamp,
            ["nonceStr"] = nonce,
            ["package"] = package,
            ["signType"] = "RSA",
            ["paySign"] = WeChatPaySignatures.Sign(OwnKey, $"{appId}\n{timestamp}\n{nonce}\n{package}\n"),
        };
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        var http = CreateHttpClient();
        var uri = new Uri(new Uri(options.Value.ApiBase.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));
        var json = body?.ToJsonString() ?? string.Empty;
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        Authorize(request, uri, json);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            // Note: an unknown order answers 404 ORDER_NOT_EXIST; a day without trades answers 400 NO_STATEMENT_EXIST.
            if (notFoundIsNull && (response.StatusCode == System.Net.HttpStatusCode.NotFound || text.Contains("\"NO_STATEMENT_EXIST\"", StringComparison.Ordinal)))
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentProviderUnavailableException(ProviderName, $"{method} {uri.AbsolutePath} answered {(int)response.StatusCode}: {Truncate(text, 200)}");
            }

            // Note: an answer is believed only with WeChat Pay's signature (a man in the middle could otherwise fake an order).
            var headers = response.Headers;
            if (!string.Equals(Header(headers, "Wechatpay-Serial"), options.Value.PlatformPublicKeyId, StringComparison.Ordinal)
                || !WeChatPaySignatures.Verify(ProviderKey, WeChatPaySignatures.ResponseMessage(Header(headers, "Wechatpay-Timestamp"), Header(headers, "Wechatpay-Nonce"), text), Header(headers, "Wechatpay-Signature")))
            {
                throw new PaymentProviderUnavailableException(ProviderName, $"The answer to {method} {uri.AbsolutePath} is not signed by WeChat Pay.");
            }

            return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderUnavailableException(ProviderName, $"{method} {uri.AbsolutePath} failed.", exception);
        }
    }

    private async Task<byte[]> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        var http = CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        Authorize(request, uri, string.Empty);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentProviderUnavailableException(ProviderName, $"The bill download answered {(int)response.StatusCode}.");
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderUnavailableException(ProviderName, "The bill download failed.", exception);
        }
    }

    private void Authorize(HttpRequestMessage request, Uri uri, string body)
    {
        var o = options.Value;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPaySignatures.Nonce();
        var signature = WeChatPaySignatures.Sign(OwnKey, WeChatPaySignatures.RequestMessage(request.Method.Method, uri.PathAndQuery, timestamp, nonce, body));
        request.Headers.TryAddWithoutValidation("Authorization", WeChatPaySignatures.Authorization(o.MchId, o.MerchantSerialNo, timestamp, nonce, signature));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private static string Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() ?? string.Empty : string.Empty;

    private static string Required(JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw new PaymentProviderUnavailableException(ProviderName, $"The answer has no {property}.");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
