using InternetHospital.Application.Payments;
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
        var gateway = configuration.GetSection(PaymentOptions.Section).Get<PaymentOptions>()?.Gateway ?? SimulatedPaymentGateway.ProviderName;
        switch (gateway)
        {
            case SimulatedPaymentGateway.ProviderName:
                services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
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
                services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
                services.AddSingleton<IPaymentWebhooks, StripeWebhooks>();
                break;
            default:
                throw new InvalidOperationException($"Payments:Gateway '{gateway}' is not known. Use 'Simulated' or 'Stripe'.");
        }

        return services;
    }
}
