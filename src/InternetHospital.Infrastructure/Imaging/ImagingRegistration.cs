using InternetHospital.Application.Imaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace InternetHospital.Infrastructure.Imaging;

internal static class ImagingRegistration
{
    public static IServiceCollection AddImaging(this IServiceCollection services, IConfiguration configuration, bool isDevelopmentLike)
    {
        var section = configuration.GetSection(ImagingOptions.Section);
        var options = section.Get<ImagingOptions>() ?? new ImagingOptions();
        services.AddOptions<ImagingOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImagingOptions>, ImagingOptionsValidator>();

        // Note: the demo archive is a development stand-in; a hospital's images come from its PACS or not at all.
        if (!isDevelopmentLike && (options.Archive != ImagingArchiveKind.DicomWeb || options.DicomWeb.BaseUrl is not { IsAbsoluteUri: true }))
        {
            throw new InvalidOperationException(
                "Configuration 'Imaging:Archive' must be DicomWeb with 'Imaging:DicomWeb:BaseUrl' (the PACS's DICOMweb root) outside Development; the demo archive is for Development only.");
        }

        switch (options.Archive)
        {
            case ImagingArchiveKind.Demo:
                services.AddSingleton<DemoImagingArchive>();
                services.AddSingleton<IImagingArchive>(sp => sp.GetRequiredService<DemoImagingArchive>());
                break;
            case ImagingArchiveKind.DicomWeb:
                // Note: no request logging: DICOMweb URLs carry patient ids and study UIDs (domain rule 16).
                services.AddHttpClient<IImagingArchive, OrthancDicomWebArchive>((sp, http) =>
                    {
                        var dicomWeb = sp.GetRequiredService<IOptions<ImagingOptions>>().Value.DicomWeb;
                        var baseUrl = dicomWeb.BaseUrl!.ToString();
                        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
                        http.Timeout = dicomWeb.Timeout;
                        if (!string.IsNullOrEmpty(dicomWeb.Username))
                        {
                            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{dicomWeb.Username}:{dicomWeb.Password}")));
                        }
                    })
                    .RemoveAllLoggers()
                    .AddResilienceHandler("imaging-reads", (builder, context) =>
                    {
                        var attempts = context.ServiceProvider.GetRequiredService<IOptions<ImagingOptions>>().Value.DicomWeb.Attempts;
                        if (attempts > 1)
                        {
                            var retry = new HttpRetryStrategyOptions
                            {
                                MaxRetryAttempts = attempts - 1,
                                BackoffType = DelayBackoffType.Exponential,
                                UseJitter = true,
                                Delay = TimeSpan.FromMilliseconds(100),
                            };

                            // Note: a store is not retried by the portal: the patient's upload says what failed and can be sent again.
                            retry.DisableForUnsafeHttpMethods();
                            builder.AddRetry(retry);
                        }
                    });
                break;
            default:
                throw new InvalidOperationException($"Unknown imaging archive '{options.Archive}'.");
        }

        return services;
    }
}
