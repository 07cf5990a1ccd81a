using System.Collections.Concurrent;
using System.Text.Json;
using InternetHospital.Infrastructure.Sms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// Alibaba Cloud's and Tencent Cloud's SendSms on a free loopback port. It checks each request's signature with the
/// test's secret (a forged or tampered request gets the provider's signature error) and can be told to fail the next
/// requests with a 500, as a provider that is down would.
/// </summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    public const string TencentSecretId = "AKIDtest";
    public const string TencentSecretKey = "tencent-test-secret";
    public const string AliyunKeyId = "LTAItest";
    public const string AliyunSecret = "aliyun-test-secret";

    // Note: the providers answer in PascalCase ("Code", "Response"), not ASP.NET Core's camelCase default.
    private static readonly JsonSerializerOptions AsProvidersWrite = new() { PropertyNamingPolicy = null };

    private WebApplication? app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>How many of the next requests answer 500.</summary>
    public int FailNext { get; set; }

    /// <summary>Every request that reached it: its provider, whether its signature was right, and its parameters.</summary>
    public ConcurrentQueue<FakeSmsRequest> Requests { get; } = new();

    public IEnumerable<FakeSmsRequest> Delivered => Requests.Where(r => r is { SignatureValid: true, Failed: false });

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/", async (HttpRequest request) => request.HasFormContentType ? await AliyunAsync(request) : await TencentAsync(request));
        await app.StartAsync();
        BaseUrl = app.Urls.First() + "/";
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> TencentAsync(HttpRequest request)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var timestamp = long.Parse(request.Headers["X-TC-Timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var expected = Tc3Signature.Authorization(TencentSecretId, TencentSecretKey, "sms", request.Host.Value!, request.Headers["X-TC-Action"].ToString(), timestamp, body);
        var valid = request.Headers.Authorization.ToString() == expected && request.ContentType == Tc3Signature.ContentType;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(body))
        {
            foreach (var property in json.RootElement.EnumerateObject())
            {
                // Note: a list (PhoneNumberSet, TemplateParamSet) as its decoded values joined by commas.
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                    ? string.Join(',', property.Value.EnumerateArray().Select(v => v.ToString()))
                    : property.Value.ToString();
            }
        }

        var failed = Fail();
        Requests.Enqueue(new FakeSmsRequest("Tencent", valid, failed, parameters));
        if (failed)
        {
            return Results.StatusCode(500);
        }

        return valid
            ? Results.Json(new { Response = new { SendStatusSet = new[] { new { Code = "Ok", SerialNo = Guid.NewGuid().ToString("N") } }, RequestId = Guid.NewGuid().ToString() } }, AsProvidersWrite)
            : Results.Json(new { Response = new { Error = new { Code = "AuthFailure.SignatureFailure", Message = "The provided credentials could not be validated." }, RequestId = Guid.NewGuid().ToString() } }, AsProvidersWrite);
    }

    private async Task<IResult> AliyunAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var valid = form.GetValueOrDefault("AccessKeyId") == AliyunKeyId
            && form.GetValueOrDefault("Signature") == AliyunSignature.Sign("POST", form.Where(f => f.Key != "Signature"), AliyunSecret);
        var failed = Fail();
        Requests.Enqueue(new FakeSmsRequest("Aliyun", valid, failed, form));
        if (failed)
        {
            return Results.StatusCode(500);
        }

        return valid
            ? Results.Json(new { Code = "OK", Message = "OK", BizId = "900619746936498440^0", RequestId = Guid.NewGuid().ToString() }, AsProvidersWrite)
            : Results.Json(new { Code = "SignatureDoesNotMatch", Message = "Specified signature is not matched with our calculation.", RequestId = Guid.NewGuid().ToString() }, AsProvidersWrite, statusCode: 400);
    }

    private bool Fail()
    {
        lock (Requests)
        {
            if (FailNext > 0)
            {
                FailNext--;
                return true;
            }

            return false;
        }
    }
}

public sealed record FakeSmsRequest(string Provider, bool SignatureValid, bool Failed, IReadOnlyDictionary<string, string> Parameters);
