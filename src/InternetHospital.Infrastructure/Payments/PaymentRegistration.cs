using InternetHospital.Application.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
            default:
                throw new InvalidOperationException($"Payments:Gateway '{gateway}' is not known. Use 'Simulated'.");
        }

        return services;
    }
}
