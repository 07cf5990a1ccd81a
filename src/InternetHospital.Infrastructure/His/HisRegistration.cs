using InternetHospital.Application.His;
using InternetHospital.Infrastructure.His.Delivery;
using InternetHospital.Infrastructure.His.Demo;
using InternetHospital.Infrastructure.His.Fhir;
using InternetHospital.Infrastructure.His.Hl7v2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.His;

internal static class HisRegistration
{
    public static IServiceCollection AddHis(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(HisOptions.Section);
        var options = section.Get<HisOptions>() ?? new HisOptions();
        services.AddOptions<HisOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HisOptions>, HisOptionsValidator>();

        switch (options.Reader)
        {
            case HisReaderKind.Demo:
                services.AddSingleton<DemoHisData>();
                services.AddSingleton<IHisReader, DemoHisReader>();
                break;
            case HisReaderKind.Fhir:
                // Note: no request logging on HIS clients: a URL or a body may carry personal data (domain rule 16).
                services.AddHttpClient(FhirHisReader.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<HisOptions>>().Value.FhirReader.Timeout)
                    .RemoveAllLoggers();
                services.AddSingleton<FhirHisReader>();
                services.AddSingleton(sp => new CachingHisReader(
                    sp.GetRequiredService<FhirHisReader>(),
                    sp.GetRequiredService<IOptions<HisOptions>>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<CachingHisReader>>()));
                services.AddSingleton<IHisReader>(sp => sp.GetRequiredService<CachingHisReader>());
                break;
            default:
                throw new InvalidOperationException($"Unknown HIS reader '{options.Reader}'.");
        }

        switch (options.Writer)
        {
            case HisWriterKind.Demo:
                services.AddSingleton<DemoHisWriter>();
                services.AddSingleton<IHisWriter>(sp => sp.GetRequiredService<DemoHisWriter>());
                break;
            case HisWriterKind.Fhir:
                services.AddSingleton<IHisWriter>(sp => sp.GetRequiredService<FhirHisWriter>());
                break;
            case HisWriterKind.Hl7v2:
                services.AddSingleton<IHisWriter, MllpHisWriter>();
                break;
            default:
                throw new InvalidOperationException($"Unknown HIS writer '{options.Writer}'.");
        }

        // Note: an institution may have its own FHIR HIS whatever the consortium's writer is, so the FHIR writer always exists.
        services.AddHttpClient(FhirHisWriter.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<HisOptions>>().Value.FhirWriter.Timeout)
            .RemoveAllLoggers();
        services.AddSingleton<FhirHisWriter>();
        services.AddSingleton<InstitutionHisWriters>();
        services.AddSingleton<HisOutboxDispatcher>();
        if (options.Outbox.DispatcherEnabled)
        {
            services.AddHostedService<HisOutboxDispatcherService>();
        }

        return services;
    }
}
