using InternetHospital.Application.Results;
using InternetHospital.Infrastructure.His.Hl7v2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Infrastructure.Results;

internal static class ResultsRegistration
{
    public static IServiceCollection AddResultsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResultsOptions>().Bind(configuration.GetSection(ResultsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRecordBundleWriter, His.Fhir.FhirRecordBundleWriter>();
        services.AddSingleton<IRecordPdfWriter, Records.Pdf.RecordPdfWriter>();
        var inbound = configuration.GetSection(HisInboundOptions.Section);
        services.AddOptions<HisInboundOptions>().Bind(inbound).ValidateDataAnnotations().ValidateOnStart();

        // Note: the listener exists only where a port is configured: an instance that should not accept results from
        // the HIS (or a second instance on the same host) simply has none.
        if (inbound.GetValue<int>(nameof(HisInboundOptions.Port)) > 0)
        {
            services.AddSingleton<MllpListener>();
            services.AddHostedService(sp => sp.GetRequiredService<MllpListener>());
        }

        return services;
    }
}
