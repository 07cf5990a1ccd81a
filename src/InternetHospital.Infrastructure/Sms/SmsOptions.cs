using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Infrastructure.Sms;

public enum SmsProvider
{
    /// <summary>Development stand-in: one JSON file per message in a folder (App_Data/sms). Refused outside Development.</summary>
    Directory,

    /// <summary>Alibaba Cloud SMS (dysmsapi SendSms).</summary>
    Aliyun,

    /// <summary>Tencent Cloud SMS (SendSms, API 2021-01-11).</summary>
    Tencent,
}

/// <summary>Section <c>Sms</c>. Keys and secrets come from configuration only (environment or a secret store), never the repository.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public SmsProvider Provider { get; set; } = SmsProvider.Directory;

    /// <summary>Relative to the data directory.</summary>
    public string Directory { get; set; } = "sms";

    public AliyunSmsOptions Aliyun { get; set; } = new();

    public TencentSmsOptions Tencent { get; set; } = new();

    /// <summary>The provider's template id (Alibaba Cloud TemplateCode, Tencent TemplateId) for each template key, e.g. <c>Sms:Templates:sign_in_code</c>.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Optional English templates, used for people who read English (otherwise the Chinese template goes).</summary>
    public Dictionary<string, string> TemplatesEn { get; set; } = new(StringComparer.Ordinal);

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class AliyunSmsOptions
{
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";
    public string RegionId { get; set; } = "cn-hangzhou";
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }

    /// <summary>The approved sign name (签名), e.g. 某某医院.</summary>
    public string? SignName { get; set; }
}

public sealed class TencentSmsOptions
{
    public string Endpoint { get; set; } = "https://sms.tencentcloudapi.com/";
    public string Region { get; set; } = "ap-guangzhou";
    public string? SecretId { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>The SMS application's SdkAppId (1400...).</summary>
    public string? SdkAppId { get; set; }

    public string? SignName { get; set; }
}
