using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.Application.Sms;

namespace InternetHospital.Infrastructure.Sms;

/// <summary>
/// Tencent Cloud SMS, SendSms (API version 2021-01-11), signed with TC3-HMAC-SHA256 as Tencent Cloud's "Signature v3"
/// describes it (https://www.tencentcloud.com/document/api/382/40467 and the identical page of every product):
/// a canonical request (method, "/", empty query, the content-type, host and x-tc-action headers, their names, the SHA-256 of the body),
/// a string to sign (algorithm, timestamp, credential scope date/service/tc3_request, SHA-256 of the canonical request),
/// and a key derived by HMAC-SHA256 chaining "TC3"+SecretKey → date → service → "tc3_request".
/// </summary>
internal sealed class TencentSmsSender(HttpClient http, SmsOptions options, TimeProvider clock) : ISmsSender
{
    public const string Service = "sms";
    public const string Action = "SendSms";

    public async Task SendAsync(SmsSend message, CancellationToken cancellationToken)
    {
        var tencent = options.Tencent;
        var body = JsonSerializer.Serialize(new
        {
            PhoneNumberSet = new[] { message.To.StartsWith('+') ? message.To : "+86" + message.To },
            SmsSdkAppId = tencent.SdkAppId,
            SignName = tencent.SignName,
            TemplateId = SmsTemplateIds.For(options, message),
            TemplateParamSet = message.Template.Parameters.Select(p => message.Parameters[p]).ToArray(),
            SessionContext = message.Id.ToString("N"),
        });
        var endpoint = new Uri(tencent.Endpoint);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Tc3Signature.ContentType);
        request.Headers.TryAddWithoutValidation("X-TC-Action", Action);
        request.Headers.TryAddWithoutValidation("X-TC-Version", "2021-01-11");
        request.Headers.TryAddWithoutValidation("X-TC-Region", tencent.Region);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Authorization", Tc3Signature.Authorization(tencent.SecretId!, tencent.SecretKey!, Service, endpoint.Authority, Action, timestamp, body));

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? error = null;
        string? status = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement.GetProperty("Response");
            error = root.TryGetProperty("Error", out var e) ? e.GetProperty("Code").GetString() : null;
            status = root.TryGetProperty("SendStatusSet", out var set) && set.GetArrayLength() > 0 ? set[0].GetProperty("Code").GetString() : null;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not the documented shape: reported below.
        }

        if (!response.IsSuccessStatusCode || error is not null || !string.Equals(status, "Ok", StringComparison.OrdinalIgnoreCase))
        {
            throw new SmsProviderException($"Tencent Cloud SMS refused the message: HTTP {(int)response.StatusCode}, {error ?? status ?? "no status"}");
        }
    }
}

public static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The headers signed, as in the documentation's example: content type, host and the action.</summary>
    public const string SignedHeaders = "content-type;host;x-tc-action";

    public static string Authorization(string secretId, string secretKey, string service, string host, string action, long timestamp, string body)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var signature = Signature(secretKey, service, date, StringToSign(service, host, action, timestamp, body));
        return $"{Algorithm} Credential={secretId}/{date}/{service}/tc3_request, SignedHeaders={SignedHeaders}, Signature={signature}";
    }

    public static string CanonicalRequest(string host, string action, string body) =>
        "POST\n/\n\n" + $"content-type:{ContentType}\nhost:{host}\nx-tc-action:{action.ToLowerInvariant()}\n" + "\n" + SignedHeaders + "\n" + Sha256Hex(body);

    public static string StringToSign(string service, string host, string action, long timestamp, string body)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{Algorithm}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{date}/{service}/tc3_request\n{Sha256Hex(CanonicalRequest(host, action, body))}";
    }

    public static string Signature(string secretKey, string service, string date, string stringToSign)
    {
        var secretDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + secretKey), Encoding.UTF8.GetBytes(date));
        var secretService = HMACSHA256.HashData(secretDate, Encoding.UTF8.GetBytes(service));
        var secretSigning = HMACSHA256.HashData(secretService, Encoding.UTF8.GetBytes("tc3_request"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(secretSigning, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
