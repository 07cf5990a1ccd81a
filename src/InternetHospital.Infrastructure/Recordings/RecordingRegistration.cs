using InternetHospital.Application.VideoVisits.Recording;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Recordings;

internal static class RecordingRegistration
{
    /// <summary>Consent-gated recording (issue 20): the recorder of the configured media path, the vault and the post-processing job.</summary>
    public static IServiceCollection AddVisitRecordings(this IServiceCollection services, IConfiguration configuration, bool developmentLike)
    {
        services.AddOptions<RecordingOptions>().Bind(configuration.GetSection("Video")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecordingOptions>>(new RecordingOptionsValidator(developmentLike));
        services.AddScoped<IRecordingVault, RecordingVault>();

        // Note: whichever media server Video:Media chose (the mesh's cannot record); transient like its HTTP client.
        services.AddTransient<IVisitRecorder, MediaServerVisitRecorder>();
        services.AddSingleton<RecordingProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingProcessor>());
        return services;
    }
}
