using InternetHospital.Application.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Application.Renewals;

internal static class RenewalServices
{
    public static IServiceCollection AddRenewals(this IServiceCollection services)
    {
        services.AddScoped<IMedicationHistory, MedicationHistoryLoader>();
        services.AddScoped<IRenewalAccess, RenewalAccess>();
        services.AddScoped<IRenewalNotifier, RenewalNotifier>();
        services.AddScoped<IPendingRenewalCounts, PendingRenewalCounts>();
        services.AddScoped<IPrescriptionCheckRunner, PrescriptionCheckRunner>();
        services.AddSingleton<IPickupCodes, RandomPickupCodes>();
        services.AddSingleton(new PaymentLink(StartRenewalPayment.Purpose, id => $"/renewals/{id}"));
        services.AddScoped<IPaymentSubject, RenewalPaymentSubject>();
        return services;
    }
}
