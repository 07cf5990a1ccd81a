using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InternetHospital.PaymentFakes;

/// <summary>
/// WeChat Pay API v3 on loopback: Native/H5/JSAPI orders, order query, refunds, the trade bill and its download, and
/// a cashier page for H5 (so a browser can pay). It refuses a request whose WECHATPAY2-SHA256-RSA2048 signature does
/// not verify with the merchant's public key (401 SIGN_ERROR), signs every answer and callback with its platform key,
/// and encrypts callback resources with the API v3 key. The keys are generated per instance; <see cref="Settings"/>
/// hands the portal its side. It also plays WeChat's web authorization (snsapi_base) for JSAPI: the authorize page sends
/// the browser back with a single-use code, which <c>/sns/oauth2/access_token</c> exchanges for the payer's openid.
/// </summary>
public sealed partial class FakeWeChatPay : FakeProvider
{
    public const string MchId = "1900000109";
    public const string AppId = "wxd678efh567hg6787";
    public const string MerchantSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PlatformKeyId = "PUB_KEY_ID_0114232134912410000000000001";
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly RSA merchantKey = RSA.Create(2048);
    private readonly RSA platformKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, byte[]> bills = new();

    public string ApiV3Key { get; } = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);

    public ConcurrentDictionary<string, FakeWeChatOrder> Orders { get; } = new();

    /// <summary>The official account's secret for the code exchange.</summary>
    public string OAuthSecret { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>The openid the authorize page gives the (one) payer, as WeChat gives each user per official account.</summary>
    public string PayerOpenId { get; } = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" + RandomNumberGenerator.GetHexString(4, lowercase: true);

    /// <summary>Issued web-authorization codes not yet exchanged.</summary>
    private readonly ConcurrentDictionary<string, string> oauthCodes = new();

    /// <summary>Whether WeixinJSBridge's chooseWXPay parameters carry the merchant's paySign (API v3: appId, timeStamp, nonceStr, package).</summary>
    public bool VerifyJsApiParameters(IReadOnlyDictionary<string, string> parameters) =>
        parameters["signType"] == "RSA"
        && Verify(merchantKey, $"{parameters["appId"]}\n{parameters["timeStamp"]}\n{parameters["nonceStr"]}\n{parameters["package"]}\n", parameters["paySign"]);

    /// <summary>Issues a code as the authorize page does (for tests that do not drive a browser).</summary>
    public string IssueOAuthCode()
    {
        var code = RandomNumberGenerator.GetHexString(32, lowercase: true);
        oauthCodes[code] = PayerOpenId;
        return code;
    }

    /// <summary>The callback delivered last (tests replay or tamper with it).</summary>
    public FakeCallback? LastCallback { get; private set; }

    /// <summary>The portal's settings for this fake (section <c>Payments:WeChatPay</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Payments:WeChatPay:AppId"] = AppId,
        ["Payments:WeChatPay:MchId"] = MchId,
        ["Payments:WeChatPay:MerchantSerialNo"] = MerchantSerial,
        ["Payments:WeChatPay:MerchantPrivateKey"] = merchantKey.ExportPkcs8PrivateKeyPem(),
        ["Payments:WeChatPay:ApiV3Key"] = ApiV3Key,
        ["Payments:WeChatPay:PlatformPublicKeyId"] = PlatformKeyId,
        ["Payments:WeChatPay:PlatformPublicKey"] = platformKey.ExportSubjectPublicKeyInfoPem(),
        ["Payments:WeChatPay:ApiBase"] = BaseUrl,
        ["Payments:WeChatPay:OAuth:AppSecret"] = OAuthSecret,
        ["Payments:WeChatPay:OAuth:AuthorizeUrl"] = BaseUrl + "/connect/oauth2/authorize",
        ["Payments:WeChatPay:OAuth:ApiBase"] = BaseUrl,
    };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v3/pay/transactions/{type}", async (string type, HttpContext context) =>
        {
            if (await VerifiedAsync(context) is not { } body)
            {
                return SignError();
            }

            var order = JsonNode.Parse(body)!;
            var outTradeNo = order["out_trade_no"]!.GetValue<string>();
            if (order["mchid"]?.GetValue<string>() != MchId || order["appid"]?.GetValue<string>() != AppId)
            {
                return Signed(context, 400, new JsonObject { ["code"] = "PARAM_ERROR", ["message"] = "mchid/appid" });
            }

            if (Orders.TryGetValue(outTradeNo, out var existing) && existing.State == "CLOSED")
            {
                return Signed(context, 400, new JsonObject { ["code"] = "ORDER_CLOSED", ["message"] = "当前订单已关闭，请重新下单" });
            }

            if (existing is not null && existing.State != "NOTPAY")
            {
                return Signed(context, 400, new JsonObject { ["code"] = "ORDERPAID", ["message"] = "该订单已支付" });
            }

            // Note: as WeChat Pay does, an order number comes back only with the same parameters (a retry); another trade
            // type under it is refused, so switching from a QR code to the H5 page needs a new number.
            if (existing is not null && existing.TradeType != type)
            {
                return Signed(context, 400, new JsonObject { ["code"] = "INVALID_REQUEST", ["message"] = "201 商户订单号重复" });
            }

            var created = Orders.AddOrUpdate(
                outTradeNo,
                _ => new FakeWeChatOrder(outTradeNo, order["amount"]!["total"]!.GetValue<long>(), type, order["notify_url"]!.GetValue<string>(), order["description"]?.GetValue<string>() ?? string.Empty),
                (_, old) => old with { TradeType = type, NotifyUrl = order["notify_url"]!.GetValue<string>() });
            var prepayId = "wx" + RandomNumberGenerator.GetHexString(24, lowercase: true);
            return type switch
            {
                "native" => Signed(context, 200, new JsonObject { ["code_url"] = $"weixin://wxpay/bizpayurl?pr={outTradeNo[..8]}" }),
                "h5" => Signed(context, 200, new JsonObject { ["h5_url"] = $"{BaseUrl}/fake/wechatpay/h5/{created.OutTradeNo}?prepay_id={prepayId}&package=1" }),
                "jsapi" when order["payer"]?["openid"]?.GetValue<string>() == PayerOpenId => Signed(context, 200, new JsonObject { ["prepay_id"] = prepayId }),
                _ => Signed(context, 400, new JsonObject { ["code"] = "PARAM_ERROR", ["message"] = type }),
            };
        });
        app.MapGet("/v3/pay/transactions/out-trade-no/{outTradeNo}", async (string outTradeNo, HttpContext context) =>
        {
            if (await VerifiedAsync(context) is null)
            {
                return SignError();
            }

            return Orders.TryGetValue(outTradeNo, out var order)
                ? Signed(context, 200, Transaction(order, order.Total))
                : Signed(context, 404, new JsonObject { ["code"] = "ORDER_NOT_EXIST", ["message"] = "订单不存在" });
        });
        // WeChat's web authorization: snsapi_base is silent, so the page sends the browser straight back with a code.
        app.MapGet("/connect/oauth2/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (query["appid"] != AppId || query["response_type"] != "code" || query["scope"] != "snsapi_base"
                || !Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out var redirect))
            {
                return Results.Content("<p>10003 redirect_uri 参数错误</p>", "text/html; charset=utf-8", statusCode: 400);
            }

            var code = IssueOAuthCode();
            return Results.Redirect($"{redirect}{(redirect.Query.Length > 0 ? "&" : "?")}code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });
        app.MapGet("/sns/oauth2/access_token", (HttpContext context) =>
        {
            var query = context.Request.Query;
            Requests.Enqueue(new FakeRequest("GET", "/sns/oauth2/access_token", context.Request.QueryString.Value ?? string.Empty, query["secret"] == OAuthSecret));
            if (query["appid"] != AppId || query["secret"] != OAuthSecret || query["grant_type"] != "authorization_code")
            {
                return Results.Json(new JsonObject { ["errcode"] = 40125, ["errmsg"] = "invalid appsecret" });
            }

            // Note: a code is good once; WeChat answers 200 with an errcode, not an HTTP error.
            return oauthCodes.TryRemove(query["code"].ToString(), out var openId)
                ? Results.Json(new JsonObject { ["access_token"] = "ACCESS_TOKEN", ["expires_in"] = 7200, ["refresh_token"] = "REFRESH_TOKEN", ["openid"] = openId, ["scope"] = "snsapi_base" })
                : Results.Json(new JsonObject { ["errcode"] = 40029, ["errmsg"] = "invalid code" });
        });
        app.MapPost("/v3/pay/transactions/out-trade-no/{outTradeNo}/close", async (string outTradeNo, HttpContext context) =>
        {
            if (await VerifiedAsync(context) is null)
            {
                return SignError();
            }

            if (!Orders.TryGetValue(outTradeNo, out var order))
            {
                return Signed(context, 404, new JsonObject { ["code"] = "ORDER_NOT_EXIST", ["message"] = "订单不存在" });
            }

            if (order.State is "SUCCESS" or "REFUND")
            {
                return Signed(context, 400, new JsonObject { ["code"] = "ORDERPAID", ["message"] = "该订单已支付" });
            }

            Orders[outTradeNo] = order with { State = "CLOSED" };
            return SignedNoContent(context);
        });
        app.MapPost("/v3/refund/domestic/refunds", async (HttpContext context) =>
        {
            if (await VerifiedAsync(context) is not { } body)
            {
                return SignError();
            }

            var refund = JsonNode.Parse(body)!;
            var outTradeNo = refund["out_trade_no"]!.GetValue<string>();
            var amount = refund["amount"]!["refund"]!.GetValue<long>();
            if (!Orders.TryGetValue(outTradeNo, out var order) || order.State is not ("SUCCESS" or "REFUND") || amount > order.Total)
            {
                return Signed(context, 400, new JsonObject { ["code"] = "INVALID_REQUEST", ["message"] = "not refundable" });
            }

            var updated = Orders[outTradeNo] = order with
            {
                State = "REFUND",
                Refunded = amount,
                OutRefundNo = refund["out_refund_no"]!.GetValue<string>(),
                RefundId = order.RefundId ?? "50" + RandomNumberGenerator.GetHexString(26, lowercase: true),
                RefundNotifyUrl = refund["notify_url"]?.GetValue<string>(),
                RefundedAt = DateTimeOffset.UtcNow,
            };
            return Signed(context, 200, new JsonObject
            {
                ["refund_id"] = updated.RefundId,
                ["out_refund_no"] = updated.OutRefundNo,
                ["out_trade_no"] = outTradeNo,
                ["status"] = "PROCESSING",
                ["amount"] = new JsonObject { ["refund"] = amount, ["total"] = order.Total, ["currency"] = "CNY" },
            });
        });
        app.MapGet("/v3/bill/tradebill", async (HttpContext context) =>
        {
            if (await VerifiedAsync(context) is null)
            {
                return SignError();
            }

            var date = DateOnly.ParseExact(context.Request.Query["bill_date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var csv = Bill(date);
            if (csv is null)
            {
                return Signed(context, 400, new JsonObject { ["code"] = "NO_STATEMENT_EXIST", ["message"] = "账单不存在" });
            }

            var token = RandomNumberGenerator.GetHexString(16, lowercase: true);
            bills[token] = Encoding.UTF8.GetBytes(csv);
            return Signed(context, 200, new JsonObject
            {
                ["hash_type"] = "SHA1",
                ["hash_value"] = Convert.ToHexStringLower(SHA1.HashData(bills[token])),
                ["download_url"] = $"{BaseUrl}/v3/billdownload/file?token={token}",
            });
        });
        app.MapGet("/v3/billdownload/file", async (HttpContext context) =>
            await VerifiedAsync(context) is null ? SignError()
            : bills.TryGetValue(context.Request.Query["token"].ToString(), out var bytes) ? Results.Bytes(bytes, "text/plain") : Results.NotFound());

        // The cashier WeChat Pay shows for an H5 order in a phone browser; its button pays and goes back to the portal.
        app.MapGet("/fake/wechatpay/h5/{outTradeNo}", (string outTradeNo, HttpContext context) =>
            Orders.TryGetValue(outTradeNo, out var order)
                ? FakeCashier.Page("微信支付", (order.Total / 100m).ToString("0.00", CultureInfo.InvariantCulture), $"/fake/wechatpay/h5/{outTradeNo}?redirect_url={Uri.EscapeDataString(context.Request.Query["redirect_url"].ToString())}")
                : Results.NotFound());
        app.MapPost("/fake/wechatpay/h5/{outTradeNo}", async (string outTradeNo, HttpContext context) =>
        {
            await PayAsync(outTradeNo);
            var back = context.Request.Query["redirect_url"].ToString();
            return string.IsNullOrEmpty(back) ? Results.Ok() : Results.Redirect(back);
        });
    }

    /// <summary>The payer pays (scans the QR, confirms in the H5 page or in WeChat): the order succeeds and its callback is sent.</summary>
    /// <param name="reportedTotal">The amount the callback reports, in fen, if not the order's (a mismatch test).</param>
    /// <param name="paidAt">When it was paid (the bill day), if not now.</param>
    public async Task PayAsync(string outTradeNo, long? reportedTotal = null, DateTimeOffset? paidAt = null)
    {
        var order = Orders[outTradeNo] = Orders[outTradeNo] with
        {
            State = "SUCCESS",
            TransactionId = "42" + RandomNumberGenerator.GetHexString(26, lowercase: true),
            PaidAt = paidAt ?? DateTimeOffset.UtcNow,
        };
        var callback = Callback("TRANSACTION.SUCCESS", "transaction", Transaction(order, reportedTotal ?? order.Total));
        await DeliverCopiesAsync(() => callback.ToRequest(order.NotifyUrl));
    }

    /// <summary>WeChat Pay finishes a refund it accepted: REFUND.SUCCESS is sent.</summary>
    public async Task CompleteRefundAsync(string outTradeNo)
    {
        var order = Orders[outTradeNo];
        var callback = Callback("REFUND.SUCCESS", "refund", new JsonObject
        {
            ["mchid"] = MchId,
            ["out_trade_no"] = outTradeNo,
            ["transaction_id"] = order.TransactionId,
            ["out_refund_no"] = order.OutRefundNo,
            ["refund_id"] = order.RefundId,
            ["refund_status"] = "SUCCESS",
            ["success_time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["amount"] = new JsonObject { ["total"] = order.Total, ["refund"] = order.Refunded, ["payer_total"] = order.Total, ["payer_refund"] = order.Refunded },
        });
        await DeliverCopiesAsync(() => callback.ToRequest(order.RefundNotifyUrl ?? order.NotifyUrl));
    }

    /// <summary>A callback signed and encrypted as WeChat Pay does; the arguments forge one (another key, serial, time).</summary>
    public FakeCallback Callback(string eventType, string originalType, JsonObject resource, DateTimeOffset? at = null, RSA? signWith = null, string? serial = null, string? apiV3Key = null)
    {
        var nonce = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 12);
        var body = new JsonObject
        {
            ["id"] = "EV-" + Guid.NewGuid().ToString("N"),
            ["create_time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = originalType,
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = Encrypt(apiV3Key ?? ApiV3Key, nonce, originalType, resource.ToJsonString()),
                ["associated_data"] = originalType,
                ["nonce"] = nonce,
            },
        }.ToJsonString();
        var callback = SignedCallback(body, at, signWith, serial);
        LastCallback = callback;
        return callback;
    }

    /// <summary>Signs any body as a callback (a tampered body signed anew with a wrong key, or the right one).</summary>
    public FakeCallback SignedCallback(string body, DateTimeOffset? at = null, RSA? signWith = null, string? serial = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetHexString(32);
        return new FakeCallback(body, new Dictionary<string, string>
        {
            ["Wechatpay-Serial"] = serial ?? PlatformKeyId,
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = Convert.ToBase64String((signWith ?? platformKey).SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
        });
    }

    public static string Encrypt(string key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(key), 16);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    private JsonObject Transaction(FakeWeChatOrder order, long total) => new()
    {
        ["appid"] = AppId,
        ["mchid"] = MchId,
        ["out_trade_no"] = order.OutTradeNo,
        ["transaction_id"] = order.TransactionId,
        ["trade_type"] = order.TradeType.ToUpperInvariant(),
        ["trade_state"] = order.State,
        ["trade_state_desc"] = order.State == "SUCCESS" ? "支付成功" : "未支付",
        ["success_time"] = order.PaidAt?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        ["payer"] = new JsonObject { ["openid"] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
        ["amount"] = new JsonObject { ["total"] = total, ["payer_total"] = total, ["currency"] = "CNY", ["payer_currency"] = "CNY" },
    };

    /// <summary>The trade bill of one China day: SUCCESS rows for orders paid that day, REFUND rows for refunds; null if none.</summary>
    private string? Bill(DateOnly date)
    {
        static string Day(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, ChinaTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = new List<string>();
        foreach (var order in Orders.Values)
        {
            var total = (order.Total / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            if (Day(order.PaidAt) == day)
            {
                rows.Add(Row(order, "SUCCESS", total, "0.00"));
            }

            if (Day(order.RefundedAt) == day)
            {
                rows.Add(Row(order, "REFUND", total, (order.Refunded / 100m).ToString("0.00", CultureInfo.InvariantCulture)));
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        return "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
            + string.Join("\r\n", rows)
            + $"\r\n总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n`{rows.Count},`0.00,`0.00,`0.00,`0.00,`0.00,`0.00\r\n";
    }

    private static string Row(FakeWeChatOrder o, string state, string total, string refund) =>
        string.Join(',', new[]
        {
            "2026-01-01 00:00:00", AppId, MchId, "0", string.Empty, o.TransactionId ?? string.Empty, o.OutTradeNo, "oUpF8u", o.TradeType.ToUpperInvariant(), state, "OTHERS", "CNY",
            total, "0.00", o.RefundId ?? "0", o.OutRefundNo ?? "0", refund, "0.00", state == "REFUND" ? "ORIGINAL" : string.Empty, state == "REFUND" ? "SUCCESS" : string.Empty,
            o.Description.Replace(',', ' '), string.Empty, "0.00000", "0.60%", total, refund, string.Empty,
        }.Select(c => "`" + c));

    /// <summary>The request's body if its WECHATPAY2-SHA256-RSA2048 Authorization verifies with the merchant's public key; else null.</summary>
    private async Task<string?> VerifiedAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await BodyAsync(request);
        var header = request.Headers.Authorization.ToString();
        var fields = AuthorizationField().Matches(header).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var valid = header.StartsWith("WECHATPAY2-SHA256-RSA2048 ", StringComparison.Ordinal)
            && fields.GetValueOrDefault("mchid") == MchId
            && fields.GetValueOrDefault("serial_no") == MerchantSerial
            && long.TryParse(fields.GetValueOrDefault("timestamp"), out var timestamp)
            && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) <= 300
            && fields.TryGetValue("nonce_str", out var nonce)
            && fields.TryGetValue("signature", out var signature)
            && Verify(merchantKey, $"{request.Method}\n{request.Path}{request.QueryString}\n{timestamp}\n{nonce}\n{body}\n", signature);
        Requests.Enqueue(new FakeRequest(request.Method, $"{request.Path}{request.QueryString}", body, valid));
        return valid ? body : null;
    }

    private static bool Verify(RSA key, string message, string signature)
    {
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IResult SignError() => Results.Json(new { code = "SIGN_ERROR", message = "签名错误" }, statusCode: 401);

    private IResult SignedNoContent(HttpContext context)
    {
        Sign(context, string.Empty);
        return Results.NoContent();
    }

    private IResult Signed(HttpContext context, int status, JsonObject answer)
    {
        var body = answer.ToJsonString();
        Sign(context, body);
        return Results.Text(body, "application/json", Encoding.UTF8, status);
    }

    private void Sign(HttpContext context, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetHexString(32);
        context.Response.Headers["Wechatpay-Serial"] = PlatformKeyId;
        context.Response.Headers["Wechatpay-Timestamp"] = timestamp;
        context.Response.Headers["Wechatpay-Nonce"] = nonce;
        context.Response.Headers["Wechatpay-Signature"] = Convert.ToBase64String(platformKey.SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();
}

public sealed record FakeWeChatOrder(string OutTradeNo, long Total, string TradeType, string NotifyUrl, string Description)
{
    public string State { get; init; } = "NOTPAY";
    public string? TransactionId { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public long Refunded { get; init; }
    public string? OutRefundNo { get; init; }
    public string? RefundId { get; init; }
    public string? RefundNotifyUrl { get; init; }
    public DateTimeOffset? RefundedAt { get; init; }
}

/// <summary>A callback as sent: the JSON body and the Wechatpay-* headers.</summary>
public sealed record FakeCallback(string Body, IReadOnlyDictionary<string, string> Headers)
{
    public HttpRequestMessage ToRequest(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
