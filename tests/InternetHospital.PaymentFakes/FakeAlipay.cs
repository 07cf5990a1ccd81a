using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace InternetHospital.PaymentFakes;

/// <summary>
/// Alipay's OpenAPI gateway on loopback: the cashier that alipay.trade.page.pay / wap.pay redirect to (with a pay
/// button), alipay.trade.refund, alipay.trade.query and alipay.data.dataservice.bill.downloadurl.query (a zip of a
/// GBK CSV). It refuses a request whose RSA2 signature does not verify with the app's public key (40002
/// isv.invalid-signature), signs its answers and notifications with its own key; keys are generated per instance.
/// </summary>
public sealed class FakeAlipay : FakeProvider
{
    public const string AppId = "2021000000000001";
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly RSA appKey = RSA.Create(2048);
    private readonly RSA alipayKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, byte[]> bills = new();

    public ConcurrentDictionary<string, FakeAlipayOrder> Orders { get; } = new();

    /// <summary>The notification sent last (tests replay or tamper with it).</summary>
    public Dictionary<string, string>? LastNotification { get; private set; }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Payments:Alipay:AppId"] = AppId,
        ["Payments:Alipay:AppPrivateKey"] = appKey.ExportPkcs8PrivateKeyPem(),
        ["Payments:Alipay:AlipayPublicKey"] = alipayKey.ExportSubjectPublicKeyInfoPem(),
        ["Payments:Alipay:GatewayUrl"] = BaseUrl + "/gateway.do",
    };

    public static string Content(IEnumerable<KeyValuePair<string, string>> parameters, params string[] excluded) =>
        string.Join('&', parameters.Where(p => !excluded.Contains(p.Key) && !string.IsNullOrEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Signs notification parameters as Alipay does (tests forge with another key).</summary>
    public string SignNotification(IReadOnlyDictionary<string, string> parameters, RSA? key = null) =>
        Convert.ToBase64String((key ?? alipayKey).SignData(Encoding.UTF8.GetBytes(Content(parameters, "sign", "sign_type")), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    protected override void Map(WebApplication app)
    {
        // The cashier: the browser arrives with a signed page.pay / wap.pay request in the query string.
        app.MapGet("/gateway.do", (HttpContext context) =>
        {
            var parameters = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            if (!Verify(parameters, context.Request))
            {
                return Results.Content("<p>isv.invalid-signature</p>", "text/html; charset=utf-8", statusCode: 400);
            }

            var biz = JsonNode.Parse(parameters["biz_content"])!;
            var outTradeNo = biz["out_trade_no"]!.GetValue<string>();
            var order = Orders.AddOrUpdate(
                outTradeNo,
                _ => new FakeAlipayOrder(outTradeNo, decimal.Parse(biz["total_amount"]!.GetValue<string>(), CultureInfo.InvariantCulture), parameters["method"], parameters["notify_url"], parameters.GetValueOrDefault("return_url") ?? string.Empty, biz["subject"]?.GetValue<string>() ?? string.Empty),
                (_, old) => old);
            return FakeCashier.Page("支付宝", order.Total.ToString("0.00", CultureInfo.InvariantCulture), $"/fake/alipay/pay/{outTradeNo}");
        });
        app.MapPost("/fake/alipay/pay/{outTradeNo}", async (string outTradeNo) =>
        {
            await PayAsync(outTradeNo);
            return string.IsNullOrEmpty(Orders[outTradeNo].ReturnUrl) ? Results.Ok() : Results.Redirect(Orders[outTradeNo].ReturnUrl);
        });
        app.MapPost("/gateway.do", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            var method = parameters.GetValueOrDefault("method") ?? string.Empty;
            if (!Verify(parameters, context.Request))
            {
                return Answer(method, new JsonObject { ["code"] = "40002", ["msg"] = "Invalid Arguments", ["sub_code"] = "isv.invalid-signature", ["sub_msg"] = "验签出错" });
            }

            var biz = JsonNode.Parse(parameters["biz_content"])!;
            return method switch
            {
                "alipay.trade.refund" => Refund(biz),
                "alipay.trade.query" => Query(biz),
                "alipay.data.dataservice.bill.downloadurl.query" => BillUrl(biz),
                _ => Answer(method, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = "isv.invalid-method" }),
            };
        });
        app.MapGet("/fake/alipay/bill/{token}", (string token) => bills.TryGetValue(token, out var zip) ? Results.Bytes(zip, "application/zip") : Results.NotFound());
    }

    /// <summary>The payer pays at the cashier: the trade succeeds and the notification is sent.</summary>
    public async Task PayAsync(string outTradeNo, decimal? reportedAmount = null, DateTimeOffset? paidAt = null)
    {
        var at = paidAt ?? DateTimeOffset.UtcNow;
        var order = Orders[outTradeNo] = Orders[outTradeNo] with
        {
            Status = "TRADE_SUCCESS",
            TradeNo = "2026" + RandomNumberGenerator.GetString("0123456789", 24),
            PaidAt = at,
        };
        var amount = (reportedAmount ?? order.Total).ToString("0.00", CultureInfo.InvariantCulture);
        var notification = Notification(order, new Dictionary<string, string>
        {
            ["trade_status"] = "TRADE_SUCCESS",
            ["total_amount"] = amount,
            ["receipt_amount"] = amount,
            ["buyer_pay_amount"] = amount,
            ["gmt_payment"] = China(at),
        });
        await DeliverCopiesAsync(() => ToRequest(order.NotifyUrl, notification));
    }

    /// <summary>A signed notification for <paramref name="order"/> with <paramref name="fields"/>.</summary>
    public Dictionary<string, string> Notification(FakeAlipayOrder order, IReadOnlyDictionary<string, string> fields, RSA? signWith = null)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["notify_time"] = China(DateTimeOffset.UtcNow),
            ["notify_type"] = "trade_status_sync",
            ["notify_id"] = RandomNumberGenerator.GetHexString(32, lowercase: true),
            ["app_id"] = AppId,
            ["charset"] = "utf-8",
            ["version"] = "1.0",
            ["sign_type"] = "RSA2",
            ["trade_no"] = order.TradeNo ?? string.Empty,
            ["out_trade_no"] = order.OutTradeNo,
            ["subject"] = order.Subject,
            ["gmt_create"] = China(DateTimeOffset.UtcNow),
        };
        foreach (var (key, value) in fields)
        {
            parameters[key] = value;
        }

        parameters["sign"] = SignNotification(parameters, signWith);
        LastNotification = parameters;
        return parameters;
    }

    public static HttpRequestMessage ToRequest(string url, IReadOnlyDictionary<string, string> parameters) =>
        new(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };

    private IResult Refund(JsonNode biz)
    {
        const string Method = "alipay.trade.refund";
        var outTradeNo = biz["out_trade_no"]!.GetValue<string>();
        var amount = decimal.Parse(biz["refund_amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        if (!Orders.TryGetValue(outTradeNo, out var order) || order.TradeNo is null)
        {
            return Answer(Method, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = "ACQ.TRADE_NOT_EXIST" });
        }

        if (amount > order.Total)
        {
            return Answer(Method, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" });
        }

        var again = order.OutRequestNo == biz["out_request_no"]!.GetValue<string>();
        Orders[outTradeNo] = order with { Refunded = amount, OutRequestNo = biz["out_request_no"]!.GetValue<string>(), RefundedAt = order.RefundedAt ?? DateTimeOffset.UtcNow, Status = "TRADE_CLOSED" };
        return Answer(Method, new JsonObject
        {
            ["code"] = "10000",
            ["msg"] = "Success",
            ["trade_no"] = order.TradeNo,
            ["out_trade_no"] = outTradeNo,
            ["fund_change"] = again ? "N" : "Y",
            ["refund_fee"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
        });
    }

    private IResult Query(JsonNode biz)
    {
        const string Method = "alipay.trade.query";
        var outTradeNo = biz["out_trade_no"]!.GetValue<string>();
        if (!Orders.TryGetValue(outTradeNo, out var order))
        {
            return Answer(Method, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = "ACQ.TRADE_NOT_EXIST" });
        }

        return Answer(Method, new JsonObject
        {
            ["code"] = "10000",
            ["msg"] = "Success",
            ["trade_no"] = order.TradeNo,
            ["out_trade_no"] = outTradeNo,
            ["trade_status"] = order.Status,
            ["total_amount"] = order.Total.ToString("0.00", CultureInfo.InvariantCulture),
        });
    }

    private IResult BillUrl(JsonNode biz)
    {
        const string Method = "alipay.data.dataservice.bill.downloadurl.query";
        var day = biz["bill_date"]!.GetValue<string>();
        string Day(DateTimeOffset? at) => at is { } t ? China(t)[..10] : string.Empty;
        var rows = new List<string>();
        foreach (var order in Orders.Values)
        {
            if (Day(order.PaidAt) == day)
            {
                rows.Add($"{order.TradeNo}\t,{order.OutTradeNo}\t,交易,{order.Subject.Replace(',', ' ')},{China(order.PaidAt!.Value)},{China(order.PaidAt!.Value)},,,,,buyer@example.com,{order.Total:0.00},{order.Total:0.00},0.00,0.00,0.00,0.00,0.00,,0.00,0.00,,-0.30,0.00,");
            }

            if (Day(order.RefundedAt) == day)
            {
                rows.Add($"{order.TradeNo}\t,{order.OutTradeNo}\t,退款,{order.Subject.Replace(',', ' ')},{China(order.PaidAt!.Value)},{China(order.RefundedAt!.Value)},,,,,buyer@example.com,{-order.Refunded:0.00},{-order.Refunded:0.00},0.00,0.00,0.00,0.00,0.00,,0.00,0.00,{order.OutRequestNo},0.30,0.00,");
            }
        }

        if (rows.Count == 0)
        {
            return Answer(Method, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = "isp.bill_not_exist", ["sub_msg"] = "账单不存在" });
        }

        var csv = $"#支付宝业务明细查询\r\n#账号：[{AppId}]\r\n#起始日期：[{day} 00:00:00]   终止日期：[{day} 23:59:59]\r\n#-----------------------------------------业务明细列表----------------------------------------\r\n"
            + "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注\r\n"
            + string.Join("\r\n", rows)
            + "\r\n#-----------------------------------------业务明细列表结束------------------------------------\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ($"{AppId}_{day.Replace("-", string.Empty, StringComparison.Ordinal)}_业务明细.csv", csv), ($"{AppId}_{day.Replace("-", string.Empty, StringComparison.Ordinal)}_业务明细(汇总).csv", "#汇总\r\n") })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.GetEncoding("GBK").GetBytes(text));
            }
        }

        var token = RandomNumberGenerator.GetHexString(16, lowercase: true);
        bills[token] = buffer.ToArray();
        return Answer(Method, new JsonObject { ["code"] = "10000", ["msg"] = "Success", ["bill_download_url"] = $"{BaseUrl}/fake/alipay/bill/{token}" });
    }

    /// <summary>An answer as Alipay writes it: the method's object and the signature over that object's exact text.</summary>
    private IResult Answer(string method, JsonObject answer)
    {
        var raw = answer.ToJsonString();
        var sign = Convert.ToBase64String(alipayKey.SignData(Encoding.UTF8.GetBytes(raw), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return Results.Text($"{{\"{method.Replace('.', '_')}_response\":{raw},\"sign\":\"{sign}\"}}", "application/json", Encoding.UTF8);
    }

    private bool Verify(Dictionary<string, string> parameters, HttpRequest request)
    {
        var valid = parameters.GetValueOrDefault("app_id") == AppId
            && parameters.GetValueOrDefault("sign_type") == "RSA2"
            && parameters.TryGetValue("sign", out var sign)
            && VerifyData(Content(parameters, "sign"), sign);
        Requests.Enqueue(new FakeRequest(request.Method, parameters.GetValueOrDefault("method") ?? request.Path, parameters.GetValueOrDefault("biz_content") ?? string.Empty, valid));
        return valid;
    }

    private bool VerifyData(string content, string signature)
    {
        try
        {
            return appKey.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string China(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ChinaTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

public sealed record FakeAlipayOrder(string OutTradeNo, decimal Total, string Method, string NotifyUrl, string ReturnUrl, string Subject)
{
    public string Status { get; init; } = "WAIT_BUYER_PAY";
    public string? TradeNo { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public decimal Refunded { get; init; }
    public string? OutRequestNo { get; init; }
    public DateTimeOffset? RefundedAt { get; init; }
}
