using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using InternetHospital.Application.Payments;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>The <c>Wechatpay-*</c> headers of a callback.</summary>
public sealed record WeChatPayCallbackHeaders(string? Serial, string? Signature, string? Timestamp, string? Nonce);

/// <summary>
/// Turns a WeChat Pay callback (支付通知 / 退款结果通知) into a provider-neutral payment event. Nothing is believed before
/// the checks pass, in this order: the serial names our configured WeChat Pay key, the timestamp is recent, the
/// signature over <c>TIMESTAMP\nNONCE\nBODY\n</c> verifies, and the resource decrypts (AES-256-GCM authenticates it, so a
/// changed ciphertext fails). Anything else is a <see cref="WebhookRejectedException"/> and changes nothing.
/// </summary>
public sealed class WeChatPayCallbacks(IOptions<WeChatPayOptions> options, TimeProvider clock) : IDisposable
{
    public const string Provider = WeChatPayGateway.ProviderName;

    private readonly Lazy<RSA> platformKey = new(() => WeChatPaySignatures.PublicKey(options.Value.PlatformPublicKey));

    public RecordProviderEvent? Parse(string body, WeChatPayCallbackHeaders headers)
    {
        var o = options.Value;
        if (!string.Equals(headers.Serial, o.PlatformPublicKeyId, StringComparison.Ordinal))
        {
            throw new WebhookRejectedException("The Wechatpay-Serial header does not name WeChat Pay's configured key.");
        }

        if (!long.TryParse(headers.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > (long)o.CallbackTolerance.TotalSeconds)
        {
            throw new WebhookRejectedException("The callback's timestamp is missing or too old.");
        }

        if (string.IsNullOrEmpty(headers.Nonce)
            || !WeChatPaySignatures.Verify(platformKey.Value, WeChatPaySignatures.ResponseMessage(headers.Timestamp!, headers.Nonce, body), headers.Signature))
        {
            throw new WebhookRejectedException("The callback's signature is not valid.");
        }

        string eventId, eventType, resource;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            eventId = root.GetProperty("id").GetString() ?? throw new JsonException("id");
            eventType = root.GetProperty("event_type").GetString() ?? throw new JsonException("event_type");
            var encrypted = root.GetProperty("resource");
            if (encrypted.GetProperty("algorithm").GetString() != "AEAD_AES_256_GCM")
            {
                throw new JsonException("algorithm");
            }

            resource = WeChatPaySignatures.Decrypt(
                o.ApiV3Key,
                encrypted.GetProperty("nonce").GetString() ?? string.Empty,
                encrypted.TryGetProperty("associated_data", out var aad) ? aad.GetString() ?? string.Empty : string.Empty,
                encrypted.GetProperty("ciphertext").GetString() ?? string.Empty);
        }
        catch (CryptographicException exception)
        {
            throw new WebhookRejectedException("The callback's resource does not decrypt with the API v3 key (tampered with?).", exception);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new WebhookRejectedException("The callback body is not a WeChat Pay notification.", exception) { Code = "invalid_webhook_body" };
        }

        try
        {
            using var decrypted = JsonDocument.Parse(resource);
            var data = decrypted.RootElement;
            if (data.TryGetProperty("mchid", out var mchId) && mchId.GetString() != o.MchId)
            {
                throw new WebhookRejectedException("The callback is for another merchant.");
            }

            var outTradeNo = data.GetProperty("out_trade_no").GetString() ?? throw new JsonException("out_trade_no");
            var amount = data.GetProperty("amount");
            var id = "wxpay:" + eventId;
            return eventType switch
            {
                "TRANSACTION.SUCCESS" when data.GetProperty("trade_state").GetString() == "SUCCESS" =>
                    new RecordProviderEvent(WeChatPayGateway.ProviderName, id, ProviderEventKind.Succeeded, outTradeNo, StripePaymentGateway.FromMinorUnits(amount.GetProperty("total").GetInt64()), null),
                "REFUND.SUCCESS" =>
                    new RecordProviderEvent(WeChatPayGateway.ProviderName, id, ProviderEventKind.Refunded, outTradeNo, StripePaymentGateway.FromMinorUnits(amount.GetProperty("refund").GetInt64()), "Refunded"),
                _ => null,
            };
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new WebhookRejectedException("The decrypted resource is not a transaction or refund.", exception) { Code = "invalid_webhook_body" };
        }
    }

    public void Dispose()
    {
        if (platformKey.IsValueCreated)
        {
            platformKey.Value.Dispose();
        }
    }
}
