using InternetHospital.Application.His;
using InternetHospital.Infrastructure.His.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Infrastructure.His;

internal static class HisRegistration
{
    public static IServiceCollection AddHis(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HisOptions.Section).Get<HisOptions>() ?? new HisOptions();
        services.AddOptions<HisOptions>().Bind(configuration.GetSection(HisOptions.Section));
        switch (options.Reader)
        {
            case HisReaderKind.Demo:
                services.AddSingleton<DemoHisData>();
                services.AddSingleton<IHisReader, DemoHisReader>();
                break;
            default:
                throw new InvalidOperationException($"Unknown HIS reader '{options.Reader}'.");
        }

        return services;
    }
}
