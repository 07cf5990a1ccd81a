using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// Section <c>Payments:Alipay</c>, used when <c>Alipay</c> is among <c>Payments:Providers</c> (public-key mode, RSA2).
/// The app private key comes from the environment or a secret store, never the repository.
/// </summary>
public sealed class AlipayOptions
{
    public const string Section = "Payments:Alipay";

    [Required]
    public string AppId { get; set; } = string.Empty;

    /// <summary>The app's private key (PKCS#8 or PKCS#1 PEM) that signs requests.</summary>
    [Required]
    public string AppPrivateKey { get; set; } = string.Empty;

    /// <summary>Alipay's public key (PEM) that its answers and notifications are verified with.</summary>
    [Required]
    public string AlipayPublicKey { get; set; } = string.Empty;

    /// <summary>The OpenAPI gateway; changed only to point at a local fake in tests (sandbox: https://openapi-sandbox.dl.alipaydev.com/gateway.do).</summary>
    [Required]
    [Url]
    public string GatewayUrl { get; set; } = "https://openapi.alipay.com/gateway.do";

    /// <summary>Where Alipay posts notifications; by default <c>Hospital:PublicUrl</c> + <c>/api/payments/alipay/notify</c>.</summary>
    [Url]
    public string? NotifyUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
