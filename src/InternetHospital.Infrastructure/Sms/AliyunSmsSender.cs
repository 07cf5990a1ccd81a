using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.Application.Sms;

namespace InternetHospital.Infrastructure.Sms;

/// <summary>
/// Alibaba Cloud SMS, SendSms of dysmsapi (API version 2017-05-25), called as an RPC-style API with the HMAC-SHA1
/// signature of Alibaba Cloud's "Signature mechanism" for RPC APIs
/// (https://help.aliyun.com/en/document_detail/145075.html; the same text is published for every RPC product):
/// the parameters sorted by name, each percent-encoded (RFC 3986), joined to a canonical query; StringToSign =
/// METHOD + "&amp;" + percentEncode("/") + "&amp;" + percentEncode(canonical query); Signature = Base64(HMAC-SHA1(AccessKeySecret + "&amp;", StringToSign)).
/// </summary>
internal sealed class AliyunSmsSender(HttpClient http, SmsOptions options, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(SmsSend message, CancellationToken cancellationToken)
    {
        var aliyun = options.Aliyun;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = aliyun.AccessKeyId!,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["RegionId"] = aliyun.RegionId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
            ["PhoneNumbers"] = message.To.TrimStart('+'),
            ["SignName"] = aliyun.SignName!,
            ["TemplateCode"] = SmsTemplateIds.For(options, message),
            ["TemplateParam"] = JsonSerializer.Serialize(message.Parameters),
            ["OutId"] = message.Id.ToString("N"),
        };
        parameters["Signature"] = AliyunSignature.Sign("POST", parameters, aliyun.AccessKeySecret!);

        using var response = await http.PostAsync(aliyun.Endpoint, new FormUrlEncodedContent(parameters), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? code = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            code = json.RootElement.TryGetProperty("Code", out var c) ? c.GetString() : null;
        }
        catch (JsonException)
        {
            // Not JSON (a gateway error page): reported below with the status.
        }

        if (!response.IsSuccessStatusCode || code != "OK")
        {
            throw new SmsProviderException($"Alibaba Cloud SMS refused the message: HTTP {(int)response.StatusCode}, Code {code ?? "(none)"}");
        }
    }
}

public static class AliyunSignature
{
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        var stringToSign = StringToSign(method, parameters);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(accessKeySecret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));
        return method + "&" + PercentEncode("/") + "&" + PercentEncode(canonical);
    }

    /// <summary>RFC 3986: everything but A-Z a-z 0-9 - _ . ~ as %XX of the UTF-8 bytes, upper-case hex (space is %20, '*' is %2A).</summary>
    public static string PercentEncode(string value) => Uri.EscapeDataString(value);
}

internal sealed class SmsProviderException(string message) : Exception(message);

internal static class SmsTemplateIds
{
    public static string For(SmsOptions options, SmsSend message)
    {
        if (message.Language == Application.Common.SupportedLanguages.English && options.TemplatesEn.TryGetValue(message.Template.Key, out var english) && english.Length > 0)
        {
            return english;
        }

        return options.Templates.TryGetValue(message.Template.Key, out var id) && id.Length > 0
            ? id
            : throw new SmsProviderException($"No provider template id is configured for SMS template '{message.Template.Key}' (Sms:Templates:{message.Template.Key}).");
    }
}
