using InternetHospital.Application.Common;
using InternetHospital.Application.Payments;
using InternetHospital.Infrastructure.His;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Options;

/// <summary>
/// Outside Development and tests the payment gateway and the HIS adapters must be named explicitly: the defaults
/// (simulated payments, the in-memory demo HIS) would let a patient mark their own fee paid and drop every message
/// meant for the hospital. A simulated gateway or demo HIS there needs <c>AllowDevelopmentStandIns=true</c> (a
/// staging site), which is logged at every start and shown to users as a banner.
/// </summary>
internal static class DevelopmentStandInGuard
{
    public const string AllowSetting = "AllowDevelopmentStandIns";

    private const string PaymentGatewaySetting = PaymentOptions.Section + ":Gateway";
    private const string HisReaderSetting = HisOptions.Section + ":Reader";
    private const string HisWriterSetting = HisOptions.Section + ":Writer";
    private const string SmsProviderSetting = Sms.SmsOptions.Section + ":Provider";

    /// <summary>Throws (the host does not start) when the rule is broken; otherwise the stand-ins users must be told about.</summary>
    public static DevelopmentStandIns Check(IConfiguration configuration, IHostEnvironment environment, bool isDevelopmentLike)
    {
        if (isDevelopmentLike)
        {
            return DevelopmentStandIns.None;
        }

        // Note: Payments:Providers (a list of several) names the payment adapters as well as Payments:Gateway does.
        var providers = configuration.GetSection(PaymentOptions.Section + ":Providers").GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        var missing = new[] { PaymentGatewaySetting, HisReaderSetting, HisWriterSetting, SmsProviderSetting }
            .Where(setting => string.IsNullOrWhiteSpace(configuration[setting]) && !(setting == PaymentGatewaySetting && providers.Count > 0))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Configuration {string.Join(", ", missing.Select(s => $"'{s}'"))} is required outside Development (environment '{environment.EnvironmentName}'): " +
                $"name the real adapters ({PaymentGatewaySetting}=Stripe or {PaymentOptions.Section}:Providers=WeChatPay,Alipay,...; {HisReaderSetting}=Fhir; {HisWriterSetting}=Fhir or Hl7v2; {SmsProviderSetting}=Aliyun or Tencent). " +
                $"A staging site may run the development stand-ins (Simulated, Demo) with {AllowSetting}=true.");
        }

        var active = new List<string>();
        if ((providers.Count == 0 && string.Equals(configuration[PaymentGatewaySetting], "Simulated", StringComparison.OrdinalIgnoreCase))
            || providers.Contains("Simulated", StringComparer.OrdinalIgnoreCase))
        {
            active.Add(DevelopmentStandIns.Payments);
        }

        if (IsDemo(configuration[HisReaderSetting]) || IsDemo(configuration[HisWriterSetting]))
        {
            active.Add(DevelopmentStandIns.His);
        }

        // Note: the SMS folder sink would swallow every sign-in code and reminder meant for patients.
        if (string.Equals(configuration[SmsProviderSetting], nameof(Sms.SmsProvider.Directory), StringComparison.OrdinalIgnoreCase))
        {
            active.Add(DevelopmentStandIns.Sms);
        }

        if (active.Count > 0 && !configuration.GetValue<bool>(AllowSetting))
        {
            throw new InvalidOperationException(
                $"The development stand-ins ({string.Join(", ", active)}) are not allowed in environment '{environment.EnvironmentName}': " +
                $"set {PaymentGatewaySetting}, {HisReaderSetting}, {HisWriterSetting} and {SmsProviderSetting} to real adapters, or, for a staging site only, {AllowSetting}=true.");
        }

        return new DevelopmentStandIns(active);
    }

    private static bool IsDemo(string? value) => string.Equals(value, nameof(HisReaderKind.Demo), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Says at every start, as loudly as logging can, that this site runs development stand-ins.</summary>
internal sealed partial class DevelopmentStandInWarning(DevelopmentStandIns standIns, IHostEnvironment environment, ILogger<DevelopmentStandInWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStandIns(logger, environment.EnvironmentName, string.Join(", ", standIns.Active));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "DEVELOPMENT STAND-INS ACTIVE in environment {Environment}: {StandIns}. No real payment is taken and nothing reaches the hospital's HIS (AllowDevelopmentStandIns=true). Never run a real hospital like this.")]
    private static partial void LogStandIns(ILogger logger, string environment, string standIns);
}
