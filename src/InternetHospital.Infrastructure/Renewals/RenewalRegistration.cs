using InternetHospital.Application.Renewals;
using InternetHospital.Infrastructure.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Infrastructure.Renewals;

internal static class RenewalRegistration
{
    public static IServiceCollection AddRenewalInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RenewalOptions>().Bind(configuration.GetSection(RenewalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IDataSeeder, DrugCatalogueSeeder>();
        return services;
    }
}
