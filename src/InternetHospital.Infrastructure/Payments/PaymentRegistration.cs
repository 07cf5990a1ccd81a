using InternetHospital.Application.Payments;
using InternetHospital.Infrastructure.Payments.China;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace InternetHospital.Infrastructure.Payments;

internal static class PaymentRegistration
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var payments = configuration.GetSection(PaymentOptions.Section).Get<PaymentOptions>() ?? new PaymentOptions();
        var enabled = new List<Type>();
        foreach (var provider in payments.EnabledProviders())
        {
            switch (provider)
            {
                case SimulatedPaymentGateway.ProviderName:
                    services.AddSingleton<SimulatedPaymentGateway>();
                    enabled.Add(typeof(SimulatedPaymentGateway));
                    break;
                case StripePaymentGateway.ProviderName:
                    services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
                    services.AddSingleton<IStripeClient>(sp =>
                    {
                        var stripe = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
                        return new StripeClient(new StripeClientOptions
                        {
                            ApiKey = stripe.SecretKey,
                            ApiBase = string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase.TrimEnd('/'),
                        });
                    });
                    services.AddSingleton<StripePaymentGateway>();
                    services.AddSingleton<IPaymentWebhooks, StripeWebhooks>();
                    enabled.Add(typeof(StripePaymentGateway));
                    break;
                case WeChatPayGateway.ProviderName:
                    services.AddOptions<WeChatPayOptions>().Bind(configuration.GetSection(WeChatPayOptions.Section)).ValidateDataAnnotations()
                        .Validate(o => KeysLoad(() => WeChatPaySignatures.PrivateKey(o.MerchantPrivateKey).Dispose(), () => WeChatPaySignatures.PublicKey(o.PlatformPublicKey).Dispose()),
                            "Payments:WeChatPay:MerchantPrivateKey and PlatformPublicKey must be PEM keys.")
                        .Validate(o => System.ComponentModel.DataAnnotations.Validator.TryValidateObject(o.OAuth, new(o.OAuth), null, validateAllProperties: true),
                            "Payments:WeChatPay:OAuth:AuthorizeUrl and ApiBase must be URLs.")
                        .ValidateOnStart();
                    services.AddHttpClient(WeChatPayGateway.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<WeChatPayOptions>>().Value.Timeout);
                    services.AddSingleton<WeChatPayGateway>();
                    services.AddSingleton<WeChatPayCallbacks>();
                    enabled.Add(typeof(WeChatPayGateway));
                    break;
                case AlipayGateway.ProviderName:
                    services.AddOptions<AlipayOptions>().Bind(configuration.GetSection(AlipayOptions.Section)).ValidateDataAnnotations()
                        .Validate(o => KeysLoad(() => AlipaySignatures.PrivateKey(o.AppPrivateKey).Dispose(), () => AlipaySignatures.PublicKey(o.AlipayPublicKey).Dispose()),
                            "Payments:Alipay:AppPrivateKey and AlipayPublicKey must be RSA keys (PEM or Base64).")
                        .ValidateOnStart();
                    services.AddHttpClient(AlipayGateway.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<AlipayOptions>>().Value.Timeout);
                    services.AddSingleton<AlipayGateway>();
                    services.AddSingleton(sp => new AlipayNotifications(sp.GetRequiredService<AlipayGateway>()));
                    enabled.Add(typeof(AlipayGateway));
                    break;
                default:
                    throw new InvalidOperationException($"Payments provider '{provider}' is not known. Use 'Simulated', 'Stripe', 'WeChatPay' or 'Alipay'.");
            }
        }

        services.AddSingleton<IPaymentGateways>(sp => new PaymentGateways(enabled.Select(t => (IPaymentGateway)sp.GetRequiredService(t)).ToList()));

        // Note: features that only ask "is the gateway simulated" get the default provider.
        services.AddSingleton(sp => sp.GetRequiredService<IPaymentGateways>().Default);
        services.AddSingleton<PaymentReconciliationJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentReconciliationJob>());
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    private static bool KeysLoad(params Action[] loads)
    {
        try
        {
            foreach (var load in loads)
            {
                load();
            }

            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}

internal sealed class PaymentGateways(IReadOnlyList<IPaymentGateway> all) : IPaymentGateways
{
    public IPaymentGateway Default => all[0];

    public IReadOnlyList<IPaymentGateway> All => all;

    public IPaymentGateway? Find(string provider) => all.FirstOrDefault(g => string.Equals(g.Name, provider, StringComparison.Ordinal));
}
