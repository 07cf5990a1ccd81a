using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternetHospital.Application.Common;
using InternetHospital.Application.Payments;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// Alipay OpenAPI (RSA2). Paying is a redirect to Alipay's cashier (alipay.trade.page.pay on a desktop,
/// alipay.trade.wap.pay on a phone) under our order number <c>out_trade_no</c> = the payment id; refunds
/// (alipay.trade.refund, <c>out_request_no</c> = <c>R</c> + the payment id so a retry is the same refund), order queries and
/// the bill's download address are signed calls whose answers are believed only with Alipay's signature.
/// </summary>
internal sealed class AlipayGateway(
    IHttpClientFactory httpClients,
    IOptions<AlipayOptions> options,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock)
    : ChinaPaymentGateway(
        httpClients,
        ProviderName,
        () => AlipaySignatures.PrivateKey(options.Value.AppPrivateKey),
        () => AlipaySignatures.PublicKey(options.Value.AlipayPublicKey)),
    IPaymentGateway, ICheckoutGateway, IReconcilableGateway
{
    public const string ProviderName = "Alipay";
    public const string HttpClientName = "Alipay";

    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public IReadOnlyList<string> Channels { get; } = [AlipayChannels.Page, AlipayChannels.Wap];

    public Task<GatewayIntent> CreateIntentAsync(GatewayIntentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayIntent(OrderNumber(request.PaymentId), ClientSecret: null));

    /// <summary>Alipay takes the same out_trade_no from page.pay and wap.pay alike: the order keeps its number.</summary>
    public Task<string> ReplaceOrderAsync(Guid paymentId, string current, int attempt, CancellationToken cancellationToken) => Task.FromResult(current);

    public Task<CheckoutAction> CheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var wap = request.Channel == AlipayChannels.Wap;
        var biz = new JsonObject
        {
            ["out_trade_no"] = request.ProviderReference,
            ["total_amount"] = Money(request.Amount),
            ["subject"] = request.Description.Length <= 256 ? request.Description : request.Description[..256],
            ["product_code"] = wap ? "QUICK_WAP_WAY" : "FAST_INSTANT_TRADE_PAY",
        };
        if (wap)
        {
            biz["quit_url"] = request.ReturnUrl;
        }

        var parameters = Signed(wap ? "alipay.trade.wap.pay" : "alipay.trade.page.pay", biz, request.ReturnUrl);
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return Task.FromResult(new CheckoutAction("redirect", $"{options.Value.GatewayUrl}?{query}", null));
    }

    public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(
            "alipay.trade.refund",
            new JsonObject
            {
                ["out_trade_no"] = request.ProviderReference,
                ["refund_amount"] = Money(request.Amount),
                ["out_request_no"] = "R" + OrderNumber(request.PaymentId),
                ["refund_reason"] = "退款 Refund",
            },
            cancellationToken);
        if (answer.Code != "10000")
        {
            throw new PaymentProviderUnavailableException(ProviderName, $"alipay.trade.refund answered {answer.Code} {answer.SubCode}.");
        }

        // Note: Alipay refunds synchronously: fund_change Y means the money moved now.
        return new GatewayRefund(answer.Body["trade_no"]?.GetValue<string>() ?? request.ProviderReference, answer.Body["fund_change"]?.GetValue<string>() == "Y");
    }

    public async Task<ProviderOrder?> QueryAsync(string providerReference, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("alipay.trade.query", new JsonObject { ["out_trade_no"] = providerReference }, cancellationToken);
        if (answer.SubCode == "ACQ.TRADE_NOT_EXIST")
        {
            return null;
        }

        if (answer.Code != "10000")
        {
            throw new PaymentProviderUnavailableException(ProviderName, $"alipay.trade.query answered {answer.Code} {answer.SubCode}.");
        }

        var status = answer.Body["trade_status"]?.GetValue<string>();
        return new ProviderOrder(
            providerReference,
            answer.Body["trade_no"]?.GetValue<string>() ?? string.Empty,
            status is "TRADE_SUCCESS" or "TRADE_FINISHED",
            ParseMoney(answer.Body["total_amount"]?.GetValue<string>()));
    }

    public async Task<IReadOnlyList<BillLine>> DownloadBillAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(
            "alipay.data.dataservice.bill.downloadurl.query",
            new JsonObject { ["bill_type"] = "trade", ["bill_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            cancellationToken);
        if (answer.SubCode == "isp.bill_not_exist")
        {
            return [];
        }

        var url = (answer.Code == "10000" ? answer.Body["bill_download_url"]?.GetValue<string>() : null)
            ?? throw new PaymentProviderUnavailableException(ProviderName, $"The bill address query answered {answer.Code} {answer.SubCode}.");

        byte[] zip;
        try
        {
            zip = await CreateHttpClient().GetByteArrayAsync(new Uri(url), cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderUnavailableException(ProviderName, "The bill download failed.", exception);
        }

        return AlipayBill.Parse(zip);
    }

    /// <summary>Verifies an asynchronous notification's parameters with Alipay's key (sign and sign_type left out of the content).</summary>
    internal bool VerifyNotification(IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue("sign", out var sign) && AlipaySignatures.Verify(ProviderKey, AlipaySignatures.Content(parameters, excludeSignType: true), sign);

    internal string AppId => options.Value.AppId;

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    internal static decimal ParseMoney(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;

    private SortedDictionary<string, string> Signed(string method, JsonObject biz, string? returnUrl)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["app_id"] = options.Value.AppId,
            ["method"] = method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = "RSA2",
            ["timestamp"] = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["version"] = "1.0",
            ["notify_url"] = options.Value.NotifyUrl ?? hospital.Value.PublicUrl.TrimEnd('/') + "/api/payments/alipay/notify",
            ["biz_content"] = biz.ToJsonString(),
        };
        if (returnUrl is not null)
        {
            parameters["return_url"] = returnUrl;
        }

        parameters["sign"] = AlipaySignatures.Sign(OwnKey, AlipaySignatures.Content(parameters, excludeSignType: false));
        return parameters;
    }

    private async Task<AlipayAnswer> CallAsync(string method, JsonObject biz, CancellationToken cancellationToken)
    {
        var parameters = Signed(method, biz, returnUrl: null);
        try
        {
            using var content = new FormUrlEncodedContent(parameters);
            using var response = await CreateHttpClient().PostAsync(new Uri(options.Value.GatewayUrl + "?charset=utf-8"), content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentProviderUnavailableException(ProviderName, $"{method} answered HTTP {(int)response.StatusCode}.");
            }

            using var document = JsonDocument.Parse(text);
            var element = document.RootElement.GetProperty(method.Replace('.', '_') + "_response");

            // Note: Alipay signs the answer object's exact text; it is verified as received, before it is parsed.
            var raw = element.GetRawText();
            var sign = document.RootElement.TryGetProperty("sign", out var s) ? s.GetString() : null;
            if (!AlipaySignatures.Verify(ProviderKey, raw, sign))
            {
                throw new PaymentProviderUnavailableException(ProviderName, $"The answer to {method} is not signed by Alipay.");
            }

            var body = JsonNode.Parse(raw)!;
            return new AlipayAnswer(body["code"]?.GetValue<string>() ?? string.Empty, body["sub_code"]?.GetValue<string>(), body);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderUnavailableException(ProviderName, $"{method} failed.", exception);
        }
    }

    private sealed record AlipayAnswer(string Code, string? SubCode, JsonNode Body);
}

/// <summary>
/// Alipay's trade bill: a zip of GBK-encoded CSV files; the detail file (业务明细, not 汇总) has comment lines starting
/// with <c>#</c>, a header naming 商户订单号, 业务类型 (交易 / 退款) and 订单金额（元）, then one row per trade or refund.
/// </summary>
internal static class AlipayBill
{
    public static IReadOnlyList<BillLine> Parse(byte[] zip)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            var entry = archive.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.Name.Contains("汇总", StringComparison.Ordinal))
                ?? throw new PaymentProviderUnavailableException(AlipayGateway.ProviderName, "The bill archive has no detail file.");
            using var reader = new StreamReader(entry.Open(), Gbk);
            return ParseCsv(reader.ReadToEnd());
        }
        catch (InvalidDataException exception)
        {
            throw new PaymentProviderUnavailableException(AlipayGateway.ProviderName, "The bill is not a zip archive.", exception);
        }
    }

    internal static Encoding Gbk
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GBK");
        }
    }

    internal static IReadOnlyList<BillLine> ParseCsv(string csv)
    {
        var rows = csv.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var headerIndex = rows.FindIndex(r => r.Contains("商户订单号", StringComparison.Ordinal));
        if (headerIndex < 0)
        {
            return [];
        }

        var header = rows[headerIndex].Split(',').Select(h => h.Trim()).ToArray();
        var tradeNo = Array.IndexOf(header, "支付宝交易号");
        var outTradeNo = Array.IndexOf(header, "商户订单号");
        var kind = Array.IndexOf(header, "业务类型");
        var amount = Array.IndexOf(header, "订单金额（元）");
        var result = new List<BillLine>();
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            var cells = row.Split(',').Select(c => c.Trim().Trim('\t')).ToArray();
            if (outTradeNo < 0 || kind < 0 || amount < 0 || cells.Length <= Math.Max(outTradeNo, Math.Max(kind, amount)))
            {
                continue;
            }

            var lineKind = cells[kind] switch
            {
                "交易" => BillLineKind.Payment,
                "退款" => BillLineKind.Refund,
                _ => (BillLineKind?)null,
            };
            if (lineKind is { } k)
            {
                result.Add(new BillLine(cells[outTradeNo], tradeNo >= 0 ? cells[tradeNo] : string.Empty, k, Math.Abs(AlipayGateway.ParseMoney(cells[amount]))));
            }
        }

        return result;
    }
}
