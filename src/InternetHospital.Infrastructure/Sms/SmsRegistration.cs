using System.Security.Cryptography;
using System.Text;
using InternetHospital.Application.Accounts;
using InternetHospital.Application.Sms;
using InternetHospital.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Sms;

internal static class SmsRegistration
{
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Provider != SmsProvider.Aliyun || (Filled(o.Aliyun.AccessKeyId) && Filled(o.Aliyun.AccessKeySecret) && Filled(o.Aliyun.SignName)),
                "Sms:Provider=Aliyun needs Sms:Aliyun:AccessKeyId, Sms:Aliyun:AccessKeySecret and Sms:Aliyun:SignName.")
            .Validate(o => o.Provider != SmsProvider.Tencent || (Filled(o.Tencent.SecretId) && Filled(o.Tencent.SecretKey) && Filled(o.Tencent.SdkAppId) && Filled(o.Tencent.SignName)),
                "Sms:Provider=Tencent needs Sms:Tencent:SecretId, Sms:Tencent:SecretKey, Sms:Tencent:SdkAppId and Sms:Tencent:SignName.")
            .Validate(o => o.Provider == SmsProvider.Directory || SmsTemplates.All.All(t => o.Templates.TryGetValue(t.Key, out var id) && Filled(id)),
                "A real SMS provider needs a template id for every template: Sms:Templates:" + string.Join(", Sms:Templates:", SmsTemplates.All.Select(t => t.Key)) + ".")
            .ValidateOnStart();
        services.AddHttpClient(nameof(SmsProvider), c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ISmsSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SmsOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SmsProvider));
            return options.Provider switch
            {
                SmsProvider.Aliyun => new AliyunSmsSender(http, options, clock),
                SmsProvider.Tencent => new TencentSmsSender(http, options, clock),
                _ => new DirectorySmsSender(Path.Combine(dataDirectory, options.Directory)),
            };
        });
        services.AddSingleton<IMobileCodeHasher, MobileCodeHasher>();
        services.AddHostedService<SmsDispatcher>();
        return services;
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);
}

/// <summary>HMAC-SHA256 of the code under the identifier hash key (a production secret), bound to the code's row.</summary>
internal sealed class MobileCodeHasher(IdentifierHashKey key) : IMobileCodeHasher
{
    public string Hash(Guid codeId, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes($"mobile-code:{codeId:N}:{code}")));
}
