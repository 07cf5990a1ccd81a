using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// Section <c>Payments:WeChatPay</c>, used when <c>WeChatPay</c> is among <c>Payments:Providers</c>. The merchant's
/// private key and the API v3 key come from the environment or a secret store, never the repository.
/// </summary>
public sealed class WeChatPayOptions
{
    public const string Section = "Payments:WeChatPay";

    /// <summary>The app id the orders are placed for (official account / website app, 公众号/网站应用 AppID).</summary>
    [Required]
    public string AppId { get; set; } = string.Empty;

    /// <summary>The merchant id (商户号).</summary>
    [Required]
    public string MchId { get; set; } = string.Empty;

    /// <summary>Serial number of the merchant API certificate whose private key signs requests.</summary>
    [Required]
    public string MerchantSerialNo { get; set; } = string.Empty;

    /// <summary>The merchant API private key (PKCS#8 PEM, apiclient_key.pem).</summary>
    [Required]
    public string MerchantPrivateKey { get; set; } = string.Empty;

    /// <summary>The API v3 key (32 characters) that callback resources are encrypted with.</summary>
    [Required]
    [StringLength(32, MinimumLength = 32)]
    public string ApiV3Key { get; set; } = string.Empty;

    /// <summary>
    /// The id of WeChat Pay's public key (<c>PUB_KEY_ID_...</c>) or the serial of its platform certificate: callbacks and
    /// answers must carry it in <c>Wechatpay-Serial</c>.
    /// </summary>
    [Required]
    public string PlatformPublicKeyId { get; set; } = string.Empty;

    /// <summary>WeChat Pay's public key (PEM, SubjectPublicKeyInfo) or the platform certificate (PEM) that signs callbacks and answers.</summary>
    [Required]
    public string PlatformPublicKey { get; set; } = string.Empty;

    /// <summary>Where the API is; changed only to point at a local fake in tests.</summary>
    [Required]
    [Url]
    public string ApiBase { get; set; } = "https://api.mch.weixin.qq.com";

    /// <summary>Where WeChat Pay posts callbacks; by default <c>Hospital:PublicUrl</c> + <c>/api/payments/wechatpay/notify</c>.</summary>
    [Url]
    public string? NotifyUrl { get; set; }

    /// <summary>How far a callback's signed timestamp may be from now (replay protection).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan CallbackTolerance { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>WeChat's web authorization (snsapi_base), which JSAPI payment inside WeChat needs for the payer's openid.</summary>
    public WeChatOAuthOptions OAuth { get; set; } = new();
}

/// <summary>
/// Section <c>Payments:WeChatPay:OAuth</c>: the official account (公众号) whose web authorization gives the payer's
/// openid. Without <see cref="AppSecret"/> JSAPI is not offered (payers inside WeChat then use H5).
/// </summary>
public sealed class WeChatOAuthOptions
{
    /// <summary>The official account's AppID; by default <c>Payments:WeChatPay:AppId</c> (a JSAPI order's appid must be the openid's).</summary>
    public string? AppId { get; set; }

    /// <summary>The official account's AppSecret (from the environment or a secret store).</summary>
    public string? AppSecret { get; set; }

    /// <summary>WeChat's authorization page; changed only to point at a local fake in tests.</summary>
    [Url]
    public string AuthorizeUrl { get; set; } = "https://open.weixin.qq.com/connect/oauth2/authorize";

    /// <summary>Where the code is exchanged for the openid (<c>/sns/oauth2/access_token</c>); changed only for a local fake.</summary>
    [Url]
    public string ApiBase { get; set; } = "https://api.weixin.qq.com";

    public bool Enabled => !string.IsNullOrWhiteSpace(AppSecret);
}
